import Catalog
import Storage

/// Which learners a report covers: the cohorts given, or every learner (admin, no filter).
public struct ReportScope: Sendable, Equatable {
  public var cohortIDs: [String]?
  /// The cohorts' learners, when looked up once for the request (see `reportScope`).
  var learnerIDs: Set<String>?

  init(cohortIDs: [String]?, learnerIDs: Set<String>? = nil) {
    self.cohortIDs = cohortIDs
    self.learnerIDs = learnerIDs
  }

  /// Above this many learners, reading all and dropping the others beats listing them.
  static let broad = 1_500

  var sql: ScopeSQL {
    guard let cohortIDs else { return .allLearners }
    if let ids = learnerIDs, ids.count > ReportScope.broad {
      var s = ScopeSQL.allLearners
      s.keep = ids
      return s
    }
    return .learners(inCohorts: cohortIDs)
  }
}

/// Where a learner stands in a module, as the completion matrix shows it.
public enum MatrixStatus: String, Sendable, CaseIterable {
  case notStarted, inProgress, passed, valid, expiring, expired, overdue

  /// Sorting order: what needs attention first.
  public var rank: Int {
    switch self {
    case .overdue: return 0
    case .expired: return 1
    case .expiring: return 2
    case .notStarted: return 3
    case .inProgress: return 4
    case .passed: return 5
    case .valid: return 6
    }
  }
}

/// One learner of a report, with a status per module.
public struct LearnerReportRow: Sendable {
  public var id: String
  public var name: String
  public var erased: Bool
  public var ageBand: String?
  public var gender: String?
  public var disability: String?
  public var cohortIDs: [String]
  /// Last day they used Relais (the session lookup stamps it at most once a day).
  public var lastSeenAt: Int64?
  public var statuses: PerModule<MatrixStatus>
  public var facts: PerModule<ModuleFacts>
}

extension Academy {
  /// Days before expiry at which a certificate shows as expiring.
  public static let expiringDays: Int64 = 30

  /// The scope `viewer` may report on (`viewResult`) or export (`export`): one cohort of
  /// theirs, or all of them.
  public func reportScope(viewer: User, cohortID: String?, for action: Action = .viewResult)
    throws -> ReportScope
  {
    if let cohortID, !cohortID.isEmpty {
      return ReportScope(cohortIDs: [try cohort(cohortID, visibleTo: viewer, for: action).id])  // one cohort: SQL lists it
    }
    guard let ids = try cohortScope(viewer, action) else { return ReportScope(cohortIDs: nil) }
    let learners = try database.read { c in
      // Members, staff included: the broad path's SQL leaves staff out anyway.
      try c.query(
        // Not DISTINCT: the set removes repeats for less than SQLite's sort costs.
        "SELECT m.user_id FROM json_each(?) j CROSS JOIN cohort_members m ON m.cohort_id = j.value",
        [ScopeSQL.jsonArray(ids)]
      )
      .compactMap { $0[0].string }
    }
    return ReportScope(cohortIDs: ids, learnerIDs: Set(learners))
  }

  /// Every learner in scope with their status in each module of the catalog.
  public func learnerReport(scope: ReportScope) throws -> [LearnerReportRow] {
    try learnerReport(sql: scope.sql, allAssignments: scope.cohortIDs == nil)
  }

  /// One learner's row (their manager's page).
  public func learnerReport(userID: String) throws -> LearnerReportRow? {
    try learnerReport(sql: .users([userID]), allAssignments: false).first
  }

  func learnerReport(sql: ScopeSQL, allAssignments: Bool) throws -> [LearnerReportRow] {
    let slugs = catalog.modules.map(\.slug)
    let lessons = catalog.modules.map(\.lessons.count)
    let now = self.now
    return try database.read { c in
      // Read row by row through a cursor: at 10,000 learners, building `Row`s and
      // dictionaries per learner cost more than the queries (Tests/Benchmarks/dashboard.sh).
      var people: [LearnerReportRow] = []
      try c.forEach(
        "SELECT id, display_name, age_band, gender, disability, erased_at, last_seen_at FROM users WHERE "
          + (sql.usersWhere ?? "id IN (\(sql.sql))"), sql.usersWhere == nil ? sql.params : []
      ) { r in
        guard let id = r.string(0), sql.admits(id) else { return }
        people.append(
          LearnerReportRow(
            id: id, name: r.string(1) ?? "", erased: !r.isNull(5), ageBand: r.string(2),
            gender: r.string(3), disability: r.string(4), cohortIDs: [], lastSeenAt: r.int64(6),
            statuses: PerModule(slugs: slugs, values: []),
            facts: PerModule(slugs: slugs, values: [])))
      }
      var table = FactsTable(userIDs: people.map(\.id), slugs: slugs)
      try c.forEach(
        "SELECT user_id, cohort_id FROM cohort_members"
          + (sql.usersWhere == nil ? " WHERE \(sql.filter("user_id"))" : ""),
        sql.usersWhere == nil ? sql.params : []
      ) { r in
        guard let u = r.withText(0, { $0.flatMap(table.position) }), let k = r.string(1) else {
          return
        }
        people[u].cohortIDs.append(k)
      }
      try table.load(c, scope: sql)
      let rules = try AssignmentRule.load(
        c, cohortIDs: allAssignments ? nil : Array(Set(people.lazy.flatMap(\.cohortIDs))),
        userIDs: people.map(\.id))
      // Each rule's module resolved once, not once per learner.
      let column = Dictionary(slugs.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
      for i in people.indices {
        let facts = table.facts(of: i)
        var late = [Bool](repeating: false, count: slugs.count)
        func check(_ rules: [AssignmentRule]?) {
          for rule in rules ?? [] {
            guard let j = column[rule.module], let due = rule.dueAt, due < now, !late[j] else {
              continue
            }
            let f = facts.values[j]
            if rule.applies(to: f) && !rule.done(by: f) { late[j] = true }
          }
        }
        check(rules.byUser[people[i].id])
        for k in people[i].cohortIDs { check(rules.byCohort[k]) }
        var statuses: [MatrixStatus] = []
        statuses.reserveCapacity(slugs.count)
        for j in slugs.indices {
          statuses.append(
            Academy.status(facts.values[j], lessons: lessons[j], overdue: late[j], now: now))
        }
        people[i].statuses = PerModule(slugs: slugs, values: statuses)
        people[i].facts = facts
      }
      return people
    }
  }

  static func status(_ f: ModuleFacts, lessons: Int, overdue: Bool, now: Int64) -> MatrixStatus {
    if overdue { return .overdue }
    if let expires = f.certificateExpiresAt, !f.certificateRevoked {
      if expires <= now { return .expired }
      if expires <= now + expiringDays * 86_400 { return .expiring }
      return .valid
    }
    if f.passed { return .passed }
    return f.started ? .inProgress : .notStarted
  }
}

/// The path through one module: how many got how far.
public struct Funnel: Sendable, Equatable {
  public var module: String
  public var invited: Int
  public var started: Int
  public var lessonsRead: Int
  public var passed: Int
  public var certified: Int
}

/// Mean scores before the lessons and on the certifying quiz.
public struct KnowledgeGain: Sendable, Equatable {
  public var module: String
  public var preMean: Double?
  public var preCount: Int
  public var postMean: Double?
  public var postCount: Int
}

extension Academy {
  /// Funnel per module from the report rows, plus invitations not yet used.
  public func funnels(scope: ReportScope, rows: [LearnerReportRow]) throws -> [Funnel] {
    let now = self.now
    let pending = try database.read { c in
      if let ids = scope.cohortIDs {
        return try c.scalar(
          "SELECT COUNT(*) FROM invites WHERE role = 'learner' AND used_at IS NULL AND expires_at > ? AND cohort_id IN (SELECT value FROM json_each(?))",
          [now, ScopeSQL.jsonArray(ids)]
        ).int ?? 0
      }
      return try c.scalar(
        "SELECT COUNT(*) FROM invites WHERE role = 'learner' AND user_id IS NULL AND used_at IS NULL AND expires_at > ?",
        [now]
      ).int ?? 0
    }
    return catalog.modules.enumerated().map { j, m in
      var f = Funnel(
        module: m.slug, invited: rows.count + pending, started: 0, lessonsRead: 0, passed: 0,
        certified: 0)
      for r in rows where r.facts.slugs.count > j && r.facts.slugs[j] == m.slug {
        let x = r.facts.values[j]
        if x.started { f.started += 1 }
        if x.lessonsRead >= m.lessons.count && !m.lessons.isEmpty { f.lessonsRead += 1 }
        if x.passed { f.passed += 1 }
        if x.hasCertificate, let e = x.certificateExpiresAt, e > now { f.certified += 1 }
      }
      return f
    }
  }

  /// Pre-test against certifying quiz: mean of the submitted attempts per module.
  public func knowledgeGain(scope: ReportScope) throws -> [KnowledgeGain] {
    knowledgeGain(rows: try learnerReport(scope: scope))
  }

  /// The same from report rows already loaded (the dashboard has them).
  public func knowledgeGain(rows: [LearnerReportRow]) -> [KnowledgeGain] {
    catalog.modules.enumerated().map { j, m in
      var preSum = 0.0
      var postSum = 0.0
      var g = KnowledgeGain(module: m.slug, preMean: nil, preCount: 0, postMean: nil, postCount: 0)
      for r in rows where r.facts.slugs.count > j && r.facts.slugs[j] == m.slug {
        let f = r.facts.values[j]
        preSum += f.preScoreSum
        postSum += f.postScoreSum
        g.preCount += f.preSubmitted
        g.postCount += f.postSubmitted
      }
      if g.preCount > 0 { g.preMean = preSum / Double(g.preCount) }
      if g.postCount > 0 { g.postMean = postSum / Double(g.postCount) }
      return g
    }
  }

  /// Quizzes passed per week over the last `weeks` weeks, oldest first: (week start, count).
  public func passesPerWeek(scope: ReportScope, weeks: Int = 12) throws -> [(Int64, Int)] {
    let week: Int64 = 7 * 86_400
    let end = (now / week + 1) * week
    let start = end - Int64(weeks) * week
    let sql = scope.sql
    var counts = [Int](repeating: 0, count: weeks)
    try database.read { c in
      try c.forEach(
        """
        SELECT (submitted_at - ?) / ?, user_id FROM attempts
        WHERE passed = 1 AND submitted_at >= ? AND \(sql.filter("+user_id"))
        """, [start, week, start] + sql.params
      ) { r in
        guard let w = r.int(0), w >= 0, w < weeks else { return }
        if sql.keep != nil, !sql.admits(r.string(1) ?? "") { return }
        counts[w] += 1
      }
    }
    return counts.enumerated().map { (start + Int64($0.offset) * week, $0.element) }
  }
}
