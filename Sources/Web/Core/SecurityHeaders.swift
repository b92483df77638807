import HTTPServer

/// Headers on every response: a strict CSP (no inline script or style), no sniffing, no
/// framing, no referrer leaks across sites, and no powerful features.
enum SecurityHeaders {
  static let csp =
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"

  static let all: [(String, String)] = [
    ("Content-Security-Policy", csp),
    ("X-Content-Type-Options", "nosniff"),
    ("Referrer-Policy", "same-origin"),
    ("X-Frame-Options", "DENY"),
    (
      "Permissions-Policy",
      "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()"
    ),
  ]

  /// A year, the usual minimum for browsers' preload lists; no `includeSubDomains`, since the
  /// organisation's other hosts may not all have TLS.
  static let hsts = ("Strict-Transport-Security", "max-age=31536000")
}
