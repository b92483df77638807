import Foundation
import Testing

@testable import PDF

/// The embedded font is a well-formed TrueType file holding only what is drawn.
@Suite struct TrueTypeSubsetTests {
  let library = FontLibrary.shared

  @Test func theShippedFontsLoad() {
    #expect(PDFTypeface.isAvailable)
    #expect(library.regular.count == FontLibrary.families.count)
    #expect(library.bold.count == FontLibrary.families.count)
  }

  @Test func aSubsetKeepsNotdefAndTheUsedGlyphsRenumbered() throws {
    let font = library.faces[library.regular[0]]
    let used = Set("Hé".unicodeScalars.compactMap { font.glyph(for: $0) })
    let subset = TrueTypeSubset(font: font, glyphs: used)
    #expect(subset.oldIDs.first == 0)
    #expect(Set(subset.oldIDs).isSuperset(of: used))
    #expect(subset.newID[0] == 0)
    let parsed = try #require(TrueTypeFont(name: "subset", bytes: subset.bytes))
    #expect(parsed.glyphCount == subset.oldIDs.count)
    for (new, old) in subset.oldIDs.enumerated() {
      #expect(parsed.advance(UInt16(new)) == font.advance(old))
      #expect(parsed.outline(UInt16(new)).count >= font.outline(old).count)
    }
    // The whole file sums to the magic number once head's adjustment is in.
    #expect(TrueTypeSubset.checksum(subset.bytes) == 0xB1B0_AFBA)
    #expect(subset.bytes.count < 4_000)
  }

  @Test func compositeGlyphsBringTheirComponentsWithNewIDs() throws {
    let font = library.faces[library.regular[0]]
    // Find a composite among accented letters (Noto builds many from base + accent).
    let composite = try #require(
      "ǢǼǺḈẤỆốởữ".unicodeScalars.compactMap { font.glyph(for: $0) }.first {
        !TrueTypeSubset.components(of: font.outline($0)).isEmpty
      })
    let components = TrueTypeSubset.components(of: font.outline(composite)).map(\.glyph)
    let subset = TrueTypeSubset(font: font, glyphs: [composite])
    for component in components { #expect(subset.newID[component] != nil) }
    let parsed = try #require(TrueTypeFont(name: "subset", bytes: subset.bytes))
    let newComposite = try #require(subset.newID[composite])
    let rewritten = TrueTypeSubset.components(of: parsed.outline(newComposite)).map(\.glyph)
    #expect(rewritten == components.compactMap { subset.newID[$0] })
  }

  @Test func toUnicodeMapsEachCIDToItsText() {
    var document = PDFDocument()
    document.addPage { page in page.text("Aé", x: 10, y: 10, typeface: .regular) }
    let text = String(decoding: document.render(), as: UTF8.self)
    #expect(text.contains("/Subtype /Type0"))
    #expect(text.contains("/Encoding /Identity-H"))
    #expect(text.contains("/CIDToGIDMap /Identity"))
    #expect(text.contains("/FontFile2"))
    #expect(text.contains("<0041>") && text.contains("<00E9>"))
    #expect(text.hasPrefix("%PDF-1.5"))
  }

  @Test func theDocumentLanguageIsInTheCatalog() {
    let document = PDFDocument(language: "ar")
    let text = String(decoding: document.render(), as: UTF8.self)
    #expect(text.contains("/Type /Catalog /Pages 2 0 R /Lang (ar)"))
  }
}

@Suite struct FontLibraryTests {
  @Test func aMissingFontDirectoryGivesNoFacesRatherThanACrash() {
    let library = FontLibrary(directory: URL(fileURLWithPath: "/nonexistent-relais-fonts"))
    #expect(library.faces.isEmpty && library.regular.isEmpty && library.bold.isEmpty)
    #expect(FontLibrary(directory: nil).faces.isEmpty)
  }

  @Test func aFileThatIsNotAFontIsRejected() {
    #expect(TrueTypeFont(name: "x", bytes: Array("not a font at all".utf8)) == nil)
    #expect(TrueTypeFont(name: "x", bytes: []) == nil)
    // A valid header whose table directory points past the end.
    var truncated: [UInt8] = [0, 1, 0, 0, 0, 1, 0, 16, 0, 0, 0, 0]
    truncated += Array("head".utf8) + [0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 54]
    #expect(TrueTypeFont(name: "x", bytes: truncated) == nil)
  }
}
