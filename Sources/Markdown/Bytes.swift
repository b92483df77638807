/// Byte-level character classes used by both parsing phases. Everything works on UTF-8 bytes;
/// only the emphasis flanking rules decode a scalar (to ask for Unicode punctuation/space).
enum Bytes {
  static let space: UInt8 = 0x20
  static let tab: UInt8 = 0x09
  static let newline: UInt8 = 0x0A
  static let cr: UInt8 = 0x0D

  /// Membership in an ASCII set given as two 64-bit masks (no table, no lazy global).
  @inline(__always) static func inSet(_ c: UInt8, _ lo: UInt64, _ hi: UInt64) -> Bool {
    c < 64 ? (lo >> UInt64(c)) & 1 != 0 : c < 128 ? (hi >> UInt64(c - 64)) & 1 != 0 : false
  }

  @inline(__always) static func isSpaceOrTab(_ c: UInt8) -> Bool { c == space || c == tab }

  /// Space, tab, newline, line tabulation, form feed, carriage return.
  @inline(__always) static func isWhitespace(_ c: UInt8) -> Bool {
    c == space || (c >= 0x09 && c <= 0x0D)
  }

  @inline(__always) static func isDigit(_ c: UInt8) -> Bool { c >= 0x30 && c <= 0x39 }
  @inline(__always) static func isAlpha(_ c: UInt8) -> Bool {
    (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A
  }
  @inline(__always) static func isAlnum(_ c: UInt8) -> Bool { isAlpha(c) || isDigit(c) }
  @inline(__always) static func isHexDigit(_ c: UInt8) -> Bool {
    isDigit(c) || ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x66)
  }

  static func isASCIIPunctuation(_ c: UInt8) -> Bool {
    (c >= 0x21 && c <= 0x2F) || (c >= 0x3A && c <= 0x40) || (c >= 0x5B && c <= 0x60)
      || (c >= 0x7B && c <= 0x7E)
  }

  @inline(__always) static func lower(_ c: UInt8) -> UInt8 { isAlpha(c) ? c | 0x20 : c }

  /// Decodes the scalar that ends just before `end` (for "character before a delimiter run").
  static func scalar(before end: Int, in s: ArraySlice<UInt8>) -> Unicode.Scalar? {
    guard end > s.startIndex else { return nil }
    var start = end - 1
    while start > s.startIndex && end - start < 4 && s[start] & 0xC0 == 0x80 { start -= 1 }
    return scalar(at: start, in: s)
  }

  static func scalar(at i: Int, in s: ArraySlice<UInt8>) -> Unicode.Scalar? {
    guard i < s.endIndex else { return nil }
    let b0 = s[i]
    if b0 < 0x80 { return Unicode.Scalar(b0) }
    var value: UInt32
    var n: Int
    if b0 & 0xE0 == 0xC0 {
      value = UInt32(b0 & 0x1F)
      n = 1
    } else if b0 & 0xF0 == 0xE0 {
      value = UInt32(b0 & 0x0F)
      n = 2
    } else {
      value = UInt32(b0 & 0x07)
      n = 3
    }
    guard i + n < s.endIndex else { return nil }
    for k in 1...n { value = value << 6 | UInt32(s[i + k] & 0x3F) }
    return Unicode.Scalar(value)
  }

  /// Unicode whitespace as CommonMark defines it: Zs, tab, newline, form feed, carriage return.
  static func isUnicodeWhitespace(_ u: Unicode.Scalar?) -> Bool {
    guard let u else { return true }
    if u.value < 0x80 {
      let c = UInt8(u.value)
      return c == space || c == tab || c == newline || c == 0x0C || c == cr
    }
    return u.properties.generalCategory == .spaceSeparator
  }

  /// Unicode punctuation: general categories P* and S* (CommonMark 0.31.2).
  static func isUnicodePunctuation(_ u: Unicode.Scalar?) -> Bool {
    guard let u else { return false }
    if u.value < 0x80 { return isASCIIPunctuation(UInt8(u.value)) }
    switch u.properties.generalCategory {
    case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
      .initialPunctuation, .finalPunctuation, .otherPunctuation, .mathSymbol, .currencySymbol,
      .modifierSymbol, .otherSymbol:
      return true
    default: return false
    }
  }

  static func encodeUTF8(_ v: UInt32, into out: inout [UInt8]) {
    switch v {
    case 0..<0x80: out.append(UInt8(v))
    case 0x80..<0x800:
      out.append(UInt8(0xC0 | (v >> 6)))
      out.append(UInt8(0x80 | (v & 0x3F)))
    case 0x800..<0x10000:
      out.append(UInt8(0xE0 | (v >> 12)))
      out.append(UInt8(0x80 | ((v >> 6) & 0x3F)))
      out.append(UInt8(0x80 | (v & 0x3F)))
    default:
      out.append(UInt8(0xF0 | (v >> 18)))
      out.append(UInt8(0x80 | ((v >> 12) & 0x3F)))
      out.append(UInt8(0x80 | ((v >> 6) & 0x3F)))
      out.append(UInt8(0x80 | (v & 0x3F)))
    }
  }

  static func trimmed(_ s: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
    var lo = s.startIndex
    var hi = s.endIndex
    while lo < hi && isWhitespace(s[lo]) { lo += 1 }
    while hi > lo && isWhitespace(s[hi - 1]) { hi -= 1 }
    return s[lo..<hi]
  }

  static func isBlank(_ s: ArraySlice<UInt8>) -> Bool {
    s.allSatisfy { isWhitespace($0) }
  }
}
