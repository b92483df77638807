/// `application/x-www-form-urlencoded` decoding (WHATWG URL standard): `+` is a space, `%XX`
/// a byte; a malformed escape stays as written rather than failing the whole form.
enum FormDecoding {
  static func decodeComponent<S: StringProtocol>(_ s: S) -> String {
    let bytes = Array(s.utf8)
    var out: [UInt8] = []
    out.reserveCapacity(bytes.count)
    var i = 0
    while i < bytes.count {
      let b = bytes[i]
      if b == UInt8(ascii: "+") {
        out.append(0x20)
      } else if b == UInt8(ascii: "%"), i + 2 < bytes.count,
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
  static func pairs<S: StringProtocol>(_ s: S) -> [(String, String)] {
    var result: [(String, String)] = []
    for part in s.split(separator: "&", omittingEmptySubsequences: true) {
      if let eq = part.firstIndex(of: "=") {
        result.append(
          (decodeComponent(part[..<eq]), decodeComponent(part[part.index(after: eq)...])))
      } else {
        result.append((decodeComponent(part), ""))
      }
    }
    return result
  }
}
