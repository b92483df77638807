import HTTPServer

/// Cookie names and attributes. Session cookies are HttpOnly, SameSite=Lax, Path=/, and
/// Secure when the public URL is https.
enum Cookies {
  static let session = "relais_session"
  static let csrf = "relais_csrf"
  static let language = "relais_lang"

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
