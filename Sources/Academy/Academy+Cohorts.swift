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

  /// The cohorts `viewer` may see: all for an admin, else those they are attached to.
  public func cohorts(visibleTo viewer: User) throws -> [Cohort] {
    try database.read { c in
      let count =
        "(SELECT COUNT(*) FROM cohort_members m2 WHERE m2.cohort_id = k.id AND m2.user_id NOT IN (SELECT id FROM users WHERE role <> 'learner')) AS n"
      let rows =
        viewer.role == .admin
        ? try c.query(
          "SELECT k.id, k.name, k.created_at, \(count) FROM cohorts k ORDER BY k.created_at DESC")
        : try c.query(
          "SELECT k.id, k.name, k.created_at, \(count) FROM cohorts k JOIN cohort_members m ON m.cohort_id = k.id AND m.user_id = ? ORDER BY k.created_at DESC",
          [viewer.id])
      return rows.map(Academy.cohort)
    }
  }

  /// One cohort, or `notFound` when it doesn't exist or `viewer` isn't attached to it (the
  /// same answer, so ids can't be probed).
  public func cohort(_ id: String, visibleTo viewer: User) throws -> Cohort {
    let row = try database.read { c in
      try c.first(
        """
        SELECT k.id, k.name, k.created_at,
          (SELECT COUNT(*) FROM cohort_members m2 WHERE m2.cohort_id = k.id AND m2.user_id NOT IN (SELECT id FROM users WHERE role <> 'learner')) AS n
        FROM cohorts k WHERE k.id = ?
          AND (? = 'admin' OR EXISTS (SELECT 1 FROM cohort_members m WHERE m.cohort_id = k.id AND m.user_id = ?))
        """, [id, viewer.role.rawValue, viewer.id])
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

  /// Attaches a trainer or manager to a cohort (admin only).
  public func attachStaff(cohortID: String, userID: String, actor: User) throws {
    guard actor.role == .admin else { throw AcademyError.forbidden }
    _ = try cohort(cohortID, visibleTo: actor)
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

  /// A learner `viewer` may manage: in one of their cohorts (any learner for an admin).
  public func learner(_ id: String, visibleTo viewer: User) throws -> User {
    let row = try database.read { c in
      try c.first(
        """
        SELECT \(User.columns) FROM users u WHERE u.id = ? AND u.role = 'learner'
          AND (? = 'admin' OR EXISTS (
            SELECT 1 FROM cohort_members a JOIN cohort_members b ON a.cohort_id = b.cohort_id
            WHERE a.user_id = ? AND b.user_id = u.id))
        """, [id, viewer.role.rawValue, viewer.id])
    }
    guard let row else { throw AcademyError.notFound }
    return User(row: row)
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
    _ = try cohort(cohortID, visibleTo: viewer)
    return try createInvite(
      role: .learner, cohortID: cohortID, displayName: displayName, locale: locale,
      createdBy: viewer.id)
  }
}
