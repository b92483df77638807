/// The file as bytes, split into lines, with the map from a byte offset back to
/// `line:column` for errors. Columns count Unicode scalars, as editors do.
struct SourceText {
  let bytes: [UInt8]
  /// Byte offset where each line's content starts.
  private(set) var lineStarts: [Int] = []
  /// Each line's content without its terminator (`\n`, `\r\n` or a lone `\r`).
  private(set) var lines: [Range<Int>] = []

  init(_ text: String) {
    var bytes = Array(text.utf8)
    // A UTF-8 BOM is not part of the first question.
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
      bytes.removeFirst(3)
    }
    self.bytes = bytes
    var start = 0
    var i = 0
    let n = bytes.count
    while i < n {
      let b = bytes[i]
      if b == 0x0A || b == 0x0D {
        lines.append(start..<i)
        lineStarts.append(start)
        if b == 0x0D && i + 1 < n && bytes[i + 1] == 0x0A { i += 1 }
        start = i + 1
      }
      i += 1
    }
    if start < n || lines.isEmpty || start == n {
      lines.append(start..<n)
      lineStarts.append(start)
    }
  }

  /// Like `position(of:)`, but continues from the previous answer when it is earlier on
  /// the same line, so many errors on one long line cost one pass over it.
  func position(of offset: Int, after previous: inout (offset: Int, line: Int, column: Int))
    -> (line: Int, column: Int)
  {
    let line = previous.line
    if line >= 1, previous.offset <= offset, line - 1 < lines.count,
      offset <= lines[line - 1].upperBound
    {
      var column = previous.column
      var i = previous.offset
      while i < offset {
        if bytes[i] & 0xC0 != 0x80 { column += 1 }
        i += 1
      }
      previous = (offset, line, column)
      return (line, column)
    }
    let p = position(of: offset)
    previous = (offset, p.line, p.column)
    return p
  }

  /// 1-based line and column of a byte offset (the BOM is not counted).
  func position(of offset: Int) -> (line: Int, column: Int) {
    var lo = 0
    var hi = lineStarts.count - 1
    while lo < hi {
      let mid = (lo + hi + 1) / 2
      if lineStarts[mid] <= offset { lo = mid } else { hi = mid - 1 }
    }
    var column = 1
    var i = lineStarts[lo]
    let end = min(offset, bytes.count)
    while i < end {
      if bytes[i] & 0xC0 != 0x80 { column += 1 }
      i += 1
    }
    return (lo + 1, column)
  }

  /// The line with PHP's `trim` applied (space, tab, CR, LF, NUL, vertical tab), as Moodle
  /// trims every line before it looks at it.
  func trimmed(_ line: Range<Int>) -> Range<Int> {
    var lo = line.lowerBound
    var hi = line.upperBound
    while lo < hi && isTrimmable(bytes[lo]) { lo += 1 }
    while hi > lo && isTrimmable(bytes[hi - 1]) { hi -= 1 }
    return lo..<hi
  }
}

/// PHP's `trim` set.
@inline(__always)
func isTrimmable(_ b: UInt8) -> Bool {
  b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D || b == 0x00 || b == 0x0B
}
