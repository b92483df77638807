/// One glyph of a shaped run: what to draw, the text it stands for (for ToUnicode), and the
/// positional feature (isol/init/medi/fina) the Arabic shaper chose for it.
struct ShapedGlyph: Sendable, Equatable {
  var glyph: UInt16
  var text: String
  var feature: String? = nil
}

/// The part of an OpenType GSUB table that Arabic needs: single substitutions (joining forms),
/// ligatures (lam-alef) and chained contexts of format 3 (which Noto uses for a few forms),
/// found through the `arab` script's default language system. Other lookup types are skipped:
/// they refine typography but a name reads correctly without them.
struct GlyphSubstitutions: Sendable {
  private let data: FontBytes
  private let lookupList: Int
  /// Feature tag → lookup indices, in lookup order.
  let features: [String: [Int]]
  /// Mark glyphs (GDEF class 3), skipped when a lookup says IgnoreMarks.
  private let marks: Set<UInt16>

  init(data: FontBytes, table: (offset: Int, length: Int)?, gdef: (offset: Int, length: Int)?) {
    self.data = data
    var marks: Set<UInt16> = []
    if let gdef, data.u16(gdef.offset + 4) != 0 {
      let classDef = gdef.offset + Int(data.u16(gdef.offset + 4))
      for (glyph, glyphClass) in Self.classes(data, classDef) where glyphClass == 3 {
        marks.insert(glyph)
      }
    }
    self.marks = marks
    guard let table else {
      lookupList = 0
      features = [:]
      return
    }
    let base = table.offset
    let scriptList = base + Int(data.u16(base + 4))
    let featureList = base + Int(data.u16(base + 6))
    lookupList = base + Int(data.u16(base + 8))
    var script: Int?
    for index in 0..<Int(data.u16(scriptList)) {
      let record = scriptList + 2 + 6 * index
      let tag = data.tag(record)
      if tag == "arab" || (tag == "DFLT" && script == nil) {
        script = scriptList + Int(data.u16(record + 4))
      }
    }
    var features: [String: [Int]] = [:]
    if let script, data.u16(script) != 0 {
      let langSys = script + Int(data.u16(script))
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
  /// when `everywhere` is set, to all of them (required ligatures).
  func apply(_ feature: String, to run: inout [ShapedGlyph], everywhere: Bool = false) {
    for lookup in features[feature] ?? [] {
      var index = 0
      while index < run.count {
        if everywhere || run[index].feature == feature {
          applyLookup(lookup, at: index, in: &run)
        }
        index += 1
      }
    }
  }

  /// The glyph `lookup` (single substitution) gives for `glyph`, for tests and nested lookups.
  func single(_ lookup: Int, _ glyph: UInt16) -> UInt16? {
    var run = [ShapedGlyph(glyph: glyph, text: "")]
    applyLookup(lookup, at: 0, in: &run)
    return run[0].glyph == glyph ? nil : run[0].glyph
  }

  private func applyLookup(_ lookup: Int, at index: Int, in run: inout [ShapedGlyph]) {
    // A nested lookup may have formed a ligature and shortened the run.
    guard index < run.count, lookup < Int(data.u16(lookupList)) else { return }
    let table = lookupList + Int(data.u16(lookupList + 2 + 2 * lookup))
    var type = Int(data.u16(table))
    let flags = data.u16(table + 2)
    for sub in 0..<Int(data.u16(table + 4)) {
      var subtable = table + Int(data.u16(table + 6 + 2 * sub))
      if type == 7 {
        type = Int(data.u16(subtable + 2))
        subtable += Int(data.u32(subtable + 4))
      }
      if applySubtable(type, subtable, flags, at: index, in: &run) { return }
    }
  }

  /// True when the subtable matched (and so later subtables are not tried).
  private func applySubtable(
    _ type: Int, _ subtable: Int, _ flags: UInt16, at index: Int, in run: inout [ShapedGlyph]
  ) -> Bool {
    let glyph = run[index].glyph
    switch type {
    case 1:
      guard let coverage = coverageIndex(subtable + Int(data.u16(subtable + 2)), glyph) else {
        return false
      }
      if data.u16(subtable) == 1 {
        run[index].glyph = glyph &+ data.u16(subtable + 4)
      } else {
        guard coverage < Int(data.u16(subtable + 4)) else { return false }
        run[index].glyph = data.u16(subtable + 6 + 2 * coverage)
      }
      return true
    case 4:
      guard let coverage = coverageIndex(subtable + Int(data.u16(subtable + 2)), glyph),
        coverage < Int(data.u16(subtable + 4))
      else { return false }
      let set = subtable + Int(data.u16(subtable + 6 + 2 * coverage))
      for ligatureIndex in 0..<Int(data.u16(set)) {
        let ligature = set + Int(data.u16(set + 2 + 2 * ligatureIndex))
        let components = Int(data.u16(ligature + 2))
        var positions: [Int] = []
        var next = index
        for component in 1..<max(components, 1) {
          guard let found = nextPosition(after: next, in: run, flags) else { break }
          guard run[found].glyph == data.u16(ligature + 4 + 2 * (component - 1)) else { break }
          positions.append(found)
          next = found
        }
        guard positions.count == components - 1 else { continue }
        run[index].glyph = data.u16(ligature)
        for position in positions { run[index].text += run[position].text }
        for position in positions.reversed() { run.remove(at: position) }
        return true
      }
      return false
    case 6:
      return applyChainedContext(subtable, flags, at: index, in: &run)
    default:
      return false
    }
  }

  /// ChainContextSubst format 3: coverage tables for backtrack, input and lookahead.
  private func applyChainedContext(
    _ subtable: Int, _ flags: UInt16, at index: Int, in run: inout [ShapedGlyph]
  ) -> Bool {
    guard data.u16(subtable) == 3 else { return false }
    var cursor = subtable + 2
    func coverages() -> [Int] {
      let count = Int(data.u16(cursor))
      defer { cursor += 2 + 2 * count }
      return (0..<count).map { subtable + Int(data.u16(cursor + 2 + 2 * $0)) }
    }
    let backtrack = coverages()
    let input = coverages()
    let lookahead = coverages()
    var inputPositions: [Int] = []
    var position: Int? = index
    for coverage in input {
      guard let at = position, coverageIndex(coverage, run[at].glyph) != nil else { return false }
      inputPositions.append(at)
      position = nextPosition(after: at, in: run, flags)
    }
    guard let last = inputPositions.last else { return false }
    var ahead = nextPosition(after: last, in: run, flags)
    for coverage in lookahead {
      guard let at = ahead, coverageIndex(coverage, run[at].glyph) != nil else { return false }
      ahead = nextPosition(after: at, in: run, flags)
    }
    var behind = previousPosition(before: index, in: run, flags)
    for coverage in backtrack {
      guard let at = behind, coverageIndex(coverage, run[at].glyph) != nil else { return false }
      behind = previousPosition(before: at, in: run, flags)
    }
    for record in 0..<Int(data.u16(cursor)) {
      let sequence = Int(data.u16(cursor + 2 + 4 * record))
      let nested = Int(data.u16(cursor + 4 + 4 * record))
      guard sequence < inputPositions.count else { continue }
      applyLookup(nested, at: inputPositions[sequence], in: &run)
    }
    return true
  }

  private func skips(_ glyph: UInt16, _ flags: UInt16) -> Bool {
    flags & 0x0008 != 0 && marks.contains(glyph)
  }

  private func nextPosition(after index: Int, in run: [ShapedGlyph], _ flags: UInt16) -> Int? {
    var at = index + 1
    while at < run.count && skips(run[at].glyph, flags) { at += 1 }
    return at < run.count ? at : nil
  }

  private func previousPosition(before index: Int, in run: [ShapedGlyph], _ flags: UInt16)
    -> Int?
  {
    var at = index - 1
    while at >= 0 && skips(run[at].glyph, flags) { at -= 1 }
    return at >= 0 ? at : nil
  }

  private func coverageIndex(_ coverage: Int, _ glyph: UInt16) -> Int? {
    let count = Int(data.u16(coverage + 2))
    if data.u16(coverage) == 1 {
      var low = 0
      var high = count - 1
      while low <= high {
        let middle = (low + high) / 2
        let value = data.u16(coverage + 4 + 2 * middle)
        if value == glyph { return middle }
        if value < glyph { low = middle + 1 } else { high = middle - 1 }
      }
      return nil
    }
    for range in 0..<count {
      let record = coverage + 4 + 6 * range
      let start = data.u16(record)
      if glyph >= start && glyph <= data.u16(record + 2) {
        return Int(data.u16(record + 4)) + Int(glyph - start)
      }
    }
    return nil
  }

  /// Every (glyph, class) of a ClassDef table.
  private static func classes(_ data: FontBytes, _ table: Int) -> [(UInt16, UInt16)] {
    var result: [(UInt16, UInt16)] = []
    if data.u16(table) == 1 {
      let start = data.u16(table + 2)
      for index in 0..<Int(data.u16(table + 4)) {
        result.append((start &+ UInt16(truncatingIfNeeded: index), data.u16(table + 6 + 2 * index)))
      }
    } else {
      for range in 0..<Int(data.u16(table + 2)) {
        let record = table + 4 + 6 * range
        let start = data.u16(record)
        let end = data.u16(record + 2)
        guard start <= end else { continue }
        for glyph in start...end { result.append((glyph, data.u16(record + 4))) }
      }
    }
    return result
  }
}
