import Testing

@testable import PDF

/// Arabic joining and ligatures through Noto Sans Arabic's GSUB. The font's cmap also maps
/// the Presentation Forms-B characters to the same glyphs, which gives the expected glyph of
/// each form independently of our GSUB reading.
@Suite struct ArabicShapingTests {
  let font = FontLibrary.shared.faces[FontLibrary.shared.regular[1]]

  func presentation(_ value: UInt32) -> UInt16? {
    Unicode.Scalar(value).flatMap { font.glyph(for: $0) }
  }

  func shaped(_ text: String) -> [ShapedGlyph] {
    TextShaper.shape(text.map { $0 }, font: font, rightToLeft: true)
  }

  @Test func theFontIsNotoSansArabicWithItsJoiningFeatures() {
    #expect(font.name == "NotoSansArabic-Regular")
    for feature in ["init", "medi", "fina", "rlig"] {
      #expect(font.substitutions.has(feature), "\(feature)")
    }
  }

  @Test func joiningTypesFollowUnicode() {
    #expect(ArabicJoining.joiningType("م") == .dual)
    #expect(ArabicJoining.joiningType("ا") == .right)
    #expect(ArabicJoining.joiningType("ة") == .right)
    #expect(ArabicJoining.joiningType("ء") == .none)
    #expect(ArabicJoining.joiningType("\u{064E}") == .transparent)
    #expect(ArabicJoining.joiningType("ـ") == .causing)
    #expect(ArabicJoining.joiningType("پ") == .dual)
    #expect(ArabicJoining.joiningType("ژ") == .right)
    #expect(ArabicJoining.joiningType("ے") == .right)
  }

  @Test func ameenaTakesIsolatedInitialMedialMedialFinal() {
    let forms = ArabicJoining.forms(Array("أمينة".unicodeScalars))
    #expect(forms == ["isol", "init", "medi", "medi", "fina"])
    // أ isolated (its own glyph: the font draws the isolated form by default), م initial
    // FEE3, ي medial FEF4, ن medial FEE8, ة final FE94.
    let expected = [0x0623, 0xFEE3, 0xFEF4, 0xFEE8, 0xFE94].map(presentation)
    #expect(shaped("أمينة").map(\.glyph) == expected.compactMap { $0 })
    #expect(shaped("أمينة").map(\.text) == ["أ", "م", "ي", "ن", "ة"])
  }

  @Test func aMarkBetweenLettersDoesNotBreakTheJoin() {
    // بَب: the fatha is transparent, so the first beh is initial and the second final.
    #expect(ArabicJoining.forms(Array("بَب".unicodeScalars)) == ["init", nil, "fina"])
  }

  @Test func lamAlefBecomesOneLigatureGlyph() throws {
    let glyphs = shaped("لا")
    let ligature = try #require(presentation(0xFEFB))
    #expect(glyphs.map(\.glyph) == [ligature])
    #expect(glyphs.first?.text == "لا")
    // After a joining letter, the final lam-alef (FEFC).
    let joined = shaped("سلا")
    #expect(joined.map(\.glyph).last == presentation(0xFEFC))
    #expect(joined.count == 2)
  }

  @Test func persianAndUrduLettersJoinToo() {
    // پ initial, چ (in the middle of پچه) medial; ے (yeh barree) after ب is final.
    let forms = ArabicJoining.forms(Array("پچه".unicodeScalars))
    #expect(forms == ["init", "medi", "fina"])
    let glyphs = shaped("پچه").map(\.glyph)
    let isolated = "پچه".unicodeScalars.compactMap { font.glyph(for: $0) }
    #expect(glyphs.count == 3)
    for (shapedGlyph, isolatedGlyph) in zip(glyphs, isolated) {
      #expect(shapedGlyph != isolatedGlyph)
    }
  }

  @Test func rightToLeftRunsAreDrawnReversedAndNumbersStayLeftToRight() {
    let line = TextShaper.layout("أمينة 2024", typeface: .regular, direction: .auto)
    #expect(line.rightToLeft)
    let drawnText = line.runs.flatMap(\.glyphs).map(\.text).joined()
    // Visual order, left to right: the digits (as written), the space, then the name reversed.
    #expect(drawnText == "2024 " + String("أمينة".reversed()))
  }

  @Test func bidiLevelsAndVisualOrder() {
    let characters = Array("Ahmad أحمد 7")
    let levels = Bidi.levels(characters, direction: .auto)
    #expect(levels == [0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 0, 0])
    #expect(Bidi.visualOrder(levels: [0, 1, 1, 0]) == [0, 2, 1, 3])
    #expect(Bidi.visualOrder(levels: [1, 1, 2, 2, 1]) == [4, 2, 3, 1, 0])
  }
}

/// Arabic, Persian and Urdu names shaped as HarfBuzz shapes them with the same font files: the
/// expected glyph ids (in reading order) come from hb_shape on
/// Sources/PDF/Fonts/NotoSansArabic-*.ttf.
@Suite struct ArabicMatchesHarfBuzzTests {
  static let expected: [(weight: String, text: String, glyphs: [UInt16])] = [
    ("Regular", "أمينة يوسف", [49, 704, 1371, 764, 1159, 1, 1369, 1347, 979, 279]),
    (
      "Regular", "عبد الرحمن بن محمد",
      [8, 94, 192, 1, 44, 621, 888, 379, 706, 761, 1, 92, 761, 1, 704, 381, 706, 192]
    ),
    ("Regular", "الفلاني", [44, 621, 282, 654, 762, 1368]),
    (
      "Regular", "پریسا چگینی گلزار",
      [844, 888, 1374, 981, 45, 1, 1141, 335, 1376, 764, 1373, 1, 333, 623, 1514, 44, 887]
    ),
    ("Regular", "عائشہ بی بی", [8, 45, 1383, 1064, 469, 1, 92, 1373, 1, 92, 1373]),
    ("Regular", "نرگس ژاله", [762, 888, 333, 978, 1, 512, 44, 621, 442]),
    ("Regular", "مُحَمَّد", [704, 211, 381, 265, 706, 1054, 192]),
    ("Regular", "فاطمة الزهراء", [280, 45, 1112, 706, 1159, 1, 44, 621, 1514, 443, 888, 44, 430]),
    ("Regular", "ـبـ", [563, 94, 563]),
    ("Regular", "لأ", [655]),
    ("Regular", "كلا", [517, 654]),
    ("Regular", "ہمایوں", [470, 706, 45, 1374, 1347, 820]),
    ("Regular", "ڈاکٹر", [226, 44, 576, 1255, 888]),
    ("Bold", "أمينة يوسف", [49, 704, 1371, 764, 1159, 1, 1369, 1347, 979, 279]),
    (
      "Bold", "عبد الرحمن بن محمد",
      [8, 94, 192, 1, 44, 621, 888, 379, 706, 761, 1, 92, 761, 1, 704, 381, 706, 192]
    ),
    ("Bold", "الفلاني", [44, 621, 282, 654, 762, 1368]),
    (
      "Bold", "پریسا چگینی گلزار",
      [844, 888, 1374, 981, 45, 1, 1141, 335, 1376, 764, 1373, 1, 333, 623, 1514, 44, 887]
    ),
    ("Bold", "عائشہ بی بی", [8, 45, 1383, 1064, 469, 1, 92, 1373, 1, 92, 1373]),
    ("Bold", "نرگس ژاله", [762, 888, 333, 978, 1, 512, 44, 621, 442]),
    ("Bold", "مُحَمَّد", [704, 211, 381, 265, 706, 1054, 192]),
    ("Bold", "فاطمة الزهراء", [280, 45, 1112, 706, 1159, 1, 44, 621, 1514, 443, 888, 44, 430]),
    ("Bold", "ـبـ", [563, 94, 563]),
    ("Bold", "لأ", [655]),
    ("Bold", "كلا", [517, 654]),
    ("Bold", "ہمایوں", [470, 706, 45, 1374, 1347, 820]),
    ("Bold", "ڈاکٹر", [226, 44, 576, 1255, 888]),
  ]

  @Test(arguments: expected)
  func glyphsMatchHarfBuzz(weight: String, text: String, glyphs: [UInt16]) throws {
    let library = FontLibrary.shared
    let face = try #require(library.faces.firstIndex { $0.name == "NotoSansArabic-\(weight)" })
    let shaped = TextShaper.shape(Array(text), font: library.faces[face], rightToLeft: true)
    #expect(shaped.map(\.glyph) == glyphs, "\(text)")
  }
}
