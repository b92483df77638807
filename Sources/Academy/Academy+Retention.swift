import Storage

/// A learner account that has not been used for a while, as the retention command sees it.
public struct InactiveLearner: Sendable, Equatable {
  public var id: String
  /// The last day the learner used Relais (or joined, if never seen since), Unix seconds.
  public var lastActiveAt: Int64
}

extension Academy {
  /// Learners whose last activity is more than `days` days ago. Activity is
  /// `users.last_seen_at` (set by the session lookup, at most once a day) or, for accounts
  /// never seen since that column was filled, the day they joined.
  public func inactiveLearners(days: Int) throws -> [InactiveLearner] {
    let cutoff = now - Int64(days) * 86_400
    return try database.read { c in
      try c.query(
        """
        SELECT id, COALESCE(last_seen_at, created_at) AS active FROM users
        WHERE role = 'learner' AND erased_at IS NULL AND COALESCE(last_seen_at, created_at) < ?
        ORDER BY active, id
        """, [cutoff]
      ).map {
        InactiveLearner(id: $0.string("id") ?? "", lastActiveAt: Int64($0.int("active") ?? 0))
      }
    }
  }

  /// Erases every learner inactive for more than `days` days, one transaction each (a crash
  /// half-way leaves whole accounts, erased or not). Returns the ids erased.
  @discardableResult
  public func applyRetention(inactiveDays days: Int, actor: String? = nil) throws -> [String] {
    var erased: [String] = []
    for learner in try inactiveLearners(days: days) {
      let now = self.now
      let cutoff = now - Int64(days) * 86_400
      try database.write { c in
        // Checked again inside the transaction: the learner may have come back meanwhile.
        guard
          let row = try c.first(
            "SELECT COALESCE(last_seen_at, created_at) AS active FROM users WHERE id = ? AND erased_at IS NULL",
            [learner.id]), Int64(row.int("active") ?? 0) < cutoff
        else { return }
        try Self.erase(c, userID: learner.id, now: now, actor: actor)
        try Audit.record(
          c, at: now, actor: actor, action: "user.erase", subject: learner.id,
          detail: "retention: inactive \(days) days")
        erased.append(learner.id)
      }
    }
    if !erased.isEmpty { try flushErasure() }
    return erased
  }
}
