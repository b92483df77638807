import Testing

@testable import PDF

/// Myanmar names shaped as HarfBuzz shapes them with the same font file: the expected glyph
/// ids below were produced by HarfBuzz 's hb_shape on Sources/PDF/Fonts/NotoSansMyanmar-*.ttf.
@Suite struct MyanmarShapingTests {
  static let expected: [(weight: String, text: String, glyphs: [UInt16])] = [
    ("Regular", "အောင်ဆန်းစုကြည်", [370, 35, 366, 6, 379, 8, 22, 379, 377, 7, 207, 196, 2, 12, 379]),
    ("Regular", "မြန်မာ", [45, 27, 22, 379, 27, 366]),
    ("Regular", "ကျော်ထွန်း", [370, 2, 380, 366, 379, 19, 46, 22, 379, 377]),
    ("Regular", "သင်္ချိုင်း", [32, 3, 187, 380, 367, 208, 6, 379, 377]),
    ("Regular", "ခင်မောင်ကြော", [3, 6, 379, 370, 27, 366, 6, 379, 370, 196, 2, 366]),
    ("Regular", "နန္ဒာ", [22, 260, 256, 366]),
    ("Regular", "ဦးသိန်း", [40, 377, 32, 367, 22, 379, 377]),
    ("Regular", "မြို့", [197, 27, 367, 394]),
    ("Regular", "ဒေါ်ခင်ကြည်", [370, 20, 172, 3, 6, 379, 196, 2, 12, 379]),
    ("Regular", "ကြွေ", [370, 193, 2]),
    ("Regular", "ဇော်ဇော်", [370, 9, 366, 379, 370, 9, 366, 379]),
    ("Regular", "မင်းအောင်လှိုင်", [27, 6, 379, 377, 370, 35, 366, 6, 379, 30, 176, 367, 6, 379]),
    ("Regular", "စိုးစိုးနွယ်", [7, 367, 207, 377, 7, 367, 207, 377, 260, 46, 28, 379]),
    ("Regular", "ပြည့်ဖြိုး", [45, 23, 12, 376, 379, 197, 24, 367, 208, 377]),
    ("Bold", "အောင်ဆန်းစုကြည်", [370, 35, 366, 6, 379, 8, 22, 379, 377, 7, 207, 196, 2, 12, 379]),
    ("Bold", "မြန်မာ", [45, 27, 22, 379, 27, 366]),
    ("Bold", "ကျော်ထွန်း", [370, 2, 380, 366, 379, 19, 46, 22, 379, 377]),
    ("Bold", "သင်္ချိုင်း", [32, 3, 187, 380, 367, 208, 6, 379, 377]),
    ("Bold", "ခင်မောင်ကြော", [3, 6, 379, 370, 27, 366, 6, 379, 370, 196, 2, 366]),
    ("Bold", "နန္ဒာ", [22, 260, 256, 366]),
    ("Bold", "ဦးသိန်း", [40, 377, 32, 367, 22, 379, 377]),
    ("Bold", "မြို့", [197, 27, 367, 394]),
    ("Bold", "ဒေါ်ခင်ကြည်", [370, 20, 172, 3, 6, 379, 196, 2, 12, 379]),
    ("Bold", "ကြွေ", [370, 193, 2]),
    ("Bold", "ဇော်ဇော်", [370, 9, 366, 379, 370, 9, 366, 379]),
    ("Bold", "မင်းအောင်လှိုင်", [27, 6, 379, 377, 370, 35, 366, 6, 379, 30, 176, 367, 6, 379]),
    ("Bold", "စိုးစိုးနွယ်", [7, 367, 207, 377, 7, 367, 207, 377, 260, 46, 28, 379]),
    ("Bold", "ပြည့်ဖြိုး", [45, 23, 12, 376, 379, 197, 24, 367, 208, 377]),
  ]

  @Test(arguments: expected)
  func glyphsMatchHarfBuzz(weight: String, text: String, glyphs: [UInt16]) throws {
    let library = FontLibrary.shared
    let face = try #require(
      library.faces.firstIndex { $0.name == "NotoSansMyanmar-\(weight)" })
    let shaped = TextShaper.shape(Array(text), font: library.faces[face], rightToLeft: false)
    #expect(shaped.map(\.glyph) == glyphs, "\(text)")
  }

  @Test func theVowelSignEAndMedialRaAreDrawnBeforeTheirConsonant() {
    // ကြော = KA, MEDIAL RA, E, AA (logical) → E, MEDIAL RA, KA, AA (drawn).
    let reordered = MyanmarShaping.reorder(Array("ကြော".unicodeScalars)).map(\.value)
    #expect(reordered == [0x1031, 0x103C, 0x1000, 0x102C])
    // Kinzi (NGA ASAT VIRAMA) goes after the consonant it sits on.
    let kinzi = MyanmarShaping.reorder(Array("င်္ခ".unicodeScalars)).map(\.value)
    #expect(kinzi == [0x1001, 0x1004, 0x103A, 0x1039])
  }
}
