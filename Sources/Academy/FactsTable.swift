import Foundation
import Storage

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
