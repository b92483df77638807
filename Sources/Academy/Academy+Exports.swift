import Storage

/// A submitted or open quiz attempt, for exports.
public struct AttemptRecord: Sendable {
  public var id: String
  public var userID: String
  public var name: String
  public var module: String
  public var kind: String
  public var locale: String
  public var startedAt: Int64
  public var submittedAt: Int64?
  public var score: Double?
  public var passed: Bool?
}

/// A certificate with its holder, for exports.
public struct CertificateRecord: Sendable {
  public var code: String
  public var userID: String
  public var name: String
  public var module: String
  public var issuedAt: Int64
  public var expiresAt: Int64
  public var revokedAt: Int64?
  public var revokedReason: String?
}

/// A lesson a learner finished reading.
public struct LessonReadRecord: Sendable {
  public var userID: String
  public var module: String
  public var lesson: String
  public var readAt: Int64
}

/// Someone who acknowledged a document (the code of conduct), and which version.
public struct AcknowledgementRecord: Sendable {
  public var userID: String
  public var name: String
  public var document: String
  public var version: String
  public var at: Int64
}

extension Academy {
  /// Attempts in the order they were recorded (which is the order they were started).
  public func attemptRecords(scope: ReportScope) throws -> [AttemptRecord] {
    var out: [AttemptRecord] = []
    try forEachAttempt(scope: scope) { out.append($0) }
    return out
  }

  /// The same, one at a time: an export of 100,000 attempts writes each as it is read.
  public func forEachAttempt(scope: ReportScope, _ body: (AttemptRecord) throws -> Void) throws {
    let sql = scope.sql
    try database.read { c in
      let learners = try ScopeLearners(c, sql)
      try c.forEach(
        """
        SELECT id, user_id, module, kind, locale, started_at, submitted_at, score, passed
        FROM attempts \(sql.usersWhere == nil ? "WHERE user_id IN (\(sql.sql))" : "") ORDER BY rowid
        """, sql.usersWhere == nil ? sql.params : []
      ) { r in
        guard let u = r.withText(1, { $0.flatMap(learners.index.position) }) else { return }
        try body(
          AttemptRecord(
            id: r.string(0) ?? "", userID: learners.ids[u], name: learners.names[u],
            module: r.string(2) ?? "", kind: r.string(3) ?? "", locale: r.string(4) ?? "",
            startedAt: r.int64(5) ?? 0, submittedAt: r.int64(6), score: r.double(7),
            passed: r.int(8).map { $0 == 1 }))
      }
    }
  }

  public func certificateRecords(scope: ReportScope) throws -> [CertificateRecord] {
    let sql = scope.sql
    return try database.read { c in
      try c.query(
        """
        SELECT c.code, c.user_id, u.display_name, c.module, c.issued_at, c.expires_at, c.revoked_at, c.revoked_reason
        FROM certificates c JOIN users u ON u.id = c.user_id WHERE \(sql.filter("c.user_id")) ORDER BY c.issued_at
        """, sql.params
      ).filter { sql.admits($0[1].string ?? "") }.map { r in
        CertificateRecord(
          code: r[0].string ?? "", userID: r[1].string ?? "", name: r[2].string ?? "",
          module: r[3].string ?? "",
          issuedAt: Int64(r[4].int ?? 0), expiresAt: Int64(r[5].int ?? 0),
          revokedAt: r[6].int.map(Int64.init),
          revokedReason: r[7].string)
      }
    }
  }

  /// Lessons read, in reading order, one at a time (an export never holds them all).
  public func forEachLessonRead(scope: ReportScope, _ body: (LessonReadRecord) throws -> Void)
    throws
  {
    let sql = scope.sql
    try database.read { c in
      let learners = try ScopeLearners(c, sql)
      try c.forEach(
        """
        SELECT user_id, module, lesson, read_at FROM lesson_views WHERE read_at IS NOT NULL
        \(sql.usersWhere == nil ? "AND user_id IN (\(sql.sql))" : "") ORDER BY read_at
        """, sql.usersWhere == nil ? sql.params : []
      ) { r in
        guard let u = r.withText(0, { $0.flatMap(learners.index.position) }) else { return }
        try body(
          LessonReadRecord(
            userID: learners.ids[u], module: r.string(1) ?? "", lesson: r.string(2) ?? "",
            readAt: r.int64(3) ?? 0))
      }
    }
  }

  /// How many learners in scope signed each version of each document.
  public func acknowledgementCounts(scope: ReportScope) throws -> [(
    document: String, version: String, count: Int
  )] {
    let sql = scope.sql
    return try database.read { c in
      var counts: [String: [String: Int]] = [:]
      try c.forEach(
        "SELECT user_id, document, version FROM acknowledgements WHERE \(sql.filter("user_id"))",
        sql.params
      ) { r in
        if sql.keep != nil, !sql.admits(r.string(0) ?? "") { return }
        counts[r.string(1) ?? "", default: [:]][r.string(2) ?? "", default: 0] += 1
      }
      return counts.sorted { $0.key < $1.key }.flatMap { document, versions in
        versions.sorted { $0.key > $1.key }.map { (document, $0.key, $0.value) }
      }
    }
  }

  /// Who in scope signed which version of each document, by document, newest version first.
  public func acknowledgements(scope: ReportScope) throws -> [AcknowledgementRecord] {
    let sql = scope.sql
    return try database.read { c in
      try c.query(
        """
        SELECT a.user_id, u.display_name, a.document, a.version, a.acknowledged_at FROM acknowledgements a
        JOIN users u ON u.id = a.user_id WHERE \(sql.filter("a.user_id")) ORDER BY a.document, a.version DESC, u.display_name
        """, sql.params
      ).filter { sql.admits($0[0].string ?? "") }.map {
        AcknowledgementRecord(
          userID: $0[0].string ?? "", name: $0[1].string ?? "", document: $0[2].string ?? "",
          version: $0[3].string ?? "",
          at: Int64($0[4].int ?? 0))
      }
    }
  }

  /// The audit log, newest first: everything for an admin, a manager's own actions otherwise.
  public func auditLog(viewer: User, limit: Int?) throws -> [AuditEntry] {
    try database.read { c in
      let base =
        "SELECT a.at, a.actor_id, u.display_name, a.action, a.subject, a.detail FROM audit_log a LEFT JOIN users u ON u.id = a.actor_id"
      let rows =
        viewer.role == .admin
        ? try c.query(base + " ORDER BY a.id DESC LIMIT ?", [limit ?? -1])
        : try c.query(
          base + " WHERE a.actor_id = ? ORDER BY a.id DESC LIMIT ?", [viewer.id, limit ?? -1])
      return rows.map {
        AuditEntry(
          at: Int64($0[0].int ?? 0), actorID: $0[1].string, actorName: $0[2].string,
          action: $0[3].string ?? "",
          subject: $0[4].string, detail: $0[5].string)
      }
    }
  }
}

/// The learners in scope and their names. Exports look names up here rather than join
/// `users` for each of 100,000 rows, and a broad scope then reads its tables unfiltered:
/// a row whose learner is not here is skipped.
struct ScopeLearners {
  var ids: [String] = []
  var names: [String] = []
  let index: IDIndex

  init(_ c: Connection, _ sql: ScopeSQL) throws {
    var ids: [String] = []
    var names: [String] = []
    try c.forEach(
      "SELECT id, display_name FROM users WHERE " + (sql.usersWhere ?? "id IN (\(sql.sql))"),
      sql.usersWhere == nil ? sql.params : []
    ) { r in
      guard let id = r.string(0), sql.admits(id) else { return }
      ids.append(id)
      names.append(r.string(1) ?? "")
    }
    self.ids = ids
    self.names = names
    index = IDIndex(ids)
  }
}
