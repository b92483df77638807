import HTTPServer

/// Headers on every response: a strict CSP (no inline script or style), no sniffing, no
/// framing, no referrer leaks across sites, and no powerful features.
enum SecurityHeaders {
  static let csp =
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"

  static func apply(_ r: inout HTTPResponse) {
    r.headers.set("Content-Security-Policy", csp)
    r.headers.set("X-Content-Type-Options", "nosniff")
    r.headers.set("Referrer-Policy", "same-origin")
    r.headers.set("X-Frame-Options", "DENY")
    r.headers.set("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()")
  }
}
