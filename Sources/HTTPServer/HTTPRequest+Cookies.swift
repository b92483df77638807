extension HTTPRequest {
  /// Cookies sent by the client (`Cookie: a=1; b=2`). When a name repeats, the first wins:
  /// browsers send the most specific path first (RFC 6265 §5.4).
  public var cookies: [String: String] {
    var result: [String: String] = [:]
    for header in headers.values("Cookie") {
      for pair in header.split(separator: ";") {
        guard let eq = pair.firstIndex(of: "=") else { continue }
        let name = pair[..<eq].trimmingSpaces
        var value = Substring(pair[pair.index(after: eq)...].trimmingSpaces)
        if value.count >= 2 && value.hasPrefix("\"") && value.hasSuffix("\"") {
          value = value.dropFirst().dropLast()
        }
        if !name.isEmpty && result[name] == nil { result[name] = String(value) }
      }
    }
    return result
  }
}
