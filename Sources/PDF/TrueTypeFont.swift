/// A TrueType (glyf-outline) font read once into what the PDF writer needs: the character
/// map, advance widths, the glyph outlines' locations, the metrics for the font descriptor,
/// and the Arabic substitutions of its GSUB table.
struct TrueTypeFont: Sendable {
  let name: String
  let data: FontBytes
  /// Table tag → (offset, length) in `data`.
  let tables: [String: (offset: Int, length: Int)]
  let unitsPerEm: Int
  let glyphCount: Int
  let advances: [UInt16]
  /// Start of each glyph in `glyf` (glyphCount + 1 entries).
  let glyphOffsets: [Int]
  let characterMap: [UInt32: UInt16]
  let ascent: Int
  let descent: Int
  let capHeight: Int
  let boundingBox: (Int, Int, Int, Int)
  let substitutions: GlyphSubstitutions

  /// Nil when `bytes` is not a TrueType font with the tables a PDF needs.
  init?(name: String, bytes: [UInt8]) {
    let data = FontBytes(bytes)
    let version = data.u32(0)
    guard version == 0x0001_0000 || version == 0x7472_7565 else { return nil }
    var tables: [String: (Int, Int)] = [:]
    for index in 0..<Int(data.u16(4)) {
      let record = 12 + 16 * index
      let offset = Int(data.u32(record + 8))
      let length = Int(data.u32(record + 12))
      guard offset + length <= data.count else { return nil }
      tables[data.tag(record)] = (offset, length)
    }
    guard let head = tables["head"], let hhea = tables["hhea"], let maxp = tables["maxp"],
      let hmtx = tables["hmtx"], let loca = tables["loca"], tables["glyf"] != nil
    else { return nil }
    self.name = name
    self.data = data
    self.tables = tables
    unitsPerEm = max(16, Int(data.u16(head.0 + 18)))
    boundingBox = (
      Int(data.i16(head.0 + 36)), Int(data.i16(head.0 + 38)), Int(data.i16(head.0 + 40)),
      Int(data.i16(head.0 + 42))
    )
    let longOffsets = data.i16(head.0 + 50) == 1
    glyphCount = Int(data.u16(maxp.0 + 4))
    ascent = Int(data.i16(hhea.0 + 4))
    descent = Int(data.i16(hhea.0 + 6))
    if let os2 = tables["OS/2"], data.u16(os2.0) >= 2 {
      capHeight = Int(data.i16(os2.0 + 88))
    } else {
      capHeight = ascent
    }

    let metricCount = max(1, min(Int(data.u16(hhea.0 + 34)), glyphCount))
    var advances: [UInt16] = []
    advances.reserveCapacity(glyphCount)
    for glyph in 0..<glyphCount {
      advances.append(data.u16(hmtx.0 + 4 * min(glyph, metricCount - 1)))
    }
    self.advances = advances

    var offsets: [Int] = []
    offsets.reserveCapacity(glyphCount + 1)
    for glyph in 0...glyphCount {
      offsets.append(
        longOffsets
          ? Int(data.u32(loca.0 + 4 * glyph)) : 2 * Int(data.u16(loca.0 + 2 * glyph)))
    }
    glyphOffsets = offsets
    // A subset we embed has no cmap (PDF maps codes to glyphs itself).
    characterMap = tables["cmap"].map { Self.readCharacterMap(data, at: $0.0) } ?? [:]
    substitutions = GlyphSubstitutions(data: data, table: tables["GSUB"], gdef: tables["GDEF"])
  }

  /// The glyph for `scalar`, or nil if the font has none (glyph 0 is .notdef).
  func glyph(for scalar: Unicode.Scalar) -> UInt16? {
    guard let glyph = characterMap[scalar.value], glyph != 0 else { return nil }
    return glyph
  }

  func advance(_ glyph: UInt16) -> Int {
    Int(glyph) < advances.count ? Int(advances[Int(glyph)]) : 0
  }

  /// The outline bytes of `glyph` (empty for a blank glyph such as space).
  func outline(_ glyph: UInt16) -> ArraySlice<UInt8> {
    guard let glyf = tables["glyf"], Int(glyph) < glyphCount else { return [] }
    let start = glyphOffsets[Int(glyph)]
    let end = glyphOffsets[Int(glyph) + 1]
    guard end > start, end <= glyf.length else { return [] }
    return data.slice(glyf.offset + start, end - start)
  }

  func table(_ tag: String) -> ArraySlice<UInt8>? {
    tables[tag].map { data.slice($0.offset, $0.length) }
  }

  /// Unicode cmap: format 12 (full range) if present, else format 4 (BMP).
  private static func readCharacterMap(_ data: FontBytes, at cmap: Int) -> [UInt32: UInt16] {
    var format4: Int?
    var format12: Int?
    for index in 0..<Int(data.u16(cmap + 2)) {
      let record = cmap + 4 + 8 * index
      let platform = data.u16(record)
      let encoding = data.u16(record + 2)
      let subtable = cmap + Int(data.u32(record + 4))
      let isUnicode = platform == 0 || (platform == 3 && (encoding == 1 || encoding == 10))
      guard isUnicode else { continue }
      switch data.u16(subtable) {
      case 4: format4 = format4 ?? subtable
      case 12: format12 = format12 ?? subtable
      default: break
      }
    }
    var map: [UInt32: UInt16] = [:]
    if let table = format12 {
      let groups = min(Int(data.u32(table + 12)), 100_000)
      for group in 0..<groups {
        let record = table + 16 + 12 * group
        let first = data.u32(record)
        let last = data.u32(record + 4)
        let glyph = data.u32(record + 8)
        guard first <= last, last - first < 0x1_0000 else { continue }
        for code in first...last {
          map[code] = UInt16(truncatingIfNeeded: glyph + (code - first))
        }
      }
      return map
    }
    guard let table = format4 else { return map }
    let segments = Int(data.u16(table + 6)) / 2
    let ends = table + 14
    let starts = ends + 2 * segments + 2
    let deltas = starts + 2 * segments
    let rangeOffsets = deltas + 2 * segments
    for segment in 0..<segments {
      let end = data.u16(ends + 2 * segment)
      let start = data.u16(starts + 2 * segment)
      let delta = data.u16(deltas + 2 * segment)
      let rangeOffset = Int(data.u16(rangeOffsets + 2 * segment))
      guard start <= end, start != 0xFFFF else { continue }
      for code in start...end {
        var glyph: UInt16
        if rangeOffset == 0 {
          glyph = code &+ delta
        } else {
          let at = rangeOffsets + 2 * segment + rangeOffset + 2 * Int(code - start)
          glyph = data.u16(at)
          if glyph != 0 { glyph = glyph &+ delta }
        }
        if glyph != 0 { map[UInt32(code)] = glyph }
      }
    }
    return map
  }
}
