import Storage

extension Academy {
  /// Erases a learner's identity while keeping the programme's numbers right: the name,
  /// sign-in name, demographics, passphrase and sessions go; attempts and lesson views stay,
  /// linked only to the random user id; certificates are revoked ('erased') so a check
  /// shows neither a name nor a valid credential. One transaction, audited.
  public func eraseLearner(userID: String, actor: User) throws {
    let u = try learner(userID, visibleTo: actor, for: .eraseLearner)
    guard !u.erased else { return }
    let now = self.now
    try database.write { c in
      try Academy.erase(c, userID: userID, now: now)
      try Audit.record(c, at: now, actor: actor.id, action: "learner.erase", subject: userID)
    }
  }

  /// The erasure itself, shared by staff erasure and the retention command: identity goes
  /// (name, sign-in name, demographics, passphrase, sessions, unused invites, names typed on
  /// acknowledgements), numbers stay; certificates are revoked with reason 'erased'.
  static func erase(_ c: Connection, userID: String, now: Int64) throws {
    try c.execute(
      """
      UPDATE users SET display_name = '', handle = NULL, age_band = NULL, gender = NULL,
        disability = NULL, passphrase_hash = NULL, erased_at = ? WHERE id = ?
      """, [now, userID])
    try c.execute("DELETE FROM sessions WHERE user_id = ?", [userID])
    try c.execute("DELETE FROM invites WHERE user_id = ? AND used_at IS NULL", [userID])
    try c.execute(
      "UPDATE invites SET display_name = NULL WHERE user_id = ?1 OR used_by = ?1", [userID])
    try c.execute("UPDATE acknowledgements SET name = '' WHERE user_id = ?", [userID])
    let codes = try c.query(
      "SELECT code FROM certificates WHERE user_id = ? AND revoked_at IS NULL", [userID]
    ).compactMap { $0.string("code") }
    for code in codes {
      try c.execute(
        "UPDATE certificates SET revoked_at = ?, revoked_reason = 'erased' WHERE code = ?",
        [now, code])
      try c.execute(
        "INSERT INTO certificate_events(code, at, event, detail) VALUES (?,?,'revoked','erased')",
        [code, now])
    }
  }
}
