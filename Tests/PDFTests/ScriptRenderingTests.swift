import Foundation
import Testing

@testable import PDF

/// A name in each script the shipped fonts cover, on a certificate-like page: poppler opens
/// it, gives the name back as text, and draws ink where the name is.
@Suite(.enabled(if: Poppler.available, "needs poppler-utils (pdftotext, pdftoppm)"))
struct ScriptRenderingTests {
  static let names: [(script: String, name: String)] = [
    ("Latin (Vietnamese)", "Nguyễn Thị Minh Khai"),
    ("Latin (Polish, Turkish)", "Łukasz Żółć Şükrü Güneş"),
    ("Cyrillic", "Олена Шевченко"),
    ("Greek", "Αικατερίνη Παπαδοπούλου"),
    ("Arabic", "أمينة يوسف"),
    ("Persian", "پریسا چگینی"),
    ("Urdu", "عائشہ بی بی"),
    ("Hebrew", "נועה כהן"),
    ("Ethiopic", "ሰላም ተስፋዬ"),
    ("Armenian", "Անահիտ Սարգսյան"),
    ("Georgian", "ნინო ბერიძე"),
    ("Myanmar", "အောင်ဆန်းစုကြည်"),
  ]

  /// Heading and a sentence in regular and bold, the name in bold at 36 pt on y = 360.
  static func certificate(_ name: String) -> [UInt8] {
    var document = PDFDocument(title: "Certificate — \(name)", language: "en")
    document.addPage(size: .a4Landscape) { page in
      page.rect(x: 20, y: 20, width: 802, height: 555, stroke: .black, lineWidth: 4)
      page.centeredText(
        "Certificate of completion", centerX: 421, y: 465, typeface: .bold, size: 34)
      page.centeredText("This certifies that", centerX: 421, y: 410, typeface: .regular, size: 16)
      page.centeredText(name, centerX: 421, y: 360, typeface: .bold, size: 36)
      page.paragraph(
        "has completed the training module Fact-checking: check before you share.", x: 80,
        y: 275, width: 682, typeface: .regular, size: 20, alignment: .center)
    }
    return document.render()
  }

  @Test(arguments: names)
  func pdfParsesAndGivesTheNameBackAndDrawsIt(script: String, name: String) throws {
    let bytes = Self.certificate(name)
    #expect(bytes.count <= 60_000, "\(script): \(bytes.count) bytes")
    let url = try Poppler.write(bytes)
    defer { try? FileManager.default.removeItem(at: url) }

    let info = try Poppler.run("pdfinfo", [url.path])
    #expect(info.status == 0, "\(script): pdfinfo failed")
    let text = try Poppler.text(url)
    #expect(text.contains(name), "\(script): pdftotext gave \(text)")
    #expect(!text.contains("?"), "\(script)")

    // The name's line (baseline 360, 36 pt) is inked; a band of the page left empty is not.
    let width = PDFTypeface.bold.width(of: name, size: 36)
    let inked = try Poppler.darkPixels(url, x: 421 - width / 2, y: 350, width: width, height: 45)
    #expect(inked > 300, "\(script): \(inked) dark pixels where the name is")
    let empty = try Poppler.darkPixels(url, x: 100, y: 120, width: 600, height: 60)
    #expect(empty == 0)
  }

  @Test func everyListedScriptIsCovered() {
    for (script, name) in Self.names {
      #expect(PDFTypeface.regular.missingCharacters(in: name).isEmpty, "\(script)")
      #expect(PDFTypeface.bold.missingCharacters(in: name).isEmpty, "\(script)")
    }
  }

  /// Khmer has no shipped font: nothing is drawn for it (no `?`, no boxes), yet the name is
  /// in the file as text, through /ActualText.
  @Test func aScriptWithoutAFontLeavesNoInkButStaysInTheText() throws {
    let name = "សុខ ចាន់ធី"
    #expect(PDFTypeface.bold.missingCharacters(in: name).count > 3)
    let url = try Poppler.write(Self.certificate(name))
    defer { try? FileManager.default.removeItem(at: url) }
    let text = try Poppler.text(url)
    #expect(text.contains(name), "\(text)")
    #expect(!text.contains("?"))
    let inked = try Poppler.darkPixels(url, x: 100, y: 350, width: 642, height: 45)
    #expect(inked == 0)
  }

  @Test func invisibleTextLeavesNoInkButExtracts() throws {
    var document = PDFDocument()
    document.addPage { page in
      page.text("Олена", x: 100, y: 300, typeface: .bold, size: 36, visible: false)
    }
    let url = try Poppler.write(document.render())
    defer { try? FileManager.default.removeItem(at: url) }
    #expect(try Poppler.text(url).contains("Олена"))
    #expect(try Poppler.darkPixels(url, x: 90, y: 290, width: 300, height: 50) == 0)
  }

  @Test func mixedArabicLatinAndDigitsExtractInReadingOrder() throws {
    var document = PDFDocument()
    document.addPage { page in
      page.centeredText("أمينة يوسف", centerX: 421, y: 400, typeface: .regular, size: 20)
      page.centeredText("لا إله", centerX: 421, y: 300, typeface: .regular, size: 20)
    }
    let url = try Poppler.write(document.render())
    defer { try? FileManager.default.removeItem(at: url) }
    let text = try Poppler.text(url)
    #expect(text.contains("أمينة يوسف"))
    // The lam-alef ligature is one glyph standing for two letters, in reading order.
    #expect(text.contains("لا إله"), "\(text)")
  }
}
