import HTTPServer

/// Cookie names and attributes. Session cookies are HttpOnly, SameSite=Lax, Path=/, and
/// Secure when the public URL is https.
enum Cookies {
  static let session = "relais_session"
  static let csrf = "relais_csrf"
  static let language = "relais_lang"

  static func parse(_ request: HTTPRequest) -> [String: String] {
    var out: [String: String] = [:]
    for header in request.headers.values("Cookie") {
      for part in header.split(separator: ";") {
        let kv = part.split(separator: "=", maxSplits: 1)
        guard kv.count == 2 else { continue }
        let name = kv[0].trimmingCharacters(in: " ")
        if out[name] == nil { out[name] = kv[1].trimmingCharacters(in: " \"") }
      }
    }
    return out
  }

  static func make(
    _ name: String, _ value: String, maxAge: Int?, secure: Bool, httpOnly: Bool = true
  ) -> String {
    var s = "\(name)=\(value); Path=/; SameSite=Lax"
    if let maxAge { s += "; Max-Age=\(maxAge)" }
    if httpOnly { s += "; HttpOnly" }
    if secure { s += "; Secure" }
    return s
  }
}

extension Substring {
  func trimmingCharacters(in set: String) -> String {
    var s = self
    while let f = s.first, set.contains(f) { s.removeFirst() }
    while let l = s.last, set.contains(l) { s.removeLast() }
    return String(s)
  }
}
