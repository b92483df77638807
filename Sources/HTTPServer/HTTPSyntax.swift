/// Byte classes and decoding from RFC 9110/9112 and RFC 3986, kept free of Foundation so the
/// parser can be compiled alone for fuzzing.
enum HTTPSyntax {
  /// tchar: the characters of a token (method, header name, transfer coding).
  static let isTokenByte: [Bool] = {
    var table = [Bool](repeating: false, count: 256)
    for b in UInt8(ascii: "0")...UInt8(ascii: "9") { table[Int(b)] = true }
    for b in UInt8(ascii: "a")...UInt8(ascii: "z") { table[Int(b)] = true }
    for b in UInt8(ascii: "A")...UInt8(ascii: "Z") { table[Int(b)] = true }
    for c in "!#$%&'*+-.^_`|~".utf8 { table[Int(c)] = true }
    return table
  }()

  /// field-vchar, SP and HTAB: what a header value may hold. CR, LF, NUL and other controls
  /// may not, which is what rules out bare CR and NUL smuggling.
  @inline(__always)
  static func isFieldValueByte(_ b: UInt8) -> Bool {
    b == 0x09 || (b >= 0x20 && b != 0x7F)
  }

  /// What a request target may hold: visible ASCII only.
  @inline(__always)
  static func isTargetByte(_ b: UInt8) -> Bool {
    b > 0x20 && b < 0x7F
  }

  static func hexValue(_ b: UInt8) -> Int? {
    switch b {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): return Int(b - UInt8(ascii: "0"))
    case UInt8(ascii: "a")...UInt8(ascii: "f"): return Int(b - UInt8(ascii: "a") + 10)
    case UInt8(ascii: "A")...UInt8(ascii: "F"): return Int(b - UInt8(ascii: "A") + 10)
    default: return nil
    }
  }

  /// Percent-decodes a path. Nil when an escape is malformed, the result is not UTF-8, or it
  /// holds anything that could change which file or route a path names once decoded: NUL, an
  /// encoded `/` or `\`, or a `.`/`..` segment. Browsers never send these, so refusing them
  /// costs nothing and makes escaping a static root impossible by construction.
  static func decodePath<C: Collection>(_ raw: C) -> String? where C.Element == UInt8 {
    var out: [UInt8] = []
    out.reserveCapacity(raw.count)
    var i = raw.startIndex
    while i != raw.endIndex {
      let b = raw[i]
      if b == UInt8(ascii: "%") {
        let h1 = raw.index(after: i)
        guard h1 != raw.endIndex else { return nil }
        let h2 = raw.index(after: h1)
        guard h2 != raw.endIndex, let hi = hexValue(raw[h1]), let lo = hexValue(raw[h2]) else {
          return nil
        }
        let v = UInt8(hi * 16 + lo)
        if v == 0 || v == UInt8(ascii: "/") || v == UInt8(ascii: "\\") { return nil }
        out.append(v)
        i = raw.index(after: h2)
      } else {
        if b == 0 || b == UInt8(ascii: "\\") { return nil }
        out.append(b)
        i = raw.index(after: i)
      }
    }
    if hasDotSegment(out) { return nil }
    return String(validating: out, as: UTF8.self)
  }

  /// True when a `/`-separated path has a `.` or `..` segment.
  static func hasDotSegment(_ path: [UInt8]) -> Bool {
    var segmentStart = 0
    for i in 0...path.count {
      if i == path.count || path[i] == UInt8(ascii: "/") {
        let len = i - segmentStart
        if len == 1 && path[segmentStart] == UInt8(ascii: ".") { return true }
        if len == 2 && path[segmentStart] == UInt8(ascii: ".")
          && path[segmentStart + 1] == UInt8(ascii: ".")
        {
          return true
        }
        segmentStart = i + 1
      }
    }
    return false
  }

  /// Methods this server knows. An upper-case token outside this set gets 501.
  static let knownMethods: Set<String> = [
    "GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS", "PATCH", "TRACE", "CONNECT",
  ]

  /// ASCII lower-casing without going through Unicode tables.
  static func asciiLowercased(_ s: String) -> String {
    var bytes = Array(s.utf8)
    for i in bytes.indices where bytes[i] >= 0x41 && bytes[i] <= 0x5A { bytes[i] += 0x20 }
    return String(decoding: bytes, as: UTF8.self)
  }

  static func equalsIgnoringCase(_ a: String, _ lowerB: String) -> Bool {
    let x = a.utf8
    let y = lowerB.utf8
    guard x.count == y.count else { return false }
    for (p, q) in zip(x, y) {
      let lp = p >= 0x41 && p <= 0x5A ? p + 0x20 : p
      if lp != q { return false }
    }
    return true
  }
}
