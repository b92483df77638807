/// One embedded face as PDF objects (PDF 1.7 §9.7): a Type0 font with Identity-H encoding
/// whose descendant CIDFontType2 holds a TrueType subset. CIDs equal the subset's glyph ids
/// (CIDToGIDMap /Identity); /W gives the advance of each; a ToUnicode CMap maps each CID back
/// to the text it was drawn for.
struct EmbeddedFont {
  let font: TrueTypeFont
  let subset: TrueTypeSubset
  /// New glyph id → text, for ToUnicode.
  let texts: [UInt16: String]
  let baseFont: String

  /// Objects this font takes, starting at the Type0 font's number.
  static let objectCount = 5

  init(font: TrueTypeFont, glyphTexts: [UInt16: String]) {
    self.font = font
    subset = TrueTypeSubset(font: font, glyphs: Set(glyphTexts.keys))
    var texts: [UInt16: String] = [:]
    for (old, text) in glyphTexts {
      if let new = subset.newID[old], new != 0, !text.isEmpty { texts[new] = text }
    }
    self.texts = texts
    baseFont = Self.tag(font.name, subset.oldIDs) + "+" + font.name
  }

  /// The six capital letters that name a subset (§9.6.4), derived from its glyphs so the
  /// same document always gives the same bytes.
  static func tag(_ name: String, _ glyphs: [UInt16]) -> String {
    var hash: UInt64 = 0xCBF2_9CE4_8422_2325
    for byte in Array(name.utf8) + glyphs.flatMap({ [UInt8($0 >> 8), UInt8($0 & 0xFF)] }) {
      hash = (hash ^ UInt64(byte)) &* 0x100_0000_01B3
    }
    var tag = ""
    for _ in 0..<6 {
      tag.append(Character(Unicode.Scalar(UInt8(65 + hash % 26))))
      hash /= 26
    }
    return tag
  }

  func write(to writer: inout PDFObjectWriter, first: Int) {
    let scale = 1000 / Double(font.unitsPerEm)
    func units(_ value: Int) -> String { PDFNumber.format(Double(value) * scale) }
    writer.object(
      first,
      "<< /Type /Font /Subtype /Type0 /BaseFont /\(baseFont) /Encoding /Identity-H "
        + "/DescendantFonts [\(first + 1) 0 R] /ToUnicode \(first + 4) 0 R >>")
    let widths = subset.oldIDs.map { units(font.advance($0)) }.joined(separator: " ")
    writer.object(
      first + 1,
      "<< /Type /Font /Subtype /CIDFontType2 /BaseFont /\(baseFont) "
        + "/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> "
        + "/FontDescriptor \(first + 2) 0 R /DW 0 /W [0 [\(widths)]] /CIDToGIDMap /Identity >>")
    let box = font.boundingBox
    writer.object(
      first + 2,
      "<< /Type /FontDescriptor /FontName /\(baseFont) /Flags 4 "
        + "/FontBBox [\(units(box.0)) \(units(box.1)) \(units(box.2)) \(units(box.3))] "
        + "/ItalicAngle 0 /Ascent \(units(font.ascent)) /Descent \(units(font.descent)) "
        + "/CapHeight \(units(font.capHeight)) /StemV 80 /FontFile2 \(first + 3) 0 R >>")
    writer.stream(first + 3, subset.bytes, entries: "/Length1 \(subset.bytes.count)")
    writer.stream(first + 4, Array(toUnicode().utf8))
  }

  /// The ToUnicode CMap (Adobe technical note #5411), bfchar entries at most 100 per block.
  func toUnicode() -> String {
    var cmap = """
      /CIDInit /ProcSet findresource begin
      12 dict begin
      begincmap
      /CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def
      /CMapName /Adobe-Identity-UCS def
      /CMapType 2 def
      1 begincodespacerange
      <0000> <FFFF>
      endcodespacerange

      """
    let entries = texts.sorted { $0.key < $1.key }
    var start = 0
    while start < entries.count {
      let block = entries[start..<min(start + 100, entries.count)]
      cmap += "\(block.count) beginbfchar\n"
      for (cid, text) in block {
        let hex = PDFText.unicodeHex(text).dropFirst(5).dropLast()
        cmap += "<\(Self.hex4(cid))> <\(hex)>\n"
      }
      cmap += "endbfchar\n"
      start += 100
    }
    cmap += "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n"
    return cmap
  }

  static func hex4(_ value: UInt16) -> String {
    let digits = Array("0123456789ABCDEF")
    return String([12, 8, 4, 0].map { digits[Int(value >> UInt16($0)) & 0xF] })
  }
}
