/// `application/x-www-form-urlencoded` decoding (WHATWG URL standard): `+` is a space, `%XX`
/// a byte; a malformed escape stays as written rather than failing the whole form.
enum FormDecoding {
  static func decodeComponent<S: StringProtocol>(_ s: S) -> String {
    decode(Array(s.utf8)[...])
  }

  static func decode(_ bytes: ArraySlice<UInt8>) -> String {
    var out: [UInt8] = []
    out.reserveCapacity(bytes.count)
    var i = bytes.startIndex
    while i < bytes.endIndex {
      let b = bytes[i]
      if b == UInt8(ascii: "+") {
        out.append(0x20)
      } else if b == UInt8(ascii: "%"), i + 2 < bytes.endIndex,
        let hi = HTTPSyntax.hexValue(bytes[i + 1]), let lo = HTTPSyntax.hexValue(bytes[i + 2])
      {
        out.append(UInt8(hi * 16 + lo))
        i += 2
      } else {
        out.append(b)
      }
      i += 1
    }
    return String(decoding: out, as: UTF8.self)
  }

  /// `a=1&b=two+words&flag` → `[("a","1"), ("b","two words"), ("flag","")]`, in order.
  /// Splits on the bytes `&` and `=`, as the standard says, not on Characters: `&` followed
  /// by a combining mark is one Character and would not split (the forms fuzzer found it
  /// with U+05BA after `&`).
  static func pairs<S: StringProtocol>(_ s: S) -> [(String, String)] {
    var result: [(String, String)] = []
    for part in Array(s.utf8).split(separator: UInt8(ascii: "&"), omittingEmptySubsequences: true) {
      if let eq = part.firstIndex(of: UInt8(ascii: "=")) {
        result.append((decode(part[..<eq]), decode(part[(eq + 1)...])))
      } else {
        result.append((decode(part), ""))
      }
    }
    return result
  }
}
