extension HTTPRequest {
  /// Cookies sent by the client (`Cookie: a=1; b=2`). When a name repeats, the first wins:
  /// browsers send the most specific path first (RFC 6265 §5.4).
  public var cookies: [String: String] {
    var result: [String: String] = [:]
    for header in headers.values("Cookie") {
      // Split on bytes, not Characters: `;` followed by a combining mark is one Character.
      for pair in Array(header.utf8).split(separator: UInt8(ascii: ";")) {
        guard let eq = pair.firstIndex(of: UInt8(ascii: "=")) else { continue }
        let name = String(decoding: pair[..<eq], as: UTF8.self).trimmingSpaces
        var value = Substring(String(decoding: pair[(eq + 1)...], as: UTF8.self).trimmingSpaces)
        if value.count >= 2 && value.hasPrefix("\"") && value.hasSuffix("\"") {
          value = value.dropFirst().dropLast()
        }
        if !name.isEmpty && result[name] == nil { result[name] = String(value) }
      }
    }
    return result
  }
}
