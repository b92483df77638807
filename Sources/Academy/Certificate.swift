import Catalog
import Crypto
import Foundation
import Storage

/// Proof that a learner completed a module; anyone can check it by its code.
public struct Certificate: Sendable {
  public var code: String
  public var userID: String
  /// The name the learner chose (empty once erased).
  public var holderName: String
  public var holderLocale: Language
  public var module: String
  public var issuedAt: Int64
  public var expiresAt: Int64
  public var revokedAt: Int64?
  public var revokedReason: String?
  public var recipientSalt: String

  public enum Status: String, Sendable { case valid, expired, revoked }

  public func status(at now: Int64) -> Status {
    if revokedAt != nil { return .revoked }
    return expiresAt <= now ? .expired : .valid
  }

  static let select = """
    SELECT c.code, c.user_id, c.module, c.issued_at, c.expires_at, c.revoked_at, c.revoked_reason,
           c.recipient_salt, u.display_name, u.locale, u.erased_at
    FROM certificates c JOIN users u ON u.id = c.user_id
    """

  init(row: Row) {
    code = row.string("code") ?? ""
    userID = row.string("user_id") ?? ""
    holderName = row["erased_at"].isNull ? (row.string("display_name") ?? "") : ""
    holderLocale = Language(rawValue: row.string("locale") ?? "") ?? .reference
    module = row.string("module") ?? ""
    issuedAt = Int64(row.int("issued_at") ?? 0)
    expiresAt = Int64(row.int("expires_at") ?? 0)
    revokedAt = row["revoked_at"].int.map(Int64.init)
    revokedReason = row.string("revoked_reason")
    recipientSalt = row.string("recipient_salt") ?? ""
  }
}

public struct CertificateEvent: Sendable {
  public var at: Int64
  public var event: String
  public var expiresAt: Int64?
  public var detail: String?
}

enum Certificates {
  /// Issues (or, after a refresher, renews) the certificate when the quiz is passed and
  /// every lesson has been read. Returns the code when something was issued or renewed.
  static func award(
    _ c: Connection, userID: String, module: Module, attemptID: String?, renewal: Bool, now: Int64
  ) throws -> String? {
    let read =
      try c.scalar(
        "SELECT COUNT(*) FROM lesson_views WHERE user_id = ? AND module = ? AND read_at IS NOT NULL",
        [userID, module.slug]
      ).int ?? 0
    let readSlugs = Set(
      try c.query(
        "SELECT lesson FROM lesson_views WHERE user_id = ? AND module = ? AND read_at IS NOT NULL",
        [userID, module.slug]
      ).compactMap { $0.string("lesson") })
    let expires = expiry(from: now, months: module.certificateMonths)
    if let existing = try c.first(
      "SELECT code, revoked_at, expires_at FROM certificates WHERE user_id = ? AND module = ?",
      [userID, module.slug])
    {
      let code = existing.string("code") ?? ""
      guard existing["revoked_at"].isNull else { return nil }
      // A refresher (or a pass after expiry) renews validity; the history stays in events.
      guard renewal || (existing.int("expires_at") ?? 0) <= now else { return nil }
      try c.execute("UPDATE certificates SET expires_at = ? WHERE code = ?", [expires, code])
      try c.execute(
        "INSERT INTO certificate_events(code, at, event, expires_at, attempt_id) VALUES (?,?,?,?,?)",
        [code, now, "renewed", expires, attemptID])
      return code
    }
    guard read > 0, module.lessons.allSatisfy({ readSlugs.contains($0.slug) }) else { return nil }
    if attemptID == nil {
      guard try passedCertifying(c, userID: userID, module: module.slug) else { return nil }
    }
    let code = newCode()
    try c.execute(
      "INSERT INTO certificates(code, user_id, module, issued_at, expires_at, recipient_salt) VALUES (?,?,?,?,?,?)",
      [code, userID, module.slug, now, expires, RandomID.make()])
    try c.execute(
      "INSERT INTO certificate_events(code, at, event, expires_at, attempt_id) VALUES (?,?,?,?,?)",
      [code, now, "issued", expires, attemptID])
    return code
  }

  static func passedCertifying(_ c: Connection, userID: String, module: String) throws -> Bool {
    try c.scalar(
      "SELECT COUNT(*) FROM attempts WHERE user_id = ? AND module = ? AND kind IN ('certifying','refresher') AND passed = 1",
      [userID, module]
    ).int ?? 0 > 0
  }

  /// `months` calendar months after `from` (UTC).
  static func expiry(from: Int64, months: Int) -> Int64 {
    var cal = Calendar(identifier: .gregorian)
    cal.timeZone = TimeZone(identifier: "UTC") ?? cal.timeZone
    let start = Date(timeIntervalSince1970: TimeInterval(from))
    // Months come from content (`certificate_months`), bounded there; 30 days each if not.
    guard let d = cal.date(byAdding: .month, value: months, to: start) else {
      return from &+ Int64(months) &* 30 &* 86_400
    }
    return Int64(d.timeIntervalSince1970)
  }

  static func newCode() -> String { CertificateCode.random() }
}

extension Academy {
  public func certificate(code: String) throws -> Certificate? {
    try database.read {
      try $0.first(Certificate.select + " WHERE c.code = ?", [code]).map(Certificate.init)
    }
  }

  public func certificates(userID: String) throws -> [Certificate] {
    try database.read {
      try $0.query(Certificate.select + " WHERE c.user_id = ? ORDER BY c.issued_at", [userID]).map(
        Certificate.init)
    }
  }

  public func certificateHistory(code: String) throws -> [CertificateEvent] {
    try database.read { c in
      try c.query(
        "SELECT at, event, expires_at, detail FROM certificate_events WHERE code = ? ORDER BY at, rowid",
        [code]
      ).map {
        CertificateEvent(
          at: Int64($0.int("at") ?? 0), event: $0.string("event") ?? "",
          expiresAt: $0["expires_at"].int.map(Int64.init), detail: $0.string("detail"))
      }
    }
  }

  /// Withdraws a certificate, with a reason, if `actor` may (`Authorization`).
  public func revokeCertificate(code: String, reason: String, by actor: User) throws {
    let now = self.now
    try database.write { c in
      try Academy.authorize(c, actor, .revokeCertificate, .certificate(code))
      try c.execute(
        "UPDATE certificates SET revoked_at = ?, revoked_reason = ? WHERE code = ? AND revoked_at IS NULL",
        [now, reason, code])
      guard c.changes == 1 else { throw AcademyError.notFound }
      try c.execute(
        "INSERT INTO certificate_events(code, at, event, detail) VALUES (?,?,?,?)",
        [code, now, "revoked", reason])
      try Audit.record(
        c, at: now, actor: actor.id, action: "certificate.revoke", subject: code, detail: reason)
    }
  }
}
