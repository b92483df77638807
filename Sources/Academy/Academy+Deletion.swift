import Foundation
import Storage

/// A learner's request to be erased. The learner asks; a manager of one of their cohorts (or
/// an admin) confirms it, which erases them at once, or declines it with a reason the
/// learner reads on "My data". Due one month after the request (GDPR art. 12(3)).
public struct DeletionRequest: Sendable, Equatable {
  public enum State: String, Sendable { case pending, confirmed, declined, cancelled }
  public var userID: String
  public var requestedAt: Int64
  public var state: State
  public var decidedAt: Int64?
  /// Why it was declined (written by the manager, shown to the learner).
  public var reason: String?
  /// The day an answer is due: one calendar month after the request.
  public var dueAt: Int64 { Academy.oneMonth(after: requestedAt) }
}

/// A pending request as a manager sees it.
public struct PendingDeletion: Sendable, Equatable {
  public var request: DeletionRequest
  public var learnerName: String
}

extension Academy {
  public func requestDeletion(userID: String) throws {
    let now = self.now
    try database.write { c in
      try c.execute(
        """
        INSERT INTO deletion_requests(user_id, requested_at, state) VALUES (?,?,'pending')
        ON CONFLICT(user_id) DO UPDATE SET requested_at = excluded.requested_at, state = 'pending',
          decided_by = NULL, decided_at = NULL, reason = NULL
        WHERE deletion_requests.state <> 'pending'
        """, [userID, now])
      if c.changes == 1 {
        try Audit.record(c, at: now, actor: userID, action: "deletion.request", subject: userID)
      }
    }
  }

  /// The learner changed their mind before a manager decided.
  public func cancelDeletion(userID: String) throws {
    let now = self.now
    try database.write { c in
      try c.execute(
        "UPDATE deletion_requests SET state = 'cancelled', decided_by = ?, decided_at = ? WHERE user_id = ? AND state = 'pending'",
        [userID, now, userID])
      if c.changes == 1 {
        try Audit.record(c, at: now, actor: userID, action: "deletion.cancel", subject: userID)
      }
    }
  }

  /// Confirms a pending request and erases the learner in the same transaction (the
  /// erasure closes the request), then flushes the erased bytes out of the WAL.
  public func confirmDeletion(userID: String, actor: User) throws {
    let now = self.now
    let scope = deletionRequestScope(for: actor)
    try database.write { c in
      guard
        try c.first(
          "SELECT 1 FROM deletion_requests d WHERE d.user_id = ? AND d.state = 'pending' AND \(scope.filter("d.user_id"))",
          [userID as ValueConvertible] + scope.params) != nil
      else { throw AcademyError.notFound }
      try Audit.record(c, at: now, actor: actor.id, action: "deletion.confirm", subject: userID)
      try Academy.erase(c, userID: userID, now: now, actor: actor.id)
      try Audit.record(c, at: now, actor: actor.id, action: "learner.erase", subject: userID)
    }
    try flushErasure()
  }

  /// Declines a pending request; the reason (required) is shown to the learner, who may ask
  /// again. It is kept only on the request (not in the audit log), and goes with an erasure.
  public func declineDeletion(userID: String, reason: String, actor: User) throws {
    let text = reason.trimmingCharacters(in: .whitespacesAndNewlines)
    guard !text.isEmpty, text.count <= 1000 else { throw AcademyError("deletion.reasonNeeded") }
    let now = self.now
    let scope = deletionRequestScope(for: actor)
    try database.write { c in
      try c.execute(
        """
        UPDATE deletion_requests SET state = 'declined', decided_by = ?, decided_at = ?, reason = ?
        WHERE user_id = ? AND state = 'pending' AND \(scope.filter("user_id"))
        """, [actor.id, now, text, userID] as [ValueConvertible] + scope.params)
      guard c.changes == 1 else { throw AcademyError.notFound }
      try Audit.record(c, at: now, actor: actor.id, action: "deletion.decline", subject: userID)
    }
  }

  /// The learners whose deletion requests `viewer` may see and decide: every learner for an
  /// admin, the learners of their own cohorts for a manager, nobody else's for anyone else.
  /// (One place, so the authorization policy can take it over.)
  func deletionRequestScope(for viewer: User) -> ScopeSQL {
    switch viewer.role {
    case .admin: return .allLearners
    case .manager:
      let cohorts = (try? cohorts(visibleTo: viewer).map(\.id)) ?? []
      return .learners(inCohorts: cohorts)
    case .trainer, .learner: return .users([])
    }
  }

  /// Pending requests `viewer` may decide, oldest (soonest due) first.
  public func deletionRequests(visibleTo viewer: User) throws -> [PendingDeletion] {
    let scope = deletionRequestScope(for: viewer)
    return try database.read { c in
      try c.query(
        """
        SELECT d.*, u.display_name FROM deletion_requests d JOIN users u ON u.id = d.user_id
        WHERE d.state = 'pending' AND \(scope.filter("d.user_id")) ORDER BY d.requested_at, d.user_id
        """, scope.params
      ).map {
        PendingDeletion(
          request: Self.deletionRequest($0), learnerName: $0.string("display_name") ?? "")
      }
    }
  }

  public func deletionRequest(userID: String) throws -> DeletionRequest? {
    try database.read { c in
      try c.first("SELECT * FROM deletion_requests WHERE user_id = ?", [userID]).map(
        Self.deletionRequest)
    }
  }

  /// Every pending request, oldest first (for the retention command's report).
  public func pendingDeletionRequests() throws -> [DeletionRequest] {
    try database.read { c in
      try c.query("SELECT * FROM deletion_requests WHERE state = 'pending' ORDER BY requested_at")
        .map(Self.deletionRequest)
    }
  }

  static func deletionRequest(_ r: Row) -> DeletionRequest {
    DeletionRequest(
      userID: r.string("user_id") ?? "", requestedAt: Int64(r.int("requested_at") ?? 0),
      state: DeletionRequest.State(rawValue: r.string("state") ?? "") ?? .pending,
      decidedAt: r["decided_at"].int.map(Int64.init), reason: r.string("reason"))
  }

  /// The same day and time one calendar month later, in UTC (31 January → 28/29 February).
  static func oneMonth(after t: Int64) -> Int64 {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
    let start = Date(timeIntervalSince1970: TimeInterval(t))
    guard let due = calendar.date(byAdding: .month, value: 1, to: start) else {
      return t + 30 * 86_400
    }
    return Int64(due.timeIntervalSince1970)
  }
}
