import Storage

/// The audit log: who did what, when. Holds no tokens, passphrases or answers.
enum Audit {
  static func record(
    _ c: Connection, at: Int64, actor: String?, action: String, subject: String? = nil,
    detail: String? = nil
  ) throws {
    try c.execute(
      "INSERT INTO audit_log(at, actor_id, action, subject, detail) VALUES (?,?,?,?,?)",
      [at, actor, action, subject, detail])
  }
}

public struct AuditEntry: Sendable {
  public var at: Int64
  public var actorID: String?
  public var actorName: String?
  public var action: String
  public var subject: String?
  public var detail: String?
}

extension Academy {
  public func audit(actor: String?, action: String, subject: String? = nil, detail: String? = nil)
    throws
  {
    let now = self.now
    try database.write {
      try Audit.record($0, at: now, actor: actor, action: action, subject: subject, detail: detail)
    }
  }

  public func auditLog(limit: Int = 200) throws -> [AuditEntry] {
    try database.read { c in
      try c.query(
        """
        SELECT a.at, a.actor_id, u.display_name, a.action, a.subject, a.detail
        FROM audit_log a LEFT JOIN users u ON u.id = a.actor_id
        ORDER BY a.id DESC LIMIT ?
        """, [limit]
      ).map {
        AuditEntry(
          at: Int64($0.int("at") ?? 0), actorID: $0.string("actor_id"),
          actorName: $0.string("display_name"),
          action: $0.string("action") ?? "", subject: $0.string("subject"),
          detail: $0.string("detail"))
      }
    }
  }
}
