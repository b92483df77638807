/// A TrueType file holding only the glyphs a document draws, renumbered from 0 (.notdef) in
/// the order of their old ids, plus the components of composite glyphs. Only the tables a PDF
/// reader uses for an embedded CIDFontType2 are kept (head, hhea, maxp, hmtx, loca, glyf and
/// the hinting tables cvt, fpgm, prep if any); the character map stays out since PDF maps
/// codes to glyphs itself (CIDToGIDMap /Identity).
struct TrueTypeSubset {
  let bytes: [UInt8]
  /// Old glyph id → new glyph id (which is also the CID written in content streams).
  let newID: [UInt16: UInt16]
  /// New glyph id → old glyph id.
  let oldIDs: [UInt16]

  init(font: TrueTypeFont, glyphs: Set<UInt16>) {
    // Close over composite components, whose ids the composite glyph refers to.
    var keep: Set<UInt16> = []
    var pending = Array(glyphs) + [0]
    while let glyph = pending.popLast() {
      guard Int(glyph) < font.glyphCount, keep.insert(glyph).inserted else { continue }
      pending += Self.components(of: font.outline(glyph)).map(\.glyph)
    }
    oldIDs = keep.sorted()
    var newID: [UInt16: UInt16] = [:]
    for (index, old) in oldIDs.enumerated() { newID[old] = UInt16(index) }
    self.newID = newID

    var glyf: [UInt8] = []
    var loca: [UInt8] = []
    var hmtx: [UInt8] = []
    let hmtxTable = font.tables["hmtx"]
    let metricCount = Int(font.data.u16((font.tables["hhea"]?.offset ?? 0) + 34))
    for old in oldIDs {
      loca.appendU32(UInt32(glyf.count))
      var outline = Array(font.outline(old))
      for component in Self.components(of: outline[...]) {
        outline.setU16(newID[component.glyph] ?? 0, at: component.offset)
      }
      glyf += outline
      while glyf.count % 4 != 0 { glyf.append(0) }
      let record = min(Int(old), max(metricCount - 1, 0))
      hmtx.appendU16(UInt16(font.advance(old)))
      // Left side bearing: from the long record, or from the bearings array that follows.
      let bearing =
        Int(old) < metricCount
        ? font.data.u16((hmtxTable?.offset ?? 0) + 4 * record + 2)
        : font.data.u16((hmtxTable?.offset ?? 0) + 4 * metricCount + 2 * (Int(old) - metricCount))
      hmtx.appendU16(bearing)
    }
    loca.appendU32(UInt32(glyf.count))

    let count = UInt16(oldIDs.count)
    var head = Array(font.table("head") ?? [])
    head.setU32(0, at: 8)  // checkSumAdjustment, set once the file is complete
    head.setU16(1, at: 50)  // indexToLocFormat: long offsets
    var hhea = Array(font.table("hhea") ?? [])
    hhea.setU16(count, at: 34)  // numberOfHMetrics
    var maxp = Array(font.table("maxp") ?? [])
    maxp.setU16(count, at: 4)  // numGlyphs
    var tables: [(String, [UInt8])] = [
      ("glyf", glyf), ("head", head), ("hhea", hhea), ("hmtx", hmtx), ("loca", loca),
      ("maxp", maxp),
    ]
    for tag in ["cvt ", "fpgm", "prep"] {
      if let table = font.table(tag) { tables.append((tag, Array(table))) }
    }
    bytes = Self.assemble(tables.sorted { $0.0 < $1.0 })
  }

  /// The component references of a composite glyph: each one's glyph id and where that id
  /// sits in the outline bytes (so it can be rewritten).
  static func components(of outline: ArraySlice<UInt8>) -> [(glyph: UInt16, offset: Int)] {
    let data = FontBytes(Array(outline))
    guard data.count >= 10, data.i16(0) < 0 else { return [] }
    var result: [(UInt16, Int)] = []
    var at = 10
    while at + 4 <= data.count {
      let flags = data.u16(at)
      result.append((data.u16(at + 2), at + 2))
      at += 4 + (flags & 0x0001 != 0 ? 4 : 2)
      if flags & 0x0008 != 0 {
        at += 2
      } else if flags & 0x0040 != 0 {
        at += 4
      } else if flags & 0x0080 != 0 {
        at += 8
      }
      guard flags & 0x0020 != 0 else { break }
    }
    return result
  }

  /// The sfnt wrapper: offset table, table records (sorted by tag), 4-byte aligned tables,
  /// checksums, and head's checkSumAdjustment so the whole file sums to 0xB1B0AFBA.
  static func assemble(_ tables: [(String, [UInt8])]) -> [UInt8] {
    var out: [UInt8] = []
    let count = tables.count
    var power = 1
    var log2 = 0
    while power * 2 <= count {
      power *= 2
      log2 += 1
    }
    out.appendU32(0x0001_0000)
    out.appendU16(UInt16(count))
    out.appendU16(UInt16(power * 16))
    out.appendU16(UInt16(log2))
    out.appendU16(UInt16(count * 16 - power * 16))
    var offset = 12 + 16 * count
    var headOffset: Int?
    for (tag, data) in tables {
      out += Array(tag.utf8.prefix(4))
      out.appendU32(checksum(data))
      out.appendU32(UInt32(offset))
      out.appendU32(UInt32(data.count))
      if tag == "head" { headOffset = offset }
      offset += (data.count + 3) & ~3
    }
    for (_, data) in tables {
      out += data
      while out.count % 4 != 0 { out.append(0) }
    }
    if let headOffset {
      out.setU32(0xB1B0_AFBA &- checksum(out), at: headOffset + 8)
    }
    return out
  }

  static func checksum(_ data: [UInt8]) -> UInt32 {
    var sum: UInt32 = 0
    var index = 0
    while index < data.count {
      var word: UInt32 = 0
      for byte in 0..<4 {
        word = word << 8 | UInt32(index + byte < data.count ? data[index + byte] : 0)
      }
      sum = sum &+ word
      index += 4
    }
    return sum
  }
}
