import Storage

/// A learner's request to be erased. The learner asks; a manager confirms (the erasure
/// itself, and what it keeps, belong to the privacy rules).
public struct DeletionRequest: Sendable, Equatable {
  public enum State: String, Sendable { case pending, confirmed, cancelled }
  public var userID: String
  public var requestedAt: Int64
  public var state: State
  public var decidedAt: Int64?
}

extension Academy {
  public func requestDeletion(userID: String) throws {
    let now = self.now
    try database.write { c in
      try c.execute(
        """
        INSERT INTO deletion_requests(user_id, requested_at, state) VALUES (?,?,'pending')
        ON CONFLICT(user_id) DO UPDATE SET requested_at = excluded.requested_at, state = 'pending',
          decided_by = NULL, decided_at = NULL
        WHERE deletion_requests.state <> 'pending'
        """, [userID, now])
      if c.changes == 1 {
        try Audit.record(c, at: now, actor: userID, action: "deletion.request", subject: userID)
      }
    }
  }

  /// The learner changed their mind before a manager confirmed.
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

  /// Marks a pending request confirmed by a manager (the caller then erases the learner).
  public func confirmDeletion(userID: String, actor: String) throws {
    let now = self.now
    try database.write { c in
      try c.execute(
        "UPDATE deletion_requests SET state = 'confirmed', decided_by = ?, decided_at = ? WHERE user_id = ? AND state = 'pending'",
        [actor, now, userID])
      guard c.changes == 1 else { throw AcademyError.notFound }
      try Audit.record(c, at: now, actor: actor, action: "deletion.confirm", subject: userID)
    }
  }

  public func deletionRequest(userID: String) throws -> DeletionRequest? {
    try database.read { c in
      try c.first("SELECT * FROM deletion_requests WHERE user_id = ?", [userID]).map(
        Self.deletionRequest)
    }
  }

  /// Requests waiting for a manager, oldest first.
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
      decidedAt: r["decided_at"].int.map(Int64.init))
  }
}
