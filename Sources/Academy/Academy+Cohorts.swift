import Catalog
import Storage

/// A group of learners run together (e.g. "Kakuma youth creators, 2026"), with the staff
/// attached to it.
public struct Cohort: Sendable, Equatable {
  public var id: String
  public var name: String
  public var createdAt: Int64
  public var learnerCount: Int
}

/// Someone in a cohort: a learner, or a staff member attached to it.
public struct CohortMember: Sendable {
  public var user: User
}

extension Academy {
  @discardableResult
  public func createCohort(name: String, actor: User) throws -> Cohort {
    let clean = name.trimmingCharacters(in: .whitespacesAndNewlines)
    try authorize(actor, .createCohort, .programme)
    guard !clean.isEmpty, clean.count <= 120 else { throw AcademyError("cohort.nameInvalid") }
    let id = RandomID.make()
    let now = self.now
    try database.write { c in
      try c.execute(
        "INSERT INTO cohorts(id, name, created_by, created_at) VALUES (?,?,?,?)",
        [id, clean, actor.id, now])
      // The manager who creates a cohort is attached to it, so they can see it.
      if actor.role != .admin {
        try c.execute(
          "INSERT INTO cohort_members(cohort_id, user_id) VALUES (?,?)", [id, actor.id])
      }
      try Audit.record(
        c, at: now, actor: actor.id, action: "cohort.create", subject: id, detail: clean)
    }
    return Cohort(id: id, name: clean, createdAt: now, learnerCount: 0)
  }

  /// The cohorts `viewer` may do `action` on (`Authorization`): all for an admin, else those
  /// they are attached to.
  public func cohorts(visibleTo viewer: User, for action: Action = .viewCohort) throws -> [Cohort] {
    let scope = try cohortScope(viewer, action)
    if scope?.isEmpty == true { return [] }
    return try database.read { c in
      let count =
        "(SELECT COUNT(*) FROM cohort_members m2 WHERE m2.cohort_id = k.id AND m2.user_id NOT IN (SELECT id FROM users WHERE role <> 'learner')) AS n"
      let rows =
        try scope.map {
          try c.query(
            "SELECT k.id, k.name, k.created_at, \(count) FROM json_each(?) j JOIN cohorts k ON k.id = j.value ORDER BY k.created_at DESC",
            [ScopeSQL.jsonArray($0)])
        }
        ?? c.query(
          "SELECT k.id, k.name, k.created_at, \(count) FROM cohorts k ORDER BY k.created_at DESC")
      return rows.map(Academy.cohort)
    }
  }

  /// One cohort, if `viewer` may do `action` on it: `notFound` when it doesn't exist or is not
  /// theirs (the same answer, so ids can't be probed), `forbidden` when theirs but not that.
  public func cohort(_ id: String, visibleTo viewer: User, for action: Action = .viewCohort)
    throws -> Cohort
  {
    try authorize(viewer, action, .cohort(id))
    let row = try database.read { c in
      try c.first(
        """
        SELECT k.id, k.name, k.created_at,
          (SELECT COUNT(*) FROM cohort_members m2 WHERE m2.cohort_id = k.id AND m2.user_id NOT IN (SELECT id FROM users WHERE role <> 'learner')) AS n
        FROM cohorts k WHERE k.id = ?
        """, [id])
    }
    guard let row else { throw AcademyError.notFound }
    return Academy.cohort(row)
  }

  static func cohort(_ r: Row) -> Cohort {
    Cohort(
      id: r.string("id") ?? "", name: r.string("name") ?? "",
      createdAt: Int64(r.int("created_at") ?? 0),
      learnerCount: r.int("n") ?? 0)
  }

  /// Everyone in a cohort (learners and attached staff), by name.
  public func members(cohortID: String) throws -> [User] {
    try database.read { c in
      try c.query(
        "SELECT \(User.columns.split(separator: ",").map { "u." + $0.trimmingCharacters(in: .whitespaces) }.joined(separator: ", ")) FROM users u JOIN cohort_members m ON m.user_id = u.id WHERE m.cohort_id = ? ORDER BY u.role DESC, u.display_name",
        [cohortID]
      ).map(User.init)
    }
  }

  /// Staff accounts an admin can attach to cohorts.
  public func staff() throws -> [User] {
    try database.read { c in
      try c.query(
        "SELECT \(User.columns) FROM users WHERE role IN ('trainer','manager') AND erased_at IS NULL ORDER BY display_name"
      ).map(User.init)
    }
  }

  /// Attaches a trainer or manager to a cohort (`assignStaff`: an admin).
  public func attachStaff(cohortID: String, userID: String, actor: User) throws {
    try authorize(actor, .assignStaff, .cohort(cohortID))
    guard let u = try user(userID), u.role == .trainer || u.role == .manager else {
      throw AcademyError.notFound
    }
    let now = self.now
    try database.write { c in
      try c.execute(
        "INSERT OR IGNORE INTO cohort_members(cohort_id, user_id) VALUES (?,?)", [cohortID, userID])
      try Audit.record(
        c, at: now, actor: actor.id, action: "cohort.attach", subject: cohortID, detail: userID)
    }
  }

  /// A learner `viewer` may do `action` on (a learner of one of their cohorts; any for an
  /// admin); `notFound` otherwise, and for staff accounts.
  public func learner(_ id: String, visibleTo viewer: User, for action: Action = .viewLearner)
    throws -> User
  {
    try authorize(viewer, action, .learner(id))
    guard let u = try user(id), u.role == .learner else { throw AcademyError.notFound }
    return u
  }

  /// The cohorts a learner belongs to that `viewer` can see.
  public func cohorts(ofLearner id: String, visibleTo viewer: User) throws -> [Cohort] {
    try cohorts(visibleTo: viewer).filter { k in
      try database.read { c in
        try c.first("SELECT 1 FROM cohort_members WHERE cohort_id = ? AND user_id = ?", [k.id, id])
          != nil
      }
    }
  }

  /// Invites one learner into a cohort `viewer` can see; returns the token.
  public func inviteLearner(cohortID: String, displayName: String?, locale: Language?, viewer: User)
    throws -> String
  {
    _ = try cohort(cohortID, visibleTo: viewer, for: .manageCohort)
    return try createInvite(
      role: .learner, cohortID: cohortID, displayName: displayName, locale: locale,
      createdBy: viewer.id)
  }
}
