import Storage

/// Everything a person can ask Relais to do to something that belongs to someone. The list is
/// closed on purpose: a new kind of access is a new case here, decided in `Authorization`,
/// never a role test in a page.
public enum Action: String, Sendable, CaseIterable {
  /// Answer and submit a quiz attempt: only its learner, whoever else asks (answering for
  /// someone would mint their certificate).
  case submitAttempt
  /// A result: an attempt's score, answers and feedback (`/attempts/{id}`), a learner's scores.
  case viewResult
  /// An essay answer in the marking queue.
  case viewEssay
  /// Give or change an essay's mark (which may issue or revoke a certificate).
  case markEssay
  /// A certificate beyond its public proof: the revocation reason, the history's details.
  case viewCertificateDetails
  case revokeCertificate
  /// A learner's record: name, progress, assignments.
  case viewLearner
  /// Change what a learner must do (an assignment or refresher for them alone), or one's
  /// own profile.
  case editLearner
  case eraseLearner
  case viewCohort
  /// Invite into a cohort, assign its modules, issue its refresher sessions.
  case manageCohort
  /// Attach trainers and managers to a cohort.
  case assignStaff
  /// Download a cohort's data (CSV, xAPI).
  case export
  /// Question statistics of a cohort's attempts.
  case viewStatistics
  case viewDeletionRequest
  /// Confirm (erase) or decline a learner's deletion request.
  case decideDeletionRequest
  /// Schedule a live refresher session for a cohort, and open its refresher quiz to those
  /// who came.
  case scheduleSession
  /// Mark who came to a live session of a cohort (its trainers, on a phone).
  case markAttendance
  /// Programme-wide: create a cohort.
  case createCohort
  /// Programme-wide: invite a trainer, manager or admin.
  case inviteStaff
  /// Log or correct a post or live session in an activity log: only its influencer (numbers
  /// typed for someone else would be made up).
  case recordActivity
  /// Briefing reads and shares, activity and reach of a cohort, as aggregates.
  case viewOutreach
}

/// What an action is done on. Attempts, certificates and essays belong to their learner, so
/// they are judged as that learner; a cohort as itself.
public enum Resource: Sendable, Equatable {
  case learner(String)
  case attempt(String)
  case certificate(String)
  case cohort(String)
  /// One entry of an influencer's activity log (judged as its influencer).
  case activity(String)
  /// The programme as a whole (creating cohorts, inviting staff).
  case programme
}

/// How the person asking stands to the resource.
public enum Relation: String, Sendable, CaseIterable {
  /// It is theirs.
  case own
  /// In their scope: a learner of, or a cohort itself, they are attached to (admin: all).
  case inScope
  /// Someone else's, outside their cohorts.
  case outOfScope
}

/// The one rule of who may do what (DESIGN: "one policy in Academy decides per object").
///
/// - learner: their own things only (someone else's, even in their cohort, is not found);
/// - trainer: results and essays of the learners of cohorts they are attached to;
/// - manager: learners and data of their cohorts;
/// - admin: everything in the programme.
///
/// Nobody acts as someone else's learner (`submitAttempt`), and nobody marks, revokes,
/// erases or decides on their own things: on what is theirs, everyone has the same few
/// rights (`onOwn`).
///
/// Refusals: a resource outside the asker's scope (or that doesn't exist) is **404**, so ids
/// can't be probed; one inside it that their role may not act on is **403** (they already
/// know it exists).
public enum Authorization {
  /// What anyone may do to their own things.
  public static let onOwn: Set<Action> = [
    .submitAttempt, .viewResult, .viewCertificateDetails, .viewLearner, .editLearner,
    .viewDeletionRequest, .recordActivity,
  ]

  /// What each role may do within its scope.
  public static func inScope(_ role: Role) -> Set<Action> {
    switch role {
    case .learner: return []
    case .trainer:
      return [.viewResult, .viewEssay, .markEssay, .viewCohort, .viewStatistics, .markAttendance]
    case .manager:
      return [
        .viewResult, .viewCertificateDetails, .revokeCertificate, .viewLearner, .editLearner,
        .eraseLearner, .viewCohort, .manageCohort, .export, .viewDeletionRequest,
        .decideDeletionRequest, .createCohort, .scheduleSession, .markAttendance,
        .viewOutreach,
      ]
    case .admin: return Set(Action.allCases).subtracting([.submitAttempt, .recordActivity])
    }
  }

  /// The decision, once the relation is known.
  public static func allows(_ role: Role, _ action: Action, _ relation: Relation) -> Bool {
    switch relation {
    case .own: return onOwn.contains(action)
    case .inScope: return inScope(role).contains(action)
    case .outOfScope: return false
    }
  }
}

extension Academy {
  /// Whether `actor` may do `action` on `resource` (false also when it doesn't exist).
  public func may(_ actor: User, _ action: Action, _ resource: Resource) throws -> Bool {
    try database.read { c in
      guard let r = try Academy.relation(c, actor, resource) else { return false }
      return Authorization.allows(actor.role, action, r)
    }
  }

  /// Throws `notFound` (missing, or outside the actor's scope) or `forbidden` (in scope, but
  /// not theirs to do) unless `actor` may do `action` on `resource`.
  public func authorize(_ actor: User, _ action: Action, _ resource: Resource) throws {
    try database.read { try Academy.authorize($0, actor, action, resource) }
  }

  /// The same check inside a transaction, so a write is judged on what it writes.
  static func authorize(_ c: Connection, _ actor: User, _ action: Action, _ resource: Resource)
    throws
  {
    guard let r = try relation(c, actor, resource), r != .outOfScope else {
      throw AcademyError.notFound
    }
    guard Authorization.allows(actor.role, action, r) else { throw AcademyError.forbidden }
  }

  /// The cohorts `actor` may do `action` on, for lists and reports: nil means all of them
  /// (an admin), otherwise the cohorts they are attached to, or none.
  public func cohortScope(_ actor: User, _ action: Action) throws -> [String]? {
    if actor.role == .admin, Authorization.allows(.admin, action, .inScope) { return nil }
    guard Authorization.allows(actor.role, action, .inScope) else { return [] }
    return try database.read { c in
      try c.query(
        "SELECT cohort_id FROM cohort_members WHERE user_id = ? ORDER BY cohort_id", [actor.id]
      ).compactMap { $0[0].string }
    }
  }

  /// How `actor` stands to `resource`; nil when it doesn't exist.
  static func relation(_ c: Connection, _ actor: User, _ resource: Resource) throws -> Relation? {
    let ownerSQL: String
    let key: String
    switch resource {
    case .programme:
      return .inScope
    case .cohort(let id):
      guard try c.first("SELECT 1 FROM cohorts WHERE id = ?", [id]) != nil else { return nil }
      if actor.role == .admin { return .inScope }
      if actor.role == .learner { return .outOfScope }  // a learner's cohort is not theirs to run
      let attached =
        try c.first(
          "SELECT 1 FROM cohort_members WHERE cohort_id = ? AND user_id = ?", [id, actor.id])
        != nil
      return attached ? .inScope : .outOfScope
    case .learner(let id):
      ownerSQL = "SELECT id, role FROM users WHERE id = ?"
      key = id
    case .attempt(let id):
      ownerSQL =
        "SELECT u.id, u.role FROM attempts a JOIN users u ON u.id = a.user_id WHERE a.id = ?"
      key = id
    case .activity(let id):
      ownerSQL =
        "SELECT u.id, u.role FROM activity_log a JOIN users u ON u.id = a.user_id WHERE a.id = ?"
      key = id
    case .certificate(let code):
      ownerSQL =
        "SELECT u.id, u.role FROM certificates k JOIN users u ON u.id = k.user_id WHERE k.code = ?"
      key = code
    }
    guard let owner = try c.first(ownerSQL, [key]), let ownerID = owner[0].string else {
      return nil
    }
    if ownerID == actor.id { return .own }
    if actor.role == .admin { return .inScope }
    // Staff reach learners only (a colleague in the same cohort is not in their scope), and
    // a learner no one: peers in a cohort see nothing of each other, not even that it exists.
    guard actor.role != .learner, owner[1].string == Role.learner.rawValue else {
      return .outOfScope
    }
    let shared =
      try c.first(
        """
        SELECT 1 FROM cohort_members a JOIN cohort_members b ON a.cohort_id = b.cohort_id
        WHERE a.user_id = ? AND b.user_id = ? LIMIT 1
        """, [actor.id, ownerID]) != nil
    return shared ? .inScope : .outOfScope
  }
}
