/// Coverage and class-definition tables, shared by every OpenType layout lookup.
enum OpenTypeTables {
  /// The coverage index of `glyph` (OpenType "Coverage table", formats 1 and 2).
  static func coverageIndex(_ data: FontBytes, _ coverage: Int, _ glyph: UInt16) -> Int? {
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

  /// The class of `glyph` in a ClassDef table (0 when not listed).
  static func classOf(_ data: FontBytes, _ table: Int, _ glyph: UInt16) -> UInt16 {
    if data.u16(table) == 1 {
      let start = data.u16(table + 2)
      let count = Int(data.u16(table + 4))
      guard glyph >= start, Int(glyph - start) < count else { return 0 }
      return data.u16(table + 6 + 2 * Int(glyph - start))
    }
    for range in 0..<Int(data.u16(table + 2)) {
      let record = table + 4 + 6 * range
      if glyph >= data.u16(record) && glyph <= data.u16(record + 2) {
        return data.u16(record + 4)
      }
    }
    return 0
  }

  /// Every (glyph, class) of a ClassDef table.
  static func classes(_ data: FontBytes, _ table: Int) -> [(UInt16, UInt16)] {
    var result: [(UInt16, UInt16)] = []
    if data.u16(table) == 1 {
      let start = data.u16(table + 2)
      for index in 0..<Int(data.u16(table + 4)) {
        result.append(
          (start &+ UInt16(truncatingIfNeeded: index), data.u16(table + 6 + 2 * index)))
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
