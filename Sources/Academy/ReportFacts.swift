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
      // CROSS JOIN keeps SQLite from driving the join from every learner (ten thousand
      // index probes per cohort) instead of from the cohorts' members.
      sql:
        "SELECT m.user_id FROM json_each(?) j CROSS JOIN cohort_members m ON m.cohort_id = j.value CROSS JOIN users u ON u.id = m.user_id AND u.role = 'learner'",
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
  var modules = PerModule<ModuleFacts>(slugs: [], values: [])

  subscript(module: String) -> ModuleFacts { modules[module] ?? ModuleFacts() }

  static func load(_ c: Connection, userIDs: [String]) throws -> [String: LearnerFacts] {
    var table = FactsTable(userIDs: userIDs, slugs: [])
    try table.load(c, scope: .users(userIDs))
    var out: [String: LearnerFacts] = [:]
    for (i, id) in userIDs.enumerated() { out[id] = LearnerFacts(modules: table.facts(of: i)) }
    return out
  }
}

/// The facts of many learners read in one pass over the summary table (kept by triggers,
/// see `Schema.managing`) and the certificates. Learner `i` is the `i`th of `userIDs`;
/// modules are the slugs given, plus any other found in the data.
struct FactsTable {
  private(set) var slugs: [String]
  private var slugBytes: [[UInt8]]
  private let index: IDIndex
  private var rows: [[ModuleFacts]]

  init(userIDs: [String], slugs: [String]) {
    self.slugs = slugs
    slugBytes = slugs.map { Array($0.utf8) }
    index = IDIndex(userIDs)
    rows = Array(repeating: [], count: userIDs.count)
  }

  func position(of userID: UnsafeBufferPointer<UInt8>) -> Int? { index.position(of: userID) }

  func facts(of learner: Int) -> PerModule<ModuleFacts> {
    var values = rows[learner]
    if values.count < slugs.count {
      values += repeatElement(ModuleFacts(), count: slugs.count - values.count)
    }
    return PerModule(slugs: slugs, values: values)
  }

  /// Reads every row of the learners in the table. A broad scope (every learner, or most)
  /// scans whole tables without a filter: rows of anyone not in the table are skipped
  /// as they come, which costs less than SQLite testing each row against the scope.
  mutating func load(_ c: Connection, scope: ScopeSQL) throws {
    let filter = scope.usersWhere == nil ? "WHERE \(scope.filter("user_id"))" : ""
    let params = scope.usersWhere == nil ? scope.params : []
    // Worked on as locals, not through `self`, in the per-row closures below.
    var rows = self.rows
    self.rows = []
    var slugs = self.slugs
    var slugBytes = self.slugBytes
    let index = self.index
    defer {
      self.rows = rows
      self.slugs = slugs
      self.slugBytes = slugBytes
    }
    // Rows of one learner come together, so the last match is tried first and most rows
    // need no hashing.
    var lastID: [UInt8] = []
    var lastIndex: Int?
    /// The learner (column 0) and module (column 1) of `r`, with the learner's row grown to
    /// hold the module; nil for someone outside the table.
    func slot(_ r: borrowing Cursor) -> (Int, Int)? {
      let u: Int? = r.withText(0) { id in
        guard let id else { return nil }
        if !Bytes.equal(lastID, id) {
          lastID = Array(id)
          lastIndex = index.position(of: id)
        }
        return lastIndex
      }
      guard let u else { return nil }
      let m = r.withText(1) { bytes -> Int in
        let bytes = bytes ?? UnsafeBufferPointer(start: nil, count: 0)
        var i = 0
        while i < slugBytes.count {
          if Bytes.equal(slugBytes[i], bytes) { return i }
          i += 1
        }
        slugs.append(String(decoding: bytes, as: UTF8.self))
        slugBytes.append(Array(bytes))
        return i
      }
      if rows[u].count <= m {
        rows[u] += repeatElement(ModuleFacts(), count: slugs.count - rows[u].count)
      }
      return (u, m)
    }
    try c.forEach(
      """
      SELECT user_id, module, lessons_opened, lessons_read, attempts, pre_submitted, best_score, passed, last_refresher_pass,
        pre_score_sum, post_submitted, post_score_sum
      FROM learner_module_stats \(filter)
      """, params
    ) { r in
      guard let (u, m) = slot(r) else { return }
      var f = ModuleFacts()
      // NOT NULL columns (see the table) read without a type check.
      f.lessonsOpened = r.integer(2)
      f.lessonsRead = r.integer(3)
      f.attemptsStarted = r.integer(4)
      f.preSubmitted = r.integer(5)
      f.preTaken = f.preSubmitted > 0
      f.bestScore = r.double(6)
      f.passed = r.integer(7) == 1
      f.lastRefresherPass = r.int64(8)
      f.preScoreSum = r.real(9)
      f.postSubmitted = r.integer(10)
      f.postScoreSum = r.real(11)
      // The certificate is read after, into the same facts.
      rows[u][m] = f
    }
    lastID = []
    try c.forEach(
      "SELECT user_id, module, issued_at, expires_at, revoked_at FROM certificates \(filter)",
      params
    ) { r in
      guard let (u, m) = slot(r) else { return }
      rows[u][m].certificateIssuedAt = r.int64(2)
      rows[u][m].certificateExpiresAt = r.int64(3)
      rows[u][m].certificateRevoked = !r.isNull(4)
    }
  }
}

enum Bytes {
  static func equal(_ a: [UInt8], _ b: UnsafeBufferPointer<UInt8>) -> Bool {
    guard a.count == b.count else { return false }
    guard let q = b.baseAddress else { return true }
    return a.withUnsafeBufferPointer { memcmp($0.baseAddress!, q, a.count) == 0 }
  }
}

/// One value per module, in the catalog's order (a small array per learner rather than a
/// dictionary: reports hold one for each of thousands of learners).
public struct PerModule<Value: Sendable>: Sendable {
  public let slugs: [String]
  public private(set) var values: [Value]

  init(slugs: [String], values: [Value]) {
    self.slugs = slugs
    self.values = values
  }

  public subscript(slug: String) -> Value? {
    guard let i = slugs.firstIndex(of: slug), i < values.count else { return nil }
    return values[i]
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
