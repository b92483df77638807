import Storage

/// An assignment row and the rules deciding whom it applies to and when it is done.
struct AssignmentRule {
  var id: String
  var cohortID: String?
  var userID: String?
  var module: String
  var kind: AssignmentKind
  var dueAt: Int64?
  var expiringBefore: Int64?
  var createdAt: Int64

  init(row r: Row) {
    id = r.string("id") ?? ""
    cohortID = r.string("cohort_id")
    userID = r.string("user_id")
    module = r.string("module") ?? ""
    kind = AssignmentKind(rawValue: r.string("kind") ?? "") ?? .initial
    dueAt = r["due_at"].int.map(Int64.init)
    expiringBefore = r["expiring_before"].int.map(Int64.init)
    createdAt = Int64(r.int("created_at") ?? 0)
  }

  /// A refresher limited to certificates expiring before a date concerns those learners
  /// only (and stays listed, as done, once their refresher has renewed it).
  func applies(to f: LearnerFacts) -> Bool { applies(to: f[module]) }
  func done(by f: LearnerFacts) -> Bool { done(by: f[module]) }

  /// The same, given the learner's facts in this rule's module.
  func applies(to m: ModuleFacts) -> Bool {
    guard kind == .refresher, let limit = expiringBefore else { return true }
    guard let expires = m.certificateExpiresAt, !m.certificateRevoked else { return false }
    return expires < limit || done(by: m)
  }

  func done(by m: ModuleFacts) -> Bool {
    switch kind {
    case .initial: return m.passed
    case .refresher: return (m.lastRefresherPass ?? -1) >= createdAt
    }
  }

  static func load(_ c: Connection, cohortIDs: [String]?, userIDs: [String]) throws
    -> AssignmentRules
  {
    let rows: [Row]
    // Long lists cost more to pass than the whole (small) table costs to read.
    if let cohortIDs, userIDs.count <= ReportScope.broad {
      rows = try c.query(
        "SELECT * FROM assignments WHERE cohort_id IN (SELECT value FROM json_each(?1)) OR user_id IN (SELECT value FROM json_each(?2))",
        [ScopeSQL.jsonArray(cohortIDs), ScopeSQL.jsonArray(userIDs)])
    } else {
      rows = try c.query("SELECT * FROM assignments")
    }
    var rules = AssignmentRules()
    for r in rows.map(AssignmentRule.init) {
      if let u = r.userID { rules.byUser[u, default: []].append(r) }
      if let k = r.cohortID { rules.byCohort[k, default: []].append(r) }
    }
    return rules
  }
}

struct AssignmentRules {
  var byUser: [String: [AssignmentRule]] = [:]
  var byCohort: [String: [AssignmentRule]] = [:]

  func `for`(userID: String, cohorts: [String]) -> [AssignmentRule] {
    (byUser[userID] ?? []) + cohorts.flatMap { byCohort[$0] ?? [] }
  }
}
