import Storage

/// One row of the after-training records, for the xAPI export: a briefing opened, a
/// briefing shared, or a post or live session logged (which `activity` then carries).
public struct OutreachRecord: Sendable {
  public enum Kind: Sendable { case read, share, activity }
  public var kind: Kind
  public var key: String
  public var userID: String
  public var at: Int64
  /// The briefing, or the activity's topic (`briefing:x`, `module:m`, `other`).
  public var object: String
  public var platform: String?
  public var activity: ActivityEntry?
}

extension Academy {
  /// Reads, shares and activity of the learners in `scope`, by kind then time. Links stay
  /// out: they point at the person's own accounts.
  public func forEachOutreachRecord(scope: ReportScope, _ body: (OutreachRecord) throws -> Void)
    throws
  {
    let sql = scope.sql
    try database.read { c in
      let filter = sql.filter("user_id")
      let params = sql.usersWhere == nil ? sql.params : []
      for r in try c.query(
        "SELECT user_id, briefing, read_at FROM briefing_reads WHERE \(filter) ORDER BY read_at",
        params)
      {
        guard let u = r.string("user_id"), sql.admits(u) else { continue }
        let b = r.string("briefing") ?? ""
        try body(
          OutreachRecord(
            kind: .read, key: "\(u) \(b)", userID: u, at: Int64(r.int("read_at") ?? 0),
            object: b))
      }
      for r in try c.query(
        "SELECT id, user_id, briefing, platform, shared_at FROM briefing_shares WHERE \(filter) ORDER BY shared_at",
        params)
      {
        guard let u = r.string("user_id"), sql.admits(u) else { continue }
        try body(
          OutreachRecord(
            kind: .share, key: r.string("id") ?? "", userID: u,
            at: Int64(r.int("shared_at") ?? 0), object: r.string("briefing") ?? "",
            platform: r.string("platform")))
      }
      for r in try c.query(
        "SELECT * FROM activity_log WHERE \(filter) ORDER BY day, created_at", params)
      {
        guard let u = r.string("user_id"), sql.admits(u), let e = Academy.entry(r) else {
          continue
        }
        try body(
          OutreachRecord(
            kind: .activity, key: e.id, userID: u, at: e.input.day,
            object: e.input.topic.rawValue, platform: e.input.platform.rawValue, activity: e))
      }
    }
  }
}
