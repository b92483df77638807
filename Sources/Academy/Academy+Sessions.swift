import Catalog
import Storage

/// Sessions: the browser holds a random token; the database holds only its SHA-256.
public struct Session: Sendable {
  public var user: User
  public var expiresAt: Int64
}

extension Academy {
  /// Starts a session for a user; returns the token for the cookie. Called at every sign-in,
  /// so a token planted before sign-in is never promoted (no fixation).
  public func startSession(userID: String) throws -> String {
    let token = SecretToken.make()
    let now = self.now
    guard let u = try user(userID) else { throw AcademyError.notFound }
    let days = u.role == .learner ? policy.learnerSessionDays : policy.staffSessionDays
    try database.write { c in
      try c.execute(
        "INSERT INTO sessions(token_hash, user_id, created_at, expires_at) VALUES (?,?,?,?)",
        [SecretToken.hash(token), userID, now, now + Int64(days) * 86_400])
      try c.execute("DELETE FROM sessions WHERE expires_at < ?", [now])
    }
    return token
  }

  /// The session a token opens, if it exists, has not expired and its user is not erased.
  /// Also notes the day the user was last seen (for the retention of inactive accounts), at
  /// most once a day so that ordinary requests stay read-only.
  public func session(token: String) throws -> Session? {
    let now = self.now
    let found = try database.read { c -> (Session, Int64?)? in
      guard
        let row = try c.first(
          """
          SELECT s.expires_at, u.id, u.role, u.display_name, u.locale, u.age_band, u.gender,
                 u.disability, u.passphrase_hash, u.consent_at, u.created_at, u.erased_at, u.last_seen_at
          FROM sessions s JOIN users u ON u.id = s.user_id
          WHERE s.token_hash = ? AND s.expires_at > ? AND u.erased_at IS NULL
          """, [SecretToken.hash(token), now])
      else { return nil }
      return (
        Session(user: User(row: row), expiresAt: Int64(row.int("expires_at") ?? 0)),
        row["last_seen_at"].int.map(Int64.init)
      )
    }
    guard let (session, lastSeen) = found else { return nil }
    if lastSeen.map({ now - $0 >= 86_400 }) ?? true {
      try database.write {
        try $0.execute("UPDATE users SET last_seen_at = ? WHERE id = ?", [now, session.user.id])
      }
    }
    return session
  }

  public func endSession(token: String) throws {
    try database.write {
      try $0.execute("DELETE FROM sessions WHERE token_hash = ?", [SecretToken.hash(token)])
    }
  }

  /// Signs the user out on every device.
  public func endAllSessions(userID: String) throws {
    try database.write { try $0.execute("DELETE FROM sessions WHERE user_id = ?", [userID]) }
  }

  public func sessionCount(userID: String) throws -> Int {
    try database.read {
      try $0.scalar("SELECT COUNT(*) FROM sessions WHERE user_id = ?", [userID]).int ?? 0
    }
  }
}
