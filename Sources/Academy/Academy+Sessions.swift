import Catalog
import Storage

/// Sessions: the browser holds a random token; the database holds only its SHA-256.
public struct Session: Sendable {
  public var user: User
  public var expiresAt: Int64
  /// When this session was started by a sign-in (for changes that need a recent one).
  public var startedAt: Int64
}

extension Academy {
  /// Starts a session for a user; returns the token for the cookie. Called at every sign-in,
  /// so a token planted before sign-in is never promoted (no fixation).
  public func startSession(userID: String) throws -> String {
    let token = SecretToken.make()
    let now = self.now
    guard let u = try user(userID) else { throw AcademyError.notFound }
    let days = policy.sessionDays(u.role)
    try database.write { c in
      try c.execute(
        "INSERT INTO sessions(token_hash, user_id, created_at, expires_at, last_used_at) VALUES (?,?,?,?,?)",
        [SecretToken.hash(token), userID, now, now + Int64(days) * 86_400, now])
      try c.execute("DELETE FROM sessions WHERE expires_at < ?", [now])
    }
    return token
  }

  /// The session a token opens, if it exists, has not expired (absolute or idle: see
  /// `Policy`) and its user is not erased. Notes the last use of the session and the day
  /// the user was last seen (for retention), each only when stale enough to matter, so that
  /// ordinary requests stay read-only.
  public func session(token: String) throws -> Session? {
    let now = self.now
    let hash = SecretToken.hash(token)
    let found = try database.read { c -> (Session, Int64, Int64?)? in
      guard
        let row = try c.first(
          """
          SELECT s.expires_at, s.created_at AS started_at, COALESCE(s.last_used_at, s.created_at) AS used_at,
                 u.id, u.role, u.display_name, u.locale, u.age_band, u.gender,
                 u.disability, u.passphrase_hash, u.consent_at, u.created_at, u.erased_at, u.last_seen_at
          FROM sessions s JOIN users u ON u.id = s.user_id
          WHERE s.token_hash = ? AND s.expires_at > ? AND u.erased_at IS NULL
          """, [hash, now])
      else { return nil }
      let user = User(row: row)
      return (
        Session(
          user: user, expiresAt: Int64(row.int("expires_at") ?? 0),
          startedAt: Int64(row.int("started_at") ?? 0)),
        Int64(row.int("used_at") ?? 0), row["last_seen_at"].int.map(Int64.init)
      )
    }
    guard let (session, usedAt, lastSeen) = found else { return nil }
    let idle = policy.idleSeconds(session.user.role)
    if now - usedAt >= idle {
      try endSession(token: token)
      return nil
    }
    // A hundredth of the idle limit: a staff session is touched every 7 minutes of use at
    // most, a learner's about once a day.
    let touchUse = now - usedAt >= max(60, idle / 100)
    let touchSeen = lastSeen.map { now - $0 >= 86_400 } ?? true
    if touchUse || touchSeen {
      try database.write { c in
        if touchUse {
          try c.execute("UPDATE sessions SET last_used_at = ? WHERE token_hash = ?", [now, hash])
        }
        if touchSeen {
          try c.execute("UPDATE users SET last_seen_at = ? WHERE id = ?", [now, session.user.id])
        }
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
