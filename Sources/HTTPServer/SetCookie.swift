#if canImport(Glibc)
  import Glibc
#endif

/// A `Set-Cookie` header value with its attributes (RFC 6265).
public struct SetCookie: Sendable {
  public enum SameSite: String, Sendable {
    case strict = "Strict"
    case lax = "Lax"
    case none = "None"
  }

  public var name: String
  public var value: String
  public var path: String? = "/"
  public var domain: String?
  public var maxAge: Int?
  /// Seconds since 1970 (UTC).
  public var expires: Int?
  public var httpOnly = true
  public var secure = false
  public var sameSite: SameSite? = .lax

  public init(
    name: String, value: String, path: String? = "/", maxAge: Int? = nil, expires: Int? = nil,
    httpOnly: Bool = true, secure: Bool = false, sameSite: SameSite? = .lax
  ) {
    self.name = name
    self.value = value
    self.path = path
    self.maxAge = maxAge
    self.expires = expires
    self.httpOnly = httpOnly
    self.secure = secure
    self.sameSite = sameSite
  }

  /// A cookie that tells the browser to forget `name` now.
  public static func expired(_ name: String, path: String? = "/") -> SetCookie {
    SetCookie(name: name, value: "", path: path, maxAge: 0, expires: 0)
  }

  /// The header value. Characters a cookie may not hold are dropped, so no value can inject
  /// an attribute (`;`) or split the header.
  public var headerValue: String {
    var s =
      Self.clean(name, allowed: Self.isTokenChar) + "="
      + Self.clean(value, allowed: Self.isCookieOctet)
    if let path { s += "; Path=" + Self.clean(path, allowed: Self.isAttributeChar) }
    if let domain { s += "; Domain=" + Self.clean(domain, allowed: Self.isAttributeChar) }
    if let maxAge { s += "; Max-Age=\(maxAge)" }
    if let expires { s += "; Expires=" + ResponseSerializer.httpDate(time_t(expires)) }
    if httpOnly { s += "; HttpOnly" }
    // SameSite=None is ignored by browsers unless Secure.
    if secure || sameSite == SameSite.none { s += "; Secure" }
    if let sameSite { s += "; SameSite=" + sameSite.rawValue }
    return s
  }

  private static func clean(_ s: String, allowed: (UInt8) -> Bool) -> String {
    String(decoding: s.utf8.filter(allowed), as: UTF8.self)
  }
  private static func isTokenChar(_ b: UInt8) -> Bool { HTTPSyntax.isTokenByte[Int(b)] }
  /// cookie-octet: visible ASCII except `"`, `,`, `;` and `\`.
  private static func isCookieOctet(_ b: UInt8) -> Bool {
    b > 0x20 && b < 0x7F && b != 0x22 && b != 0x2C && b != 0x3B && b != 0x5C
  }
  private static func isAttributeChar(_ b: UInt8) -> Bool { b >= 0x20 && b < 0x7F && b != 0x3B }
}

extension HTTPResponse {
  /// Adds a `Set-Cookie` header.
  public mutating func setCookie(_ cookie: SetCookie) {
    headers.add("Set-Cookie", cookie.headerValue)
  }
}
