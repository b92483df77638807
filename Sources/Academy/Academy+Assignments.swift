import Catalog
import Storage

public enum AssignmentKind: String, Sendable {
  case initial, refresher
}

/// A module a learner is asked to complete (or refresh) by a date.
public struct LearnerAssignment: Sendable, Equatable {
  public var id: String
  public var module: String
  public var kind: AssignmentKind
  public var dueAt: Int64?
  /// Completed: the module passed (initial), or a refresher passed since it was issued.
  public var done: Bool

  public func overdue(at now: Int64) -> Bool { !done && (dueAt.map { $0 < now } ?? false) }
}

/// An assignment as a manager sees it on a cohort.
public struct AssignmentRecord: Sendable {
  public var id: String
  public var cohortID: String?
  public var userID: String?
  public var learnerName: String?
  public var module: String
  public var kind: AssignmentKind
  public var dueAt: Int64?
  public var expiringBefore: Int64?
  public var createdAt: Int64
}

/// Someone late on an assignment.
public struct OverdueItem: Sendable {
  public var userID: String
  public var name: String
  public var module: String
  public var kind: AssignmentKind
  public var dueAt: Int64
}

extension Academy {
  /// Assigns a module to a whole cohort, or to one learner of it (`userID`).
  @discardableResult
  public func assign(
    module: String, cohortID: String, userID: String? = nil, kind: AssignmentKind = .initial,
    dueAt: Int64?,
    expiringBefore: Int64? = nil, actor: User
  ) throws -> String {
    guard catalog.module(module) != nil else { throw AcademyError("assign.moduleUnknown") }
    _ = try cohort(cohortID, visibleTo: actor, for: .manageCohort)
    if let userID {
      try authorize(actor, .editLearner, .learner(userID))
      let inCohort = try database.read { c in
        try c.first(
          "SELECT 1 FROM cohort_members WHERE cohort_id = ? AND user_id = ?", [cohortID, userID])
          != nil
      }
      guard inCohort else { throw AcademyError.notFound }
    }
    let id = RandomID.make()
    let now = self.now
    try database.write { c in
      try c.execute(
        "INSERT INTO assignments(id, cohort_id, user_id, module, kind, due_at, expiring_before, created_by, created_at) VALUES (?,?,?,?,?,?,?,?,?)",
        [
          id, userID == nil ? cohortID : nil, userID, module, kind.rawValue, dueAt, expiringBefore,
          actor.id, now,
        ])
      try Audit.record(
        c, at: now, actor: actor.id,
        action: kind == .initial ? "assignment.create" : "refresher.create",
        subject: userID ?? cohortID, detail: module)
    }
    return id
  }

  /// What a learner has been asked to do, soonest due first: their own assignments and their
  /// cohorts'. A refresher limited to certificates expiring before a date applies only to
  /// learners whose certificate does.
  public func assignments(userID: String) throws -> [LearnerAssignment] {
    try database.read { c in
      let rows = try c.query(
        """
        SELECT a.id, a.module, a.kind, a.due_at, a.expiring_before, a.created_at FROM assignments a
        WHERE a.user_id = ?1 OR a.cohort_id IN (SELECT cohort_id FROM cohort_members WHERE user_id = ?1)
        """, [userID])
      let facts = try LearnerFacts.load(c, userIDs: [userID])[userID] ?? LearnerFacts()
      var out: [LearnerAssignment] = []
      for r in rows {
        let a = AssignmentRule(row: r)
        guard a.applies(to: facts) else { continue }
        out.append(
          LearnerAssignment(
            id: a.id, module: a.module, kind: a.kind, dueAt: a.dueAt, done: a.done(by: facts)))
      }
      return out.sorted { ($0.dueAt ?? .max, $0.module) < ($1.dueAt ?? .max, $1.module) }
    }
  }

  /// A cohort's assignments, and those of its learners one by one.
  public func assignments(cohortID: String) throws -> [AssignmentRecord] {
    try database.read { c in
      try c.query(
        """
        SELECT a.*, u.display_name FROM assignments a LEFT JOIN users u ON u.id = a.user_id
        WHERE a.cohort_id = ?1 OR a.user_id IN (SELECT user_id FROM cohort_members WHERE cohort_id = ?1)
        ORDER BY a.created_at DESC
        """, [cohortID]
      ).map {
        AssignmentRecord(
          id: $0.string("id") ?? "", cohortID: $0.string("cohort_id"), userID: $0.string("user_id"),
          learnerName: $0.string("display_name"), module: $0.string("module") ?? "",
          kind: AssignmentKind(rawValue: $0.string("kind") ?? "") ?? .initial,
          dueAt: $0["due_at"].int.map(Int64.init),
          expiringBefore: $0["expiring_before"].int.map(Int64.init),
          createdAt: Int64($0.int("created_at") ?? 0))
      }
    }
  }

  /// Learners of a cohort late on an assignment, most overdue first.
  public func overdue(cohortID: String) throws -> [OverdueItem] {
    let now = self.now
    return try database.read { c in
      let learners = try c.query(
        "SELECT u.id, u.display_name FROM users u JOIN cohort_members m ON m.user_id = u.id WHERE m.cohort_id = ? AND u.role = 'learner'",
        [cohortID])
      let ids = learners.compactMap { $0.string("id") }
      let facts = try LearnerFacts.load(c, userIDs: ids)
      let rules = try AssignmentRule.load(c, cohortIDs: [cohortID], userIDs: ids)
      var out: [OverdueItem] = []
      for l in learners {
        let id = l.string("id") ?? ""
        let f = facts[id] ?? LearnerFacts()
        for a in rules.for(userID: id, cohorts: [cohortID]) where a.applies(to: f) && !a.done(by: f)
        {
          if let due = a.dueAt, due < now {
            out.append(
              OverdueItem(
                userID: id, name: l.string("display_name") ?? "", module: a.module, kind: a.kind,
                dueAt: due))
          }
        }
      }
      return out.sorted { ($0.dueAt, $0.name) < ($1.dueAt, $1.name) }
    }
  }
}
