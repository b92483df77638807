import Testing

@testable import PDF

/// A two-page document using two fonts and every drawing call.
func sampleDocument() -> PDFDocument {
  var document = PDFDocument(
    title: "Certificat — Élodie", author: "Relais", creationDate: PDFDate(secondsSince1970: 0))
  document.addPage(size: .a4Landscape) { page in
    page.text("Bonjour (tout) le monde \\ ok", x: 72, y: 500, font: .helvetica, size: 14)
    page.centeredText("Centré", centerX: 421, y: 400, font: .helveticaBold, size: 20)
    page.line(x1: 72, y1: 100, x2: 770, y2: 100, width: 0.5, color: .gray)
    page.rect(x: 20, y: 20, width: 802, height: 555, fill: nil, stroke: PDFColor(hex: 0x1F6FEB))
  }
  document.addPage(size: .a4Portrait) { page in
    page.rect(x: 10, y: 10, width: 50, height: 50, fill: .black, stroke: nil)
  }
  return document
}

extension [UInt8] {
  func text(_ range: Range<Int>) -> String { String(decoding: self[range], as: UTF8.self) }

  func firstRange(of needle: String, from start: Int = 0) -> Range<Int>? {
    let bytes = Array(needle.utf8)
    guard bytes.count <= count else { return nil }
    var i = start
    while i + bytes.count <= count {
      if self[i..<(i + bytes.count)].elementsEqual(bytes) { return i..<(i + bytes.count) }
      i += 1
    }
    return nil
  }
}

@Suite struct PDFStructureTests {
  let bytes = sampleDocument().render()

  @Test func startsWithTheVersionHeaderAndEndsWithEOF() {
    #expect(bytes.text(0..<9) == "%PDF-1.4\n")
    #expect(bytes.text((bytes.count - 6)..<bytes.count) == "%%EOF\n")
  }

  @Test func everyXrefEntryPointsAtItsObject() throws {
    let marker = try #require(bytes.firstRange(of: "startxref\n", from: bytes.count - 40))
    let tail = bytes.text(marker.upperBound..<bytes.count)
    let xrefOffset = try #require(Int(tail.prefix { $0.isNumber }))
    #expect(bytes.text(xrefOffset..<(xrefOffset + 5)) == "xref\n")
    let header = bytes.text(xrefOffset..<(xrefOffset + 40)).split(separator: "\n")[1]
    #expect(header.hasPrefix("0 "))
    let size = try #require(Int(header.dropFirst(2)))
    // Object count: catalog, pages, info, 2 fonts, 2 × (page + content).
    #expect(size == 10)
    let entriesStart = xrefOffset + "xref\n0 \(size)\n".utf8.count
    for number in 0..<size {
      let entry = bytes.text((entriesStart + 20 * number)..<(entriesStart + 20 * (number + 1)))
      #expect(entry.count == 20 && entry.hasSuffix(" \n"), "entry \(number): \(entry)")
      if number == 0 {
        #expect(entry == "0000000000 65535 f \n")
        continue
      }
      #expect(entry.hasSuffix(" 00000 n \n"))
      let offset = try #require(Int(entry.prefix(10)))
      let objectHeader = "\(number) 0 obj\n"
      #expect(
        bytes.text(offset..<(offset + objectHeader.utf8.count)) == objectHeader,
        "object \(number)")
    }
    let trailer = try #require(bytes.firstRange(of: "trailer\n", from: xrefOffset))
    #expect(
      bytes.text(trailer.upperBound..<marker.lowerBound)
        == "<< /Size 10 /Root 1 0 R /Info 3 0 R >>\n")
  }

  @Test func streamLengthsMatchTheirContent() throws {
    var searchFrom = 0
    var streams = 0
    while let length = bytes.firstRange(of: "<< /Length ", from: searchFrom) {
      let declared = try #require(
        Int(bytes.text(length.upperBound..<(length.upperBound + 12)).prefix { $0.isNumber }))
      let start = try #require(bytes.firstRange(of: "stream\n", from: length.upperBound)).upperBound
      let end = try #require(bytes.firstRange(of: "\nendstream", from: start)).lowerBound
      #expect(end - start == declared)
      searchFrom = end
      streams += 1
    }
    #expect(streams == 2)
  }

  @Test func declaresOnlyTheFontsUsedWithWinAnsiEncoding() {
    let text = String(decoding: bytes, as: UTF8.self)
    #expect(text.contains("/BaseFont /Helvetica /Encoding /WinAnsiEncoding"))
    #expect(text.contains("/BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding"))
    #expect(!text.contains("/Times-Roman"))
  }

  @Test func pagesCarryTheirOwnSize() {
    let text = String(decoding: bytes, as: UTF8.self)
    #expect(text.contains("/MediaBox [0 0 842 595]"))
    #expect(text.contains("/MediaBox [0 0 595 842]"))
    #expect(text.contains("/Count 2"))
  }

  @Test func escapesParenthesesAndBackslashesInText() {
    #expect(bytes.firstRange(of: "(Bonjour \\(tout\\) le monde \\\\ ok) Tj") != nil)
  }

  @Test func infoHasTitleProducerAndCreationDate() {
    let text = String(decoding: bytes, as: UTF8.self)
    // "Certificat — Élodie" is not ASCII, so it is written as UTF-16BE with a BOM.
    #expect(
      text.contains(
        "/Title <FEFF00430065007200740069006600690063006100740020201400200"
          + "0C9006C006F006400690065>"))
    #expect(text.contains("/Producer (Relais)"))
    #expect(text.contains("/CreationDate (D:19700101000000Z)"))
  }

  @Test func drawingOperatorsUseTheGivenGeometryAndColours() {
    let page = sampleDocument().pages[0]
    let content = String(decoding: page.content, as: UTF8.self)
    #expect(content.contains("q 0.5 w 0.5 0.5 0.5 RG 72 100 m 770 100 l S Q"))
    #expect(content.contains("0.122 0.435 0.922 RG 1 w 20 20 802 555 re S Q"))
    #expect(content.contains("/F1 14 Tf 0 0 0 rg 72 500 Td"))
    let filled = String(decoding: sampleDocument().pages[1].content, as: UTF8.self)
    #expect(filled == "q 0 0 0 rg 10 10 50 50 re f Q\n")
  }

  @Test func centredTextStartsHalfItsWidthLeftOfTheCentre() {
    var page = PDFPage()
    page.centeredText("Hello", centerX: 100, y: 50, font: .helvetica, size: 10)
    // "Hello" is 2,278 thousandths wide: 22.78 pt at 10 pt, so it starts at 100 − 11.39.
    #expect(String(decoding: page.content, as: UTF8.self).contains("88.61 50 Td (Hello) Tj"))
  }

  @Test func renderingIsDeterministic() {
    #expect(sampleDocument().render() == sampleDocument().render())
  }
}
