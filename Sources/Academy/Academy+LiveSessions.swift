import Foundation
import Storage

/// A refresher session where people meet: in a place, on a call, or both. Cohorts are
/// invited; a trainer of one of them marks who came; those who came can be given the
/// refresher quiz of the session's modules.
public struct LiveSession: Sendable, Equatable {
  public var id: String
  public var title: String
  public var startsAt: Int64
  public var minutes: Int
  public var place: String
  public var link: String
  public var capacity: Int?
  public var modules: [String]
  public var cohortIDs: [String]
  public var quizOpenedAt: Int64?
  public var attended: Int

  public var endsAt: Int64 { startsAt + Int64(minutes) * 60 }

  public init(
    id: String, title: String, startsAt: Int64, minutes: Int, place: String, link: String,
    capacity: Int?, modules: [String], cohortIDs: [String], quizOpenedAt: Int64?, attended: Int
  ) {
    self.id = id
    self.title = title
    self.startsAt = startsAt
    self.minutes = minutes
    self.place = place
    self.link = link
    self.capacity = capacity
    self.modules = modules
    self.cohortIDs = cohortIDs
    self.quizOpenedAt = quizOpenedAt
    self.attended = attended
  }
}

/// What a manager types to schedule a session.
public struct LiveSessionDraft: Sendable {
  public var title: String
  public var startsAt: Int64
  public var minutes: Int
  public var place: String
  public var link: String
  public var capacity: Int?
  public var modules: [String]
  public var cohortIDs: [String]

  public init(
    title: String, startsAt: Int64, minutes: Int, place: String, link: String, capacity: Int?,
    modules: [String], cohortIDs: [String]
  ) {
    self.title = title
    self.startsAt = startsAt
    self.minutes = minutes
    self.place = place
    self.link = link
    self.capacity = capacity
    self.modules = modules
    self.cohortIDs = cohortIDs
  }
}

/// One invited learner, and whether they were marked present.
public struct Invitee: Sendable, Equatable {
  public var userID: String
  public var name: String
  public var present: Bool
}

extension Academy {
  /// Checks the draft and stores it; every invited cohort must be one `actor` may schedule for.
  @discardableResult
  public func scheduleSession(_ d: LiveSessionDraft, actor: User) throws -> String {
    let title = d.title.trimmingCharacters(in: .whitespacesAndNewlines)
    let place = d.place.trimmingCharacters(in: .whitespacesAndNewlines)
    let link = d.link.trimmingCharacters(in: .whitespacesAndNewlines)
    guard !title.isEmpty, title.count <= 120 else { throw AcademyError("session.titleInvalid") }
    guard place.count <= 200 else { throw AcademyError("session.placeInvalid") }
    guard !place.isEmpty || !link.isEmpty else { throw AcademyError("session.whereMissing") }
    // Only web links: the page shows it as a link, and a `javascript:` one would run.
    if !link.isEmpty {
      let lower = link.lowercased()
      guard link.count <= 500, lower.hasPrefix("https://") || lower.hasPrefix("http://"),
        !link.contains(where: { $0.isWhitespace })
      else { throw AcademyError("session.linkInvalid") }
    }
    guard (5...1440).contains(d.minutes) else { throw AcademyError("session.minutesInvalid") }
    if let c = d.capacity, !(1...100_000).contains(c) {
      throw AcademyError("session.capacityInvalid")
    }
    let modules = Array(Set(d.modules)).sorted()
    guard !modules.isEmpty else { throw AcademyError("refresher.noModule") }
    guard modules.allSatisfy({ catalog.module($0) != nil }) else {
      throw AcademyError("assign.moduleUnknown")
    }
    let cohorts = Array(Set(d.cohortIDs)).sorted()
    guard !cohorts.isEmpty else { throw AcademyError("session.noCohort") }
    let id = RandomID.make()
    let now = self.now
    try database.write { c in
      for k in cohorts { try Academy.authorize(c, actor, .scheduleSession, .cohort(k)) }
      try c.execute(
        """
        INSERT INTO live_sessions(id, title, starts_at, minutes, place, link, capacity, created_by, created_at)
        VALUES (?,?,?,?,?,?,?,?,?)
        """, [id, title, d.startsAt, d.minutes, place, link, d.capacity, actor.id, now])
      for m in modules {
        try c.execute("INSERT INTO live_session_modules(session_id, module) VALUES (?,?)", [id, m])
      }
      for k in cohorts {
        try c.execute(
          "INSERT INTO live_session_cohorts(session_id, cohort_id) VALUES (?,?)", [id, k])
      }
      try Audit.record(c, at: now, actor: actor.id, action: "session.schedule", subject: id)
    }
    return id
  }

  /// The session, if `viewer` may do `action` for one of its cohorts; learners see the
  /// sessions their cohorts are invited to (`.viewLearner` on themselves).
  public func liveSession(_ id: String, visibleTo viewer: User, for action: Action) throws
    -> LiveSession
  {
    try database.read { c in
      guard let s = try Academy.liveSession(c, id) else { throw AcademyError.notFound }
      if viewer.role == .learner {
        guard try Academy.invited(c, viewer.id, to: s) else { throw AcademyError.notFound }
        return s
      }
      var refusal = AcademyError.notFound
      for k in s.cohortIDs {
        do {
          try Academy.authorize(c, viewer, action, .cohort(k))
          return s
        } catch let e as AcademyError where e == .forbidden {
          refusal = e  // in scope, not theirs to do: 403 unless another cohort allows it
        }
      }
      throw refusal
    }
  }

  /// Sessions starting at or after `from`, soonest first: those of the cohorts `viewer`
  /// runs (staff) or is a member of (learner).
  public func liveSessions(visibleTo viewer: User, from: Int64, limit: Int = 50) throws
    -> [LiveSession]
  {
    let cohorts: [String]?
    if viewer.role == .learner {
      cohorts = try database.read { c in
        try c.query("SELECT cohort_id FROM cohort_members WHERE user_id = ?", [viewer.id])
          .compactMap { $0[0].string }
      }
    } else {
      cohorts = try cohortScope(viewer, .viewCohort)
    }
    return try database.read { c in
      let ids = try c.query(
        """
        SELECT s.id FROM live_sessions s WHERE s.starts_at + s.minutes * 60 >= ?1
          AND (?2 IS NULL OR EXISTS (SELECT 1 FROM live_session_cohorts k
            WHERE k.session_id = s.id AND k.cohort_id IN (SELECT value FROM json_each(?2))))
        ORDER BY s.starts_at, s.id LIMIT ?3
        """, [from, cohorts.map(ScopeSQL.jsonArray), limit]
      ).compactMap { $0[0].string }
      return try ids.compactMap { try Academy.liveSession(c, $0) }
    }
  }

  /// The learners of the invited cohorts (not staff, not erased), by name, with who came.
  public func invitees(of session: LiveSession) throws -> [Invitee] {
    try database.read { c in
      try c.query(
        """
        SELECT DISTINCT u.id, u.display_name, a.user_id IS NOT NULL FROM live_session_cohorts k
        JOIN cohort_members m ON m.cohort_id = k.cohort_id
        JOIN users u ON u.id = m.user_id AND u.role = 'learner' AND u.erased_at IS NULL
        LEFT JOIN live_session_attendance a ON a.session_id = k.session_id AND a.user_id = u.id
        WHERE k.session_id = ? ORDER BY u.display_name COLLATE NOCASE, u.id
        """, [session.id]
      ).map {
        Invitee(userID: $0[0].string ?? "", name: $0[1].string ?? "", present: $0[2].int == 1)
      }
    }
  }

  /// Marks `userID` present or not. The actor must be allowed to mark attendance for a
  /// cohort of the session that the learner belongs to.
  public func setAttendance(sessionID: String, userID: String, present: Bool, actor: User) throws {
    let now = self.now
    try database.write { c in
      guard let s = try Academy.liveSession(c, sessionID) else { throw AcademyError.notFound }
      let theirs = try c.query(
        """
        SELECT k.cohort_id FROM live_session_cohorts k JOIN cohort_members m ON m.cohort_id = k.cohort_id
        JOIN users u ON u.id = m.user_id AND u.role = 'learner' AND u.erased_at IS NULL
        WHERE k.session_id = ? AND m.user_id = ? ORDER BY k.cohort_id
        """, [s.id, userID]
      ).compactMap { $0[0].string }
      var allowed = false
      var refusal = AcademyError.notFound
      for k in theirs where !allowed {
        do {
          try Academy.authorize(c, actor, .markAttendance, .cohort(k))
          allowed = true
        } catch let e as AcademyError where e == .forbidden { refusal = e }
      }
      guard allowed else { throw refusal }
      if present {
        try c.execute(
          """
          INSERT INTO live_session_attendance(session_id, user_id, marked_by, marked_at) VALUES (?,?,?,?)
          ON CONFLICT(session_id, user_id) DO NOTHING
          """, [s.id, userID, actor.id, now])
      } else {
        try c.execute(
          "DELETE FROM live_session_attendance WHERE session_id = ? AND user_id = ?",
          [s.id, userID])
      }
    }
  }

  /// Gives everyone marked present a refresher assignment of each of the session's modules,
  /// due by `dueAt` (passing it renews their certificate). Returns how many learners got it.
  @discardableResult
  public func openRefresherQuiz(sessionID: String, dueAt: Int64, actor: User) throws -> Int {
    let s = try liveSession(sessionID, visibleTo: actor, for: .scheduleSession)
    let now = self.now
    return try database.write { c in
      let people = try c.query(
        "SELECT user_id FROM live_session_attendance WHERE session_id = ? ORDER BY user_id",
        [s.id]
      ).compactMap { $0[0].string }
      for u in people {
        for m in s.modules {
          // One open refresher per person and module, however often the button is pressed.
          let open =
            try c.first(
              "SELECT 1 FROM assignments WHERE user_id = ? AND module = ? AND kind = 'refresher' AND created_at >= ?",
              [u, m, s.startsAt - 86_400]) != nil
          if open { continue }
          try c.execute(
            """
            INSERT INTO assignments(id, cohort_id, user_id, module, kind, due_at, created_by, created_at)
            VALUES (?, NULL, ?, ?, 'refresher', ?, ?, ?)
            """, [RandomID.make(), u, m, dueAt, actor.id, now])
        }
      }
      try c.execute("UPDATE live_sessions SET quiz_opened_at = ? WHERE id = ?", [now, s.id])
      try Audit.record(
        c, at: now, actor: actor.id, action: "session.openQuiz", subject: s.id,
        detail: String(people.count))
      return people.count
    }
  }

  /// The sessions a learner was marked present at, newest first (their record and export).
  public func attendance(userID: String) throws -> [LiveSession] {
    try database.read { c in
      try c.query(
        """
        SELECT a.session_id FROM live_session_attendance a JOIN live_sessions s ON s.id = a.session_id
        WHERE a.user_id = ? ORDER BY s.starts_at DESC, s.id
        """, [userID]
      ).compactMap { $0[0].string }.compactMap { try Academy.liveSession(c, $0) }
    }
  }

  static func liveSession(_ c: Connection, _ id: String) throws -> LiveSession? {
    guard
      let r = try c.first(
        """
        SELECT id, title, starts_at, minutes, place, link, capacity, quiz_opened_at,
          erased_attended + (SELECT COUNT(*) FROM live_session_attendance WHERE session_id = s.id)
        FROM live_sessions s WHERE id = ?
        """, [id])
    else { return nil }
    let modules = try c.query(
      "SELECT module FROM live_session_modules WHERE session_id = ? ORDER BY module", [id]
    ).compactMap { $0[0].string }
    let cohorts = try c.query(
      "SELECT cohort_id FROM live_session_cohorts WHERE session_id = ? ORDER BY cohort_id", [id]
    ).compactMap { $0[0].string }
    return LiveSession(
      id: r[0].string ?? "", title: r[1].string ?? "", startsAt: Int64(r[2].int ?? 0),
      minutes: r[3].int ?? 60, place: r[4].string ?? "", link: r[5].string ?? "",
      capacity: r[6].int, modules: modules, cohortIDs: cohorts,
      quizOpenedAt: r[7].int.map(Int64.init), attended: r[8].int ?? 0)
  }

  static func invited(_ c: Connection, _ userID: String, to s: LiveSession) throws -> Bool {
    try c.first(
      """
      SELECT 1 FROM live_session_cohorts k JOIN cohort_members m ON m.cohort_id = k.cohort_id
      WHERE k.session_id = ? AND m.user_id = ?
      """, [s.id, userID]) != nil
  }
}
