/// Text transformations shared by the parsers: backslash escapes, character references,
/// link label normalization and URL percent-encoding.
enum Inlines {
  /// Decodes `&name;`, `&#123;` or `&#x1F;` starting at `i` (the `&`): bytes and index after.
  static func entity(_ s: ArraySlice<UInt8>, _ i: Int) -> (bytes: [UInt8], end: Int)? {
    var j = i + 1
    guard j < s.endIndex else { return nil }
    if s[j] == UInt8(ascii: "#") {
      j += 1
      var value: UInt32 = 0
      var digits = 0
      if j < s.endIndex && (s[j] | 0x20) == UInt8(ascii: "x") {
        j += 1
        while j < s.endIndex && Bytes.isHexDigit(s[j]) && digits < 7 {
          let c = s[j]
          let d = Bytes.isDigit(c) ? c - 0x30 : (c | 0x20) - 0x61 + 10
          value = value * 16 + UInt32(d)
          digits += 1
          j += 1
        }
        guard digits >= 1 && digits <= 6 else { return nil }
      } else {
        while j < s.endIndex && Bytes.isDigit(s[j]) && digits < 8 {
          value = value * 10 + UInt32(s[j] - 0x30)
          digits += 1
          j += 1
        }
        guard digits >= 1 && digits <= 7 else { return nil }
      }
      guard j < s.endIndex && s[j] == UInt8(ascii: ";") else { return nil }
      if value == 0 || (value >= 0xD800 && value <= 0xDFFF) || value > 0x10FFFF { value = 0xFFFD }
      var out: [UInt8] = []
      Bytes.encodeUTF8(value, into: &out)
      return (out, j + 1)
    }
    let nameStart = j
    while j < s.endIndex && Bytes.isAlnum(s[j]) && j - nameStart <= EntityTable.longestName {
      j += 1
    }
    guard j > nameStart, j < s.endIndex, s[j] == UInt8(ascii: ";") else { return nil }
    let name = String(decoding: s[nameStart..<j], as: UTF8.self)
    guard let bytes = EntityTable.table[name] else { return nil }
    return (bytes, j + 1)
  }

  /// Resolves backslash escapes and character references (link destinations, titles, info).
  static func unescape(_ s: ArraySlice<UInt8>) -> [UInt8] {
    if !s.contains(where: { $0 == UInt8(ascii: "\\") || $0 == UInt8(ascii: "&") }) {
      return Array(s)
    }
    var out: [UInt8] = []
    out.reserveCapacity(s.count)
    var i = s.startIndex
    while i < s.endIndex {
      let c = s[i]
      if c == UInt8(ascii: "\\") && i + 1 < s.endIndex && Bytes.isASCIIPunctuation(s[i + 1]) {
        out.append(s[i + 1])
        i += 2
      } else if c == UInt8(ascii: "&"), let (bytes, end) = entity(s, i) {
        out.append(contentsOf: bytes)
        i = end
      } else {
        out.append(c)
        i += 1
      }
    }
    return out
  }

  /// Link labels match case-insensitively (Unicode case fold) with whitespace collapsed.
  static func normalizeLabel(_ s: ArraySlice<UInt8>) -> String {
    var out: [UInt8] = []
    out.reserveCapacity(s.count)
    var pendingSpace = false
    for c in Bytes.trimmed(s) {
      if Bytes.isWhitespace(c) {
        pendingSpace = true
      } else {
        if pendingSpace {
          out.append(Bytes.space)
          pendingSpace = false
        }
        out.append(c)
      }
    }
    let str = String(decoding: out, as: UTF8.self)
    if out.allSatisfy({ $0 < 0x80 }) { return str.uppercased() }
    return str.lowercased().uppercased()
  }

  private static let urlSafe: [Bool] = {
    var t = [Bool](repeating: false, count: 256)
    for c in "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789;/?:@&=+$,-_.!~*'()#"
      .utf8
    {
      t[Int(c)] = true
    }
    return t
  }()

  /// Percent-encodes what may not appear in an href, keeping existing `%XX` escapes.
  static func normalizeURI(_ s: [UInt8]) -> [UInt8] {
    var out: [UInt8] = []
    out.reserveCapacity(s.count)
    let hex = Array("0123456789ABCDEF".utf8)
    var i = 0
    while i < s.count {
      let c = s[i]
      if urlSafe[Int(c)] {
        out.append(c)
      } else if c == UInt8(ascii: "%") && i + 2 < s.count && Bytes.isHexDigit(s[i + 1])
        && Bytes.isHexDigit(s[i + 2])
      {
        out.append(c)
      } else {
        out.append(UInt8(ascii: "%"))
        out.append(hex[Int(c >> 4)])
        out.append(hex[Int(c & 15)])
      }
      i += 1
    }
    return out
  }
}

extension Inlines {
  /// Resolves character references only (HTML attribute values have no backslash escapes).
  static func decodeEntities(_ s: [UInt8]) -> [UInt8] {
    guard s.contains(UInt8(ascii: "&")) else { return s }
    var out: [UInt8] = []
    var i = 0
    while i < s.count {
      if s[i] == UInt8(ascii: "&"), let (bytes, end) = entity(s[...], i) {
        out.append(contentsOf: bytes)
        i = end
      } else {
        out.append(s[i])
        i += 1
      }
    }
    return out
  }

  /// `%XX` sequences decoded (for reporting destinations as the author wrote them).
  static func percentDecoded(_ s: [UInt8]) -> String {
    var out: [UInt8] = []
    var i = 0
    while i < s.count {
      if s[i] == UInt8(ascii: "%") && i + 2 < s.count,
        let v = UInt8(
          String(decoding: s[(i + 1)...(i + 2)], as: UTF8.self), radix: 16)
      {
        out.append(v)
        i += 3
      } else {
        out.append(s[i])
        i += 1
      }
    }
    return String(decoding: out, as: UTF8.self)
  }
}
