/// Contextual (type 5) and chained contextual (type 6) substitutions, formats 1 to 3: a rule
/// matches a glyph sequence (by glyph ids, classes or coverage tables), optionally with
/// glyphs before and after it, then applies other lookups at positions inside the sequence.
extension GlyphSubstitutions {
  typealias Test = (Int, UInt16) -> Bool

  /// A rule's matching part, read from one of the six layouts. `rest` tests the input glyphs
  /// after the first (which the coverage table, or `first` in format 3, already matched).
  private struct Rule {
    var backtrack: [Test] = []
    var first: Test? = nil
    var rest: [Test] = []
    var lookahead: [Test] = []
    /// Number of (sequenceIndex, lookupIndex) records, and where they start.
    var recordCount: Int
    var records: Int
  }

  func applyContext(
    _ type: Int, _ subtable: Int, _ flags: UInt16, at index: Int, in run: inout [ShapedGlyph],
    depth: Int
  ) -> Int? {
    let format = Int(data.u16(subtable))
    let glyph = run[index].glyph
    var candidates: [Rule]
    if format == 3 {
      let rule = type == 5 ? contextFormat3(subtable) : chainedFormat3(subtable)
      guard let first = rule.first, first(0, glyph) else { return nil }
      candidates = [rule]
    } else {
      let coverage = subtable + Int(data.u16(subtable + 2))
      guard let covered = OpenTypeTables.coverageIndex(data, coverage, glyph) else { return nil }
      candidates = rules(type, format, subtable, covered: covered, glyph: glyph)
    }
    for rule in candidates {
      guard
        let after = match(
          after: index, count: rule.rest.count, in: run, flags, { rule.rest[$0]($0, $1) })
      else { continue }
      let positions = [index] + after
      let last = positions.last ?? index
      guard
        match(
          after: last, count: rule.lookahead.count, in: run, flags,
          { rule.lookahead[$0]($0, $1) }) != nil,
        match(
          before: index, count: rule.backtrack.count, in: run, flags,
          { rule.backtrack[$0]($0, $1) })
      else { continue }
      return substitute(rule.recordCount, rule.records, positions, in: &run, depth: depth)
    }
    return nil
  }

  /// Runs the rule's nested lookups; positions after one that changed the run's length move
  /// with it. Returns the index after the matched input.
  private func substitute(
    _ count: Int, _ records: Int, _ positions: [Int], in run: inout [ShapedGlyph], depth: Int
  ) -> Int {
    var positions = positions
    for record in 0..<count {
      let sequence = Int(data.u16(records + 4 * record))
      let lookup = Int(data.u16(records + 2 + 4 * record))
      guard sequence < positions.count else { continue }
      let before = run.count
      _ = applyLookup(lookup, at: positions[sequence], in: &run, depth: depth + 1)
      let delta = run.count - before
      if delta != 0 {
        for k in positions.indices where k > sequence { positions[k] += delta }
      }
    }
    return (positions.last ?? 0) + 1
  }

  private func glyphTest(_ offset: Int) -> Test {
    let data = self.data
    return { k, glyph in data.u16(offset + 2 * k) == glyph }
  }

  private func classTest(_ classDef: Int, _ offset: Int) -> Test {
    let data = self.data
    return { k, glyph in OpenTypeTables.classOf(data, classDef, glyph) == data.u16(offset + 2 * k) }
  }

  private func coverageTest(_ coverage: Int) -> Test {
    let data = self.data
    return { _, glyph in OpenTypeTables.coverageIndex(data, coverage, glyph) != nil }
  }

  /// The rules of formats 1 (glyphs) and 2 (classes) that may start with `glyph`.
  private func rules(_ type: Int, _ format: Int, _ subtable: Int, covered: Int, glyph: UInt16)
    -> [Rule]
  {
    let chained = type == 6
    // Class definitions: input, backtrack, lookahead (format 2 only).
    func classDef(_ at: Int) -> Int { subtable + Int(data.u16(subtable + at)) }
    let inputClasses = format == 2 ? classDef(chained ? 6 : 4) : nil
    let backtrackClasses = format == 2 && chained ? classDef(4) : nil
    let lookaheadClasses = format == 2 && chained ? classDef(8) : nil
    let setCountAt = subtable + (format == 1 ? 4 : (chained ? 10 : 6))
    let setIndex =
      inputClasses.map { Int(OpenTypeTables.classOf(data, $0, glyph)) } ?? covered
    guard setIndex < Int(data.u16(setCountAt)), data.u16(setCountAt + 2 + 2 * setIndex) != 0
    else { return [] }
    let set = subtable + Int(data.u16(setCountAt + 2 + 2 * setIndex))
    func tests(_ count: Int, _ at: Int, _ classes: Int?) -> [Test] {
      let test = classes.map { classTest($0, at) } ?? glyphTest(at)
      return Array(repeating: test, count: max(count, 0))
    }
    var result: [Rule] = []
    for ruleIndex in 0..<Int(data.u16(set)) {
      let rule = set + Int(data.u16(set + 2 + 2 * ruleIndex))
      if !chained {
        // glyphCount, substCount, input (glyphCount − 1), records.
        let rest = max(Int(data.u16(rule)) - 1, 0)
        result.append(
          Rule(
            rest: tests(rest, rule + 4, inputClasses), recordCount: Int(data.u16(rule + 2)),
            records: rule + 4 + 2 * rest))
        continue
      }
      var at = rule
      let backtrackCount = Int(data.u16(at))
      let backtrack = tests(backtrackCount, at + 2, backtrackClasses)
      at += 2 + 2 * backtrackCount
      let rest = max(Int(data.u16(at)) - 1, 0)
      let input = tests(rest, at + 2, inputClasses)
      at += 2 + 2 * rest
      let lookaheadCount = Int(data.u16(at))
      let lookahead = tests(lookaheadCount, at + 2, lookaheadClasses)
      at += 2 + 2 * lookaheadCount
      result.append(
        Rule(
          backtrack: backtrack, rest: input, lookahead: lookahead,
          recordCount: Int(data.u16(at)), records: at + 2))
    }
    return result
  }

  private func contextFormat3(_ subtable: Int) -> Rule {
    // glyphCount, substCount, coverage offsets, records.
    let count = Int(data.u16(subtable + 2))
    let tests = (0..<count).map { coverageTest(subtable + Int(data.u16(subtable + 6 + 2 * $0))) }
    return Rule(
      first: tests.first, rest: Array(tests.dropFirst()), recordCount: Int(data.u16(subtable + 4)),
      records: subtable + 6 + 2 * count)
  }

  private func chainedFormat3(_ subtable: Int) -> Rule {
    var at = subtable + 2
    func coverages() -> [Test] {
      let count = Int(data.u16(at))
      defer { at += 2 + 2 * count }
      return (0..<count).map { coverageTest(subtable + Int(data.u16(at + 2 + 2 * $0))) }
    }
    let backtrack = coverages()
    let input = coverages()
    let lookahead = coverages()
    return Rule(
      backtrack: backtrack, first: input.first, rest: Array(input.dropFirst()),
      lookahead: lookahead, recordCount: Int(data.u16(at)), records: at + 2)
  }
}
