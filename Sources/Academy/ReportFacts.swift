import Foundation
import Storage

/// The set of learners a report covers, as SQL that selects their ids (used as
/// `user_id IN (…)`), so report queries filter in SQLite. A large set (most learners)
/// is cheaper the other way round: SQL leaves out the few staff, and `keep` drops the
/// learners outside the set as rows arrive.
struct ScopeSQL {
  var sql: String
  var params: [ValueConvertible]
  /// The same set as a condition on `users` itself (saves a self-join on the largest scope).
  var usersWhere: String?
  var keep: Set<String>?

  /// Whether a row of this user belongs in the report (after the SQL filter).
  func admits(_ userID: String) -> Bool { keep?.contains(userID) ?? true }

  /// `column` restricted to the scope. Every learner is written as "not staff": staff are
  /// few, so SQLite probes a tiny list instead of building one of every learner.
  func filter(_ column: String) -> String {
    usersWhere == nil
      ? "\(column) IN (\(sql))" : "\(column) NOT IN (SELECT id FROM users WHERE role <> 'learner')"
  }

  static var allLearners: ScopeSQL {
    ScopeSQL(
      sql: "SELECT id FROM users WHERE role = 'learner'", params: [], usersWhere: "role = 'learner'"
    )
  }

  static func learners(inCohorts ids: [String]) -> ScopeSQL {
    ScopeSQL(
      sql:
        "SELECT m.user_id FROM cohort_members m JOIN users u ON u.id = m.user_id AND u.role = 'learner' WHERE m.cohort_id IN (SELECT value FROM json_each(?))",
      params: [jsonArray(ids)])
  }

  static func users(_ ids: [String]) -> ScopeSQL {
    ScopeSQL(sql: "SELECT value FROM json_each(?)", params: [jsonArray(ids)])
  }

  /// A JSON array of strings for `json_each(?)`, escaped as RFC 8259 requires.
  static func jsonArray(_ ids: [String]) -> String {
    var out = "["
    for (i, id) in ids.enumerated() {
      if i > 0 { out += "," }
      out += "\""
      for u in id.unicodeScalars {
        switch u {
        case "\"": out += "\\\""
        case "\\": out += "\\\\"
        case _ where u.value < 0x20:
          out += "\\u00" + (u.value < 0x10 ? "0" : "") + String(u.value, radix: 16)
        default: out.unicodeScalars.append(u)
        }
      }
      out += "\""
    }
    return out + "]"
  }
}

/// What one learner did in one module, summed up from lesson views, attempts and the
/// certificate.
public struct ModuleFacts: Sendable {
  public var lessonsOpened = 0
  public var lessonsRead = 0
  public var attemptsStarted = 0
  public var preTaken = false
  public var bestScore: Double?
  public var passed = false
  public var lastRefresherPass: Int64?
  public var certificateIssuedAt: Int64?
  public var certificateExpiresAt: Int64?
  public var certificateRevoked = false
  /// Submitted pre-tests and certifying quizzes, and the sums of their scores.
  public var preSubmitted = 0
  public var preScoreSum = 0.0
  public var postSubmitted = 0
  public var postScoreSum = 0.0

  public init() {}

  public var started: Bool { lessonsOpened > 0 || attemptsStarted > 0 }
  public var hasCertificate: Bool { certificateExpiresAt != nil && !certificateRevoked }
}

/// Facts per module for one learner.
struct LearnerFacts {
  var modules: [String: ModuleFacts] = [:]

  subscript(module: String) -> ModuleFacts { modules[module] ?? ModuleFacts() }

  static func load(_ c: Connection, userIDs: [String]) throws -> [String: LearnerFacts] {
    try load(c, scope: .users(userIDs))
  }

  /// The summary table (kept by triggers, see `Schema.managing`) and the certificates.
  static func load(_ c: Connection, scope: ScopeSQL) throws -> [String: LearnerFacts] {
    var out: [String: LearnerFacts] = [:]
    for r in try c.query(
      """
      SELECT user_id, module, lessons_opened, lessons_read, attempts, pre_submitted, best_score, passed, last_refresher_pass,
        pre_score_sum, post_submitted, post_score_sum
      FROM learner_module_stats WHERE \(scope.filter("user_id"))
      """, scope.params)
    {
      guard case .text(let u) = r[0], case .text(let m) = r[1], scope.admits(u) else { continue }
      var f = ModuleFacts()
      f.lessonsOpened = r[2].int ?? 0
      f.lessonsRead = r[3].int ?? 0
      f.attemptsStarted = r[4].int ?? 0
      f.preTaken = (r[5].int ?? 0) > 0
      f.bestScore = r[6].double
      f.passed = r[7].int == 1
      f.lastRefresherPass = r[8].int.map(Int64.init)
      f.preSubmitted = r[5].int ?? 0
      f.preScoreSum = r[9].double ?? 0
      f.postSubmitted = r[10].int ?? 0
      f.postScoreSum = r[11].double ?? 0
      out[u, default: LearnerFacts()].modules[m] = f
    }
    for r in try c.query(
      "SELECT user_id, module, issued_at, expires_at, revoked_at FROM certificates WHERE \(scope.filter("user_id"))",
      scope.params)
    {
      guard case .text(let u) = r[0], case .text(let m) = r[1], scope.admits(u) else { continue }
      var f = out[u, default: LearnerFacts()].modules[m, default: ModuleFacts()]
      f.certificateIssuedAt = r[2].int.map(Int64.init)
      f.certificateExpiresAt = r[3].int.map(Int64.init)
      f.certificateRevoked = !r[4].isNull
      out[u, default: LearnerFacts()].modules[m] = f
    }
    return out
  }
}

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
  func applies(to f: LearnerFacts) -> Bool {
    guard kind == .refresher, let limit = expiringBefore else { return true }
    let m = f[module]
    guard let expires = m.certificateExpiresAt, !m.certificateRevoked else { return false }
    return expires < limit || done(by: f)
  }

  func done(by f: LearnerFacts) -> Bool {
    let m = f[module]
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
