/// One glyph of a shaped run: what to draw, the text it stands for (for ToUnicode), and the
/// positional feature (isol/init/medi/fina) the Arabic shaper chose for it.
struct ShapedGlyph: Sendable, Equatable {
  var glyph: UInt16
  var text: String
  var feature: String? = nil
}

/// An OpenType GSUB table, read through the default language system of the font's main
/// script (`arab`, `mym2`…): single, multiple and ligature substitutions, and contextual and
/// chained-contextual ones (all three formats) that call them. Alternate and reverse-chaining
/// substitutions are skipped: no shipped font uses them for a required form.
struct GlyphSubstitutions: Sendable {
  let data: FontBytes
  private let lookupList: Int
  /// The script whose features were read.
  let script: String
  /// Feature tag → lookup indices, in lookup order.
  let features: [String: [Int]]
  /// GDEF glyph classes (1 base, 2 ligature, 3 mark) and mark attachment classes, for the
  /// lookup flags that skip some glyphs.
  private let glyphClasses: [UInt16: UInt16]
  private let markClasses: [UInt16: UInt16]

  init(data: FontBytes, table: (offset: Int, length: Int)?, gdef: (offset: Int, length: Int)?) {
    self.data = data
    var glyphClasses: [UInt16: UInt16] = [:]
    var markClasses: [UInt16: UInt16] = [:]
    if let gdef {
      if data.u16(gdef.offset + 4) != 0 {
        for (glyph, value) in OpenTypeTables.classes(
          data, gdef.offset + Int(data.u16(gdef.offset + 4)))
        {
          glyphClasses[glyph] = value
        }
      }
      if data.u16(gdef.offset + 10) != 0 {
        for (glyph, value) in OpenTypeTables.classes(
          data, gdef.offset + Int(data.u16(gdef.offset + 10)))
        {
          markClasses[glyph] = value
        }
      }
    }
    self.glyphClasses = glyphClasses
    self.markClasses = markClasses
    guard let table else {
      lookupList = 0
      script = ""
      features = [:]
      return
    }
    let base = table.offset
    let scriptList = base + Int(data.u16(base + 4))
    let featureList = base + Int(data.u16(base + 6))
    lookupList = base + Int(data.u16(base + 8))
    var scripts: [String: Int] = [:]
    var firstScript: String?
    for index in 0..<Int(data.u16(scriptList)) {
      let record = scriptList + 2 + 6 * index
      scripts[data.tag(record)] = scriptList + Int(data.u16(record + 4))
      firstScript = firstScript ?? data.tag(record)
    }
    let chosen =
      ["arab", "mym2", "mymr"].first { scripts[$0] != nil }
      ?? (scripts["DFLT"] != nil ? "DFLT" : firstScript ?? "")
    script = chosen
    var features: [String: [Int]] = [:]
    if let offset = scripts[chosen], data.u16(offset) != 0 {
      let langSys = offset + Int(data.u16(offset))
      for index in 0..<Int(data.u16(langSys + 4)) {
        let featureIndex = Int(data.u16(langSys + 6 + 2 * index))
        let record = featureList + 2 + 6 * featureIndex
        let feature = featureList + Int(data.u16(record + 4))
        let lookups = (0..<Int(data.u16(feature + 2))).map {
          Int(data.u16(feature + 4 + 2 * $0))
        }
        features[data.tag(record), default: []] += lookups
      }
    }
    self.features = features.mapValues { Array(Set($0)).sorted() }
  }

  func has(_ feature: String) -> Bool { features[feature]?.isEmpty == false }

  /// Applies `feature` to the glyphs whose `feature` field names it (positional forms) or,
  /// when `everywhere` is set, to all of them.
  func apply(_ feature: String, to run: inout [ShapedGlyph], everywhere: Bool = false) {
    apply([feature], to: &run) { everywhere || $0.feature == feature }
  }

  /// Applies the lookups of all `features` together, in lookup order (as OpenType does for
  /// features of one stage), each across the whole run before the next.
  func apply(
    _ features: [String], to run: inout [ShapedGlyph],
    where applies: (ShapedGlyph) -> Bool = { _ in true }
  ) {
    let lookups = Set(features.flatMap { self.features[$0] ?? [] }).sorted()
    for lookup in lookups {
      var index = 0
      while index < run.count {
        if applies(run[index]), let next = applyLookup(lookup, at: index, in: &run, depth: 0) {
          index = max(next, index + 1)
        } else {
          index += 1
        }
      }
    }
  }

  /// Applies `lookup` at `index`; returns where the next match may start, or nil if no
  /// subtable matched there.
  func applyLookup(_ lookup: Int, at index: Int, in run: inout [ShapedGlyph], depth: Int)
    -> Int?
  {
    // Nested lookups may have shortened the run; a malformed font may nest without end.
    guard index < run.count, depth < 8, lookup < Int(data.u16(lookupList)) else { return nil }
    let table = lookupList + Int(data.u16(lookupList + 2 + 2 * lookup))
    let flags = data.u16(table + 2)
    guard !skips(run[index].glyph, flags) else { return nil }
    for sub in 0..<Int(data.u16(table + 4)) {
      var type = Int(data.u16(table))
      var subtable = table + Int(data.u16(table + 6 + 2 * sub))
      if type == 7 {
        type = Int(data.u16(subtable + 2))
        subtable += Int(data.u32(subtable + 4))
      }
      if let next = applySubtable(type, subtable, flags, at: index, in: &run, depth: depth) {
        return next
      }
    }
    return nil
  }

  private func applySubtable(
    _ type: Int, _ subtable: Int, _ flags: UInt16, at index: Int, in run: inout [ShapedGlyph],
    depth: Int
  ) -> Int? {
    let glyph = run[index].glyph
    let coverage = subtable + Int(data.u16(subtable + 2))
    switch type {
    case 1:
      guard let covered = OpenTypeTables.coverageIndex(data, coverage, glyph) else { return nil }
      if data.u16(subtable) == 1 {
        run[index].glyph = glyph &+ data.u16(subtable + 4)
      } else {
        guard covered < Int(data.u16(subtable + 4)) else { return nil }
        run[index].glyph = data.u16(subtable + 6 + 2 * covered)
      }
      return index + 1
    case 2:
      guard let covered = OpenTypeTables.coverageIndex(data, coverage, glyph),
        covered < Int(data.u16(subtable + 4))
      else { return nil }
      let sequence = subtable + Int(data.u16(subtable + 6 + 2 * covered))
      let glyphs = (0..<Int(data.u16(sequence))).map { data.u16(sequence + 2 + 2 * $0) }
      guard let first = glyphs.first else { return nil }
      run[index].glyph = first
      let rest = glyphs.dropFirst().map { ShapedGlyph(glyph: $0, text: "") }
      run.insert(contentsOf: rest, at: index + 1)
      return index + glyphs.count
    case 4:
      guard let covered = OpenTypeTables.coverageIndex(data, coverage, glyph),
        covered < Int(data.u16(subtable + 4))
      else { return nil }
      let set = subtable + Int(data.u16(subtable + 6 + 2 * covered))
      for ligatureIndex in 0..<Int(data.u16(set)) {
        let ligature = set + Int(data.u16(set + 2 + 2 * ligatureIndex))
        let count = Int(data.u16(ligature + 2))
        guard
          let positions = match(
            after: index, count: max(count - 1, 0), in: run, flags,
            { k, g in
              g == data.u16(ligature + 4 + 2 * k)
            })
        else { continue }
        run[index].glyph = data.u16(ligature)
        for position in positions { run[index].text += run[position].text }
        for position in positions.reversed() { run.remove(at: position) }
        return index + 1
      }
      return nil
    case 5, 6:
      return applyContext(type, subtable, flags, at: index, in: &run, depth: depth)
    default:
      return nil
    }
  }

  /// Whether a lookup with `flags` passes over `glyph` (IgnoreBaseGlyphs, IgnoreLigatures,
  /// IgnoreMarks, and the mark attachment class filter).
  func skips(_ glyph: UInt16, _ flags: UInt16) -> Bool {
    switch glyphClasses[glyph] {
    case 1: return flags & 0x0002 != 0
    case 2: return flags & 0x0004 != 0
    case 3:
      if flags & 0x0008 != 0 { return true }
      let attachment = flags >> 8
      return attachment != 0 && markClasses[glyph] != attachment
    default: return false
    }
  }

  /// Positions of the `count` glyphs after `index` (not counting skipped ones) that satisfy
  /// `test(k, glyph)`, or nil.
  func match(
    after index: Int, count: Int, in run: [ShapedGlyph], _ flags: UInt16,
    _ test: (Int, UInt16) -> Bool
  ) -> [Int]? {
    var positions: [Int] = []
    var at = index
    for k in 0..<count {
      at += 1
      while at < run.count && skips(run[at].glyph, flags) { at += 1 }
      guard at < run.count, test(k, run[at].glyph) else { return nil }
      positions.append(at)
    }
    return positions
  }

  /// Like `match(after:)`, walking backwards from `index` (for backtrack sequences).
  func match(
    before index: Int, count: Int, in run: [ShapedGlyph], _ flags: UInt16,
    _ test: (Int, UInt16) -> Bool
  ) -> Bool {
    var at = index
    for k in 0..<count {
      at -= 1
      while at >= 0 && skips(run[at].glyph, flags) { at -= 1 }
      guard at >= 0, test(k, run[at].glyph) else { return false }
    }
    return true
  }
}
