import Foundation
import Storage

extension Academy {
  /// Erases a learner's identity and free text while keeping the programme's numbers right
  /// (see `erase`). One transaction, audited, then the WAL is checkpointed so no copy of
  /// the erased bytes is left in any database file.
  public func eraseLearner(userID: String, actor: User) throws {
    let u = try learner(userID, visibleTo: actor, for: .eraseLearner)
    guard !u.erased else { return }
    let now = self.now
    try database.write { c in
      try Academy.erase(c, userID: userID, now: now, actor: actor.id)
      try Audit.record(c, at: now, actor: actor.id, action: "learner.erase", subject: userID)
    }
    try flushErasure()
  }

  /// After an erasure: `secure_delete` (on for every connection) zeroed the old bytes in the
  /// pages written to the WAL; a TRUNCATE checkpoint copies those pages into the database
  /// file and empties the WAL, where older copies of the same pages still held them. A
  /// reader on an old snapshot delays it; tried again a few times, then left to the next.
  func flushErasure() throws {
    for _ in 0..<3 {
      if try database.checkpointTruncate() { return }
    }
  }

  /// The erasure itself, shared by staff erasure, confirmed deletion requests and the
  /// retention command. Goes: name, sign-in name, demographics, passphrase, sessions, unused
  /// invites and names on invites, names typed on acknowledgements, free-text answers
  /// (essays, short answers), essay marks and their feedback, reasons written on revoked
  /// certificates and declined deletion requests, audit details by, about or naming them,
  /// their activity log (issue 21: gone whole: its links and numbers describe their own
  /// accounts) and the links to their posts on briefing shares.
  /// Stays, tied only to the random user id: attempts, scores, per-question fractions,
  /// lesson views, cohort membership, so every anonymous aggregate is unchanged.
  /// Certificates are revoked ('erased'); a pending deletion request is closed (confirmed).
  static func erase(_ c: Connection, userID: String, now: Int64, actor: String? = nil) throws {
    let names = try namesOf(c, userID: userID)
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
    // Free text becomes empty text of the same kind: fractions, scores and the question's
    // statistics stay; an essay nobody marked yet leaves the marking queue.
    try c.execute(
      """
      UPDATE answers SET response = '{"k":"text","t":""}', needs_grading = 0
      WHERE attempt_id IN (SELECT id FROM attempts WHERE user_id = ?)
        AND (CASE WHEN json_valid(response) THEN json_extract(response, '$.k') END) = 'text'
      """, [userID])
    try c.execute(
      "DELETE FROM essay_marks WHERE attempt_id IN (SELECT id FROM attempts WHERE user_id = ?)",
      [userID])
    try revokeCertificates(c, userID: userID, now: now)
    // Live sessions keep how many came, not who.
    try c.execute(
      """
      UPDATE live_sessions SET erased_attended = erased_attended + 1
      WHERE id IN (SELECT session_id FROM live_session_attendance WHERE user_id = ?)
      """, [userID])
    try c.execute("DELETE FROM live_session_attendance WHERE user_id = ?", [userID])
    try c.execute("DELETE FROM activity_log WHERE user_id = ?", [userID])
    try c.execute("UPDATE briefing_shares SET link = NULL WHERE user_id = ?", [userID])
    try c.execute(
      """
      UPDATE deletion_requests SET reason = NULL,
        decided_by = CASE WHEN state = 'pending' THEN ? ELSE decided_by END,
        decided_at = CASE WHEN state = 'pending' THEN ? ELSE decided_at END,
        state = CASE WHEN state = 'pending' THEN 'confirmed' ELSE state END
      WHERE user_id = ?
      """, [actor, now, userID])
    // The log keeps who did what; what it says about the person goes: every detail of an
    // entry by or about them, and any other that names them.
    try c.execute(
      "UPDATE audit_log SET detail = NULL WHERE (actor_id = ?1 OR subject = ?1) AND detail IS NOT NULL",
      [userID])
    for name in names {
      try c.execute(
        "UPDATE audit_log SET detail = NULL WHERE detail IS NOT NULL AND instr(lower(detail), lower(?)) > 0",
        [name])
    }
  }

  /// The names the person was known by, as typed anywhere: only those long enough that
  /// matching them in free text can't blank unrelated entries.
  static func namesOf(_ c: Connection, userID: String) throws -> Set<String> {
    var names: [String?] = []
    if let u = try c.first("SELECT display_name, handle FROM users WHERE id = ?", [userID]) {
      names += [u.string("display_name"), u.string("handle")]
    }
    names += try c.query("SELECT name FROM acknowledgements WHERE user_id = ?", [userID]).map {
      $0.string("name")
    }
    names += try c.query(
      "SELECT display_name FROM invites WHERE (user_id = ?1 OR used_by = ?1) AND display_name IS NOT NULL",
      [userID]
    ).map { $0.string("display_name") }
    return Set(
      names.compactMap { $0?.trimmingCharacters(in: .whitespacesAndNewlines) }.filter {
        $0.count >= 3
      })
  }

  /// Every certificate of the person revoked with reason 'erased', including those revoked
  /// before: a reason staff wrote may name them, in the certificate, its events and the log.
  static func revokeCertificates(_ c: Connection, userID: String, now: Int64) throws {
    let codes = try c.query(
      "SELECT code, revoked_at FROM certificates WHERE user_id = ?", [userID])
    for row in codes {
      guard let code = row.string("code") else { continue }
      try c.execute(
        "UPDATE certificate_events SET detail = NULL WHERE code = ? AND detail IS NOT NULL",
        [code])
      try c.execute(
        "UPDATE audit_log SET detail = NULL WHERE subject = ? AND action = 'certificate.revoke'",
        [code])
      if row["revoked_at"].isNull {
        try c.execute(
          "UPDATE certificates SET revoked_at = ?, revoked_reason = 'erased' WHERE code = ?",
          [now, code])
        try c.execute(
          "INSERT INTO certificate_events(code, at, event, detail) VALUES (?,?,'revoked','erased')",
          [code, now])
      } else {
        try c.execute(
          "UPDATE certificates SET revoked_reason = 'erased' WHERE code = ?", [code])
      }
    }
  }
}
