import Academy
import Catalog
import Crypto
import Foundation
import HTTPServer

/// Open Badges 2.0, hosted verification: the Assertion lives at its own URL
/// (`/certificates/{code}/badge.json`), and points to a BadgeClass per module
/// (`/badges/{module}.json`, image `/badges/{module}.svg`) issued by one Issuer profile
/// (`/badges/issuer.json`). A wallet re-fetches the Assertion to verify it; a revoked one
/// answers 410 with `revoked: true`.
///
/// Recipient: OB 2.0's IdentityObject names the profile property that identifies the
/// recipient and allows `id`, `email`, `url` or `telephone`. Relais stores no email or phone,
/// so the identity is a `url` built from the learner's random id (`{issuer}/learners/{id}`,
/// given to the learner in their export), always hashed with the certificate's own salt:
/// nobody can read who holds it from the JSON, and two certificates of the same person can't
/// be linked by their hashes.
enum OpenBadges {
  static let context = "https://w3id.org/openbadges/v2"

  /// The base every badge URL starts from: the configured public URL, else this request's origin.
  static func base(_ app: App, _ request: HTTPRequest) -> String {
    app.absoluteURL("", request)
  }

  static func recipientURL(userID: String, base: String) -> String { "\(base)/learners/\(userID)" }

  static func identityHash(_ identity: String, salt: String) -> String {
    "sha256$" + Hex.encode(SHA256.hash(identity + salt))
  }

  static func assertion(_ cert: Certificate, app: App, request: HTTPRequest) -> [String: Any] {
    let base = base(app, request)
    var out: [String: Any] = [
      "@context": context,
      "type": "Assertion",
      "id": "\(base)/certificates/\(cert.code)/badge.json",
      "recipient": [
        "type": "url", "hashed": true, "salt": cert.recipientSalt,
        "identity": identityHash(
          recipientURL(userID: cert.userID, base: base), salt: cert.recipientSalt),
      ] as [String: Any],
      "badge": "\(base)/badges/\(cert.module).json",
      "issuedOn": Dates.instant(cert.issuedAt),
      "expires": Dates.instant(cert.expiresAt),
      "verification": ["type": "hosted"],
      "evidence": "\(base)/certificates/\(cert.code)",
    ]
    if cert.revokedAt != nil {
      // The reason stays with the organisation: it may say something about the person.
      out["revoked"] = true
    }
    return out
  }

  static func badgeClass(_ module: Module, app: App, request: HTTPRequest) -> [String: Any]? {
    guard let (text, lang) = module.text.resolve(.reference) else { return nil }
    let base = base(app, request)
    return [
      "@context": context,
      "type": "BadgeClass",
      "id": "\(base)/badges/\(module.slug).json",
      "name": text.title,
      "description": app.academy.catalog.interface(lang).format(
        "badge.description", [text.title, String(module.passMark)]),
      "image": "\(base)/badges/\(module.slug).svg",
      "criteria": [
        "id": "\(base)/modules/\(module.slug)",
        "narrative": app.academy.catalog.interface(lang).format(
          "badge.criteria", [String(module.passMark), String(module.certificateMonths)]),
      ],
      "issuer": "\(base)/badges/issuer.json",
    ]
  }

  static func issuer(app: App, request: HTTPRequest) -> [String: Any] {
    let base = base(app, request)
    var issuer: [String: Any] = [
      "@context": context,
      "type": "Issuer",
      "id": "\(base)/badges/issuer.json",
      "name": app.configuration.issuerName,
      "url": base + "/",
    ]
    // Badge wallets' validators want a contact address for the issuer.
    if let email = app.configuration.issuerEmail { issuer["email"] = email }
    return issuer
  }

  static func response(_ object: [String: Any], status: Int = 200) -> HTTPResponse {
    let data =
      (try? JSONSerialization.data(
        withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data("{}".utf8)
    var r = HTTPResponse(status: status, headers: HTTPHeaders(), body: Array(data))
    r.headers.set("Content-Type", "application/ld+json; charset=utf-8")
    // Wallets on other sites fetch these documents.
    r.headers.set("Access-Control-Allow-Origin", "*")
    r.headers.set("Cache-Control", "no-cache")
    return r
  }

  /// A round badge: the module's title on a navy disc, the issuer's name on a ribbon.
  static func svg(_ module: Module, issuer: String) -> String {
    let title = module.text.resolve(.reference)?.value.title ?? module.slug
    var lines: [String] = []
    var current = ""
    for word in title.split(separator: " ") {
      if !current.isEmpty && current.count + word.count + 1 > 16 {
        lines.append(current)
        current = ""
      }
      current += (current.isEmpty ? "" : " ") + word
    }
    if !current.isEmpty { lines.append(current) }
    lines = Array(lines.prefix(3))
    let firstY = 100 - (lines.count - 1) * 11
    let text = lines.enumerated().map { i, l in
      "<text x=\"100\" y=\"\(firstY + i * 22)\" text-anchor=\"middle\" font-family=\"Helvetica,Arial,sans-serif\" font-size=\"18\" font-weight=\"700\" fill=\"#fff\">\(HTML.escape(l))</text>"
    }.joined()
    return """
      <svg xmlns="http://www.w3.org/2000/svg" width="200" height="200" viewBox="0 0 200 200" role="img" aria-label="\(HTML.escape(title))">\
      <circle cx="100" cy="100" r="96" fill="#0b3d66"/><circle cx="100" cy="100" r="84" fill="none" stroke="#e37400" stroke-width="4"/>\
      \(text)<rect x="30" y="142" width="140" height="26" rx="4" fill="#e37400"/>\
      <text x="100" y="160" text-anchor="middle" font-family="Helvetica,Arial,sans-serif" font-size="14" font-weight="700" fill="#1a1a1a">\(HTML.escape(issuer))</text></svg>
      """
  }
}
