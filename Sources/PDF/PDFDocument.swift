/// A PDF document (1.4, or 1.5 once it embeds fonts): pages drawn with `PDFPage`, written out
/// by `render()`.
///
///     var document = PDFDocument(title: "شهادة", creationDate: PDFDate(secondsSince1970: t),
///                                language: "ar")
///     document.addPage(size: .a4Landscape) { page in
///       page.centeredText("أمينة يوسف", centerX: page.width / 2, y: 420,
///                         typeface: .bold, size: 32)
///     }
///     let bytes = document.render()
///
/// `typeface:` draws any script the shipped Noto fonts cover, embedding subsets of them;
/// `font:` draws with the unembedded standard fonts, which know only WinAnsi (Latin-1).
public struct PDFDocument: Sendable {
  public var title: String
  public var author: String?
  public var producer: String
  public var creationDate: PDFDate
  /// The natural language of the text (a BCP 47 tag such as "ar" or "fr"), written as the
  /// catalog's /Lang so screen readers pronounce it correctly.
  public var language: String?
  public private(set) var pages: [PDFPage] = []

  public init(
    title: String = "", author: String? = nil, producer: String = "Relais",
    creationDate: PDFDate = PDFDate(secondsSince1970: 0), language: String? = nil
  ) {
    self.language = language
    self.title = title
    self.author = author
    self.producer = producer
    self.creationDate = creationDate
  }

  public mutating func append(_ page: PDFPage) {
    pages.append(page)
  }

  /// Adds a page of `size` and lets `draw` fill it.
  public mutating func addPage(
    size: PDFPageSize = .a4Landscape, _ draw: (inout PDFPage) -> Void
  ) {
    var page = PDFPage(size: size)
    draw(&page)
    pages.append(page)
  }

  /// The file. Objects: 1 catalog, 2 page tree, 3 info, then one per standard font used, then
  /// five per embedded face, then a page and its content stream for each page; a classic xref
  /// table gives each one's offset.
  public func render() -> [UInt8] {
    let usedFonts = PDFFont.allCases.filter { font in pages.contains { $0.fonts.contains(font) } }
    var glyphTexts: [Int: [UInt16: String]] = [:]
    for page in pages {
      for (face, texts) in page.glyphTexts {
        glyphTexts[face, default: [:]].merge(texts) { first, _ in first }
      }
    }
    let faces = FontLibrary.shared.faces
    let embedded = glyphTexts.keys.sorted().filter { $0 < faces.count }.map {
      (face: $0, font: EmbeddedFont(font: faces[$0], glyphTexts: glyphTexts[$0] ?? [:]))
    }
    // Marked content with /ActualText is PDF 1.5.
    var writer = PDFObjectWriter(version: embedded.isEmpty ? "1.4" : "1.5")
    let firstFont = 4
    let firstEmbedded = firstFont + usedFonts.count
    let firstPage = firstEmbedded + EmbeddedFont.objectCount * embedded.count
    let pageNumbers = pages.indices.map { firstPage + 2 * $0 }

    let lang = language.map { " /Lang \(PDFText.string($0))" } ?? ""
    writer.object(1, "<< /Type /Catalog /Pages 2 0 R\(lang) >>")
    let kids = pageNumbers.map { "\($0) 0 R" }.joined(separator: " ")
    writer.object(2, "<< /Type /Pages /Kids [\(kids)] /Count \(pages.count) >>")
    writer.object(3, infoDictionary())
    var fontResources = ""
    for (index, font) in usedFonts.enumerated() {
      writer.object(
        firstFont + index,
        "<< /Type /Font /Subtype /Type1 /BaseFont /\(font.baseFont) "
          + "/Encoding /WinAnsiEncoding >>")
      fontResources += "/\(font.resourceName) \(firstFont + index) 0 R "
    }
    var newIDs: [Int: [UInt16: UInt16]] = [:]
    for (index, item) in embedded.enumerated() {
      let number = firstEmbedded + EmbeddedFont.objectCount * index
      item.font.write(to: &writer, first: number)
      fontResources += "/E\(item.face) \(number) 0 R "
      newIDs[item.face] = item.font.subset.newID
    }
    for (page, number) in zip(pages, pageNumbers) {
      let box = "[0 0 \(PDFNumber.format(page.width)) \(PDFNumber.format(page.height))]"
      writer.object(
        number,
        "<< /Type /Page /Parent 2 0 R /MediaBox \(box) "
          + "/Resources << /Font << \(fontResources)>> >> /Contents \(number + 1) 0 R >>")
      writer.stream(number + 1, page.rendered { face, glyph in newIDs[face]?[glyph] ?? 0 })
    }
    return writer.finish(root: 1, info: 3)
  }

  private func infoDictionary() -> String {
    var entries = "/Title \(PDFText.string(title)) /Producer \(PDFText.string(producer)) "
    if let author { entries += "/Author \(PDFText.string(author)) " }
    entries += "/CreationDate (\(creationDate.pdfString))"
    return "<< \(entries) >>"
  }
}
