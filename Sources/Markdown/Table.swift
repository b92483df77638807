/// GFM tables: a header row (the paragraph's last line), a delimiter row of `---`, `:--`,
/// `--:`, `:-:` cells, then body rows until a blank line or another block starts.
extension BlockParser {
  mutating func startTable(_ paragraph: Node) -> Bool {
    let line = src[nextNonspace..<lineEnd]
    guard let aligns = Self.delimiterRow(line) else { return false }
    // The header row is the last line of the paragraph so far.
    var lit = paragraph.literal
    guard lit.last == Bytes.newline else { return false }
    lit.removeLast()
    let headerStart = (lit.lastIndex(of: Bytes.newline) ?? -1) + 1
    let headerCells = Self.splitRow(lit[headerStart...])
    guard headerCells.count == aligns.count else { return false }
    guard lit[headerStart...].contains(UInt8(ascii: "|")) || line.contains(UInt8(ascii: "|")) else {
      return false
    }

    closeUnmatchedBlocks()
    let parent = paragraph.parent!
    if headerStart > 0 {
      paragraph.literal = Array(lit[..<headerStart])
      finalize(paragraph)
    } else {
      paragraph.unlink()
      tip = parent
    }
    let table = addChild(.table)
    table.line = lineNumber - 1
    table.info = aligns
    let row = Node(.tableRow, line: lineNumber - 1)
    row.isHeader = true
    for (k, cell) in headerCells.enumerated() {
      let c = Node(.tableCell, line: lineNumber - 1)
      c.isHeader = true
      c.level = Int(aligns[k])
      c.literal = cell
      row.appendChild(c)
    }
    table.appendChild(row)
    offset = lineEnd
    return true
  }

  mutating func addTableRow(_ table: Node) {
    let cells = Self.splitRow(src[offset..<lineEnd])
    let row = Node(.tableRow, line: lineNumber)
    for k in 0..<table.info.count {
      let c = Node(.tableCell, line: lineNumber)
      c.level = Int(table.info[k])
      if k < cells.count { c.literal = cells[k] }
      row.appendChild(c)
    }
    table.appendChild(row)
  }

  /// Column alignments (0 none, 1 left, 2 center, 3 right) if `line` is a delimiter row.
  static func delimiterRow(_ line: ArraySlice<UInt8>) -> [UInt8]? {
    let cells = splitRow(line)
    guard !cells.isEmpty else { return nil }
    var aligns: [UInt8] = []
    for cell in cells {
      guard !cell.isEmpty else { return nil }
      let left = cell.first == UInt8(ascii: ":")
      let right = cell.last == UInt8(ascii: ":")
      let dashes = cell.dropFirst(left ? 1 : 0).dropLast(right && cell.count > 1 ? 1 : 0)
      guard !dashes.isEmpty, dashes.allSatisfy({ $0 == UInt8(ascii: "-") }) else { return nil }
      aligns.append(left && right ? 2 : right ? 3 : left ? 1 : 0)
    }
    return aligns
  }

  /// Cells of a row, trimmed, outer pipes dropped, `\|` unescaped to `|`.
  static func splitRow(_ line: ArraySlice<UInt8>) -> [[UInt8]] {
    let t = Bytes.trimmed(line)
    var i = t.startIndex
    var end = t.endIndex
    if i < end && t[i] == UInt8(ascii: "|") { i += 1 }
    if end > i && t[end - 1] == UInt8(ascii: "|") {
      var bs = 0
      var k = end - 2
      while k >= i && t[k] == UInt8(ascii: "\\") {
        bs += 1
        k -= 1
      }
      if bs % 2 == 0 { end -= 1 }
    }
    var cells: [[UInt8]] = []
    var cur: [UInt8] = []
    var hadAny = false
    while i < end {
      let c = t[i]
      if c == UInt8(ascii: "\\") && i + 1 < end {
        if t[i + 1] == UInt8(ascii: "|") {
          cur.append(UInt8(ascii: "|"))
        } else {
          cur.append(c)
          cur.append(t[i + 1])
        }
        i += 2
        continue
      }
      if c == UInt8(ascii: "|") {
        cells.append(Array(Bytes.trimmed(cur[...])))
        cur.removeAll(keepingCapacity: true)
        hadAny = true
      } else {
        cur.append(c)
      }
      i += 1
    }
    if !cur.isEmpty || hadAny || line.contains(UInt8(ascii: "|")) || cells.isEmpty {
      cells.append(Array(Bytes.trimmed(cur[...])))
    }
    return cells
  }
}
