/// One question's lines joined with `\n` and with GIFT escapes resolved. Every byte
/// remembers whether it came from an escape (then it is never syntax: `\=` is a plain `=`)
/// and where it came from in the file, so errors can point at it.
struct Block {
  var bytes: [UInt8] = []
  var escaped: [Bool] = []
  var origin: [Int] = []

  var count: Int { bytes.count }

  mutating func append(_ b: UInt8, escaped e: Bool, origin o: Int) {
    bytes.append(b)
    escaped.append(e)
    origin.append(o)
  }

  /// Appends one source line, resolving `\\ \: \# \= \{ \} \~ \n` left to right as Moodle's
  /// placeholder pass does; any other backslash stays as written. Linear in the line.
  mutating func appendLine(_ src: [UInt8], _ range: Range<Int>) {
    var i = range.lowerBound
    let end = range.upperBound
    while i < end {
      let b = src[i]
      if b == 0x5C, i + 1 < end {
        let next = src[i + 1]
        switch next {
        case UInt8(ascii: "\\"), UInt8(ascii: ":"), UInt8(ascii: "#"), UInt8(ascii: "="),
          UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "~"):
          append(next, escaped: true, origin: i)
          i += 2
          continue
        case UInt8(ascii: "n"):
          append(0x0A, escaped: true, origin: i)
          i += 2
          continue
        default:
          break
        }
      }
      append(b, escaped: false, origin: i)
      i += 1
    }
  }

  /// True when the byte at `i` is `c` and plays its syntactic role.
  @inline(__always)
  func isSyntax(_ i: Int, _ c: UInt8) -> Bool {
    bytes[i] == c && !escaped[i]
  }

  /// The first unescaped `c` in `range`.
  func find(_ c: UInt8, in range: Range<Int>) -> Int? {
    var i = range.lowerBound
    while i < range.upperBound {
      if bytes[i] == c && !escaped[i] { return i }
      i += 1
    }
    return nil
  }

  /// The first place in `range` where the unescaped two-byte sequence `a b` starts.
  func find(_ a: UInt8, _ b: UInt8, in range: Range<Int>) -> Int? {
    var i = range.lowerBound
    while i + 1 < range.upperBound {
      if isSyntax(i, a) && isSyntax(i + 1, b) { return i }
      i += 1
    }
    return nil
  }

  /// Start of the last run of four unescaped `#` in `range` (PHP `strrpos($s, '####')`).
  func findLastGeneralFeedback(in range: Range<Int>) -> Int? {
    var i = range.upperBound - 4
    while i >= range.lowerBound {
      if isSyntax(i, 0x23) && isSyntax(i + 1, 0x23) && isSyntax(i + 2, 0x23)
        && isSyntax(i + 3, 0x23)
      {
        return i
      }
      // Skip quickly past bytes that cannot end a run.
      i -= 1
    }
    return nil
  }

  /// Trims unescaped whitespace: an escaped `\n` is content while the structure is read,
  /// as Moodle's placeholders are.
  func trim(_ range: Range<Int>) -> Range<Int> {
    var lo = range.lowerBound
    var hi = range.upperBound
    while lo < hi && !escaped[lo] && isTrimmable(bytes[lo]) { lo += 1 }
    while hi > lo && !escaped[hi - 1] && isTrimmable(bytes[hi - 1]) { hi -= 1 }
    return lo..<hi
  }

  func starts(with s: String, at i: Int, in range: Range<Int>) -> Bool {
    var j = i
    for c in s.utf8 {
      guard j < range.upperBound, bytes[j] == c, !escaped[j] else { return false }
      j += 1
    }
    return true
  }

  /// The bytes as text with every whitespace trimmed, as Moodle trims after restoring
  /// escapes.
  func text(_ range: Range<Int>, trimStart: Bool = true, trimEnd: Bool = true) -> String {
    var lo = range.lowerBound
    var hi = range.upperBound
    if trimStart { while lo < hi && isTrimmable(bytes[lo]) { lo += 1 } }
    if trimEnd { while hi > lo && isTrimmable(bytes[hi - 1]) { hi -= 1 } }
    return String(decoding: bytes[lo..<hi], as: UTF8.self)
  }

  /// Splits at unescaped `c`; the delimiter is dropped (PHP `explode`).
  func split(_ range: Range<Int>, at c: UInt8) -> [Range<Int>] {
    var parts: [Range<Int>] = []
    var start = range.lowerBound
    var i = start
    while i < range.upperBound {
      if isSyntax(i, c) {
        parts.append(start..<i)
        start = i + 1
      }
      i += 1
    }
    parts.append(start..<range.upperBound)
    return parts
  }
}
