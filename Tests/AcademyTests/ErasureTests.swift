import Foundation
import GIFT
import Testing

@testable import Academy

/// Erasure that erases: after it, no byte of the person's name or free text is left in
/// any database file (main, -wal, -shm, free pages included), while anonymous numbers stay.
@Suite struct ErasureTests {
  static let marker = "Zanzibarquux"

  /// Every byte of the database and the files SQLite keeps beside it.
  static func files(_ a: Academy) -> [(String, [UInt8])] {
    [a.database.path, a.database.path + "-wal", a.database.path + "-shm"].compactMap { p in
      FileManager.default.contents(atPath: p).map { (p, Array($0)) }
    }
  }

  static func contains(_ haystack: [UInt8], _ needle: String) -> Bool {
    let n = Array(needle.utf8)
    guard !n.isEmpty, haystack.count >= n.count else { return false }
    for i in 0...(haystack.count - n.count) where haystack[i] == n[0] {
      if Array(haystack[i..<(i + n.count)]) == n { return true }
    }
    return false
  }

  static func traces(_ a: Academy, _ needle: String) -> [String] {
    files(a).filter { contains($0.1, needle) }.map { ($0.0 as NSString).lastPathComponent }
  }

  /// A learner who left their name and free text everywhere the product lets them.
  /// `key` names its rows (ids are random in the product, not personal); `tag` is text.
  static func seed(_ f: TeachFixture, name: String, essay: String, tag: String, key: String)
    throws -> String
  {
    let a = f.academy
    let id = try f.learner(name)
    // The admin marks: marking needs a marker in scope, and an admin is in every scope.
    let trainer = try a.ensureAdmin()
    try a.setPassphrase(
      userID: id, handle: tag.lowercased() + "." + key, passphrase: "a long passphrase here")
    try f.attempt(
      "att-\(key)", user: id, at: 1_800_000_000, score: 0.5,
      answers: [
        ("q1", .choice(0), 1), ("q2", .trueFalse(true), 1), ("q6", .text(essay), nil),
      ])
    try a.markEssay(
      attemptID: "att-\(key)", questionID: "q6", fraction: 0.5,
      feedback: "\(tag) wrote about their uncle", by: trainer)
    try a.acknowledge(userID: id, document: "conduct", version: "1", name: name)
    try a.database.write { c in
      try c.execute(
        "INSERT INTO invites(token_hash, role, display_name, created_at, expires_at, used_at, used_by) VALUES (?,?,?,?,?,?,?)",
        ["h-\(key)", "learner", name, 1, 2, 1, id])
      try c.execute(
        "INSERT INTO certificates(code, user_id, module, issued_at, expires_at, revoked_at, revoked_reason, recipient_salt) VALUES (?,?,?,?,?,?,?,?)",
        ["RLX-\(key)", id, "m", 1, 9_999_999_999, 5, "\(tag) shared the quiz", "s"])
      try c.execute(
        "INSERT INTO certificate_events(code, at, event, detail) VALUES (?,?,'revoked',?)",
        ["RLX-\(key)", 5, "\(tag) shared the quiz"])
      // After the training: a post in the activity log and a shared briefing, both with a
      // link to the person's own account.
      try c.execute(
        "INSERT INTO activity_log(id, user_id, day, kind, platform, topic, link, reach, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?)",
        [
          "act-\(key)", id, 0, "post", "tiktok", "other", "https://example.org/@\(tag)/post", 120,
          1, 1,
        ])
      try c.execute(
        "INSERT INTO briefing_shares(id, user_id, briefing, platform, link, shared_at) VALUES (?,?,?,?,?,?)",
        ["share-\(key)", id, "scam", "x", "https://example.org/\(tag)/shared", 1])
      try c.execute(
        "INSERT INTO briefing_reads(user_id, briefing, read_at) VALUES (?,?,?)", [id, "scam", 1])
    }
    try a.audit(actor: nil, action: "note", subject: id, detail: "phoned \(name)")
    _ = try a.startSession(userID: id)
    try a.requestDeletion(userID: id)
    return id
  }

  @Test func erasingLeavesNoByteOfThePersonInAnyDatabaseFile() throws {
    let f = try TeachFixture()
    defer { f.remove() }
    let a = f.academy
    let gone = try Self.seed(
      f, name: "\(Self.marker) Learner", essay: "\(Self.marker) Essayword about my village",
      tag: Self.marker, key: "gone")
    let kept = try Self.seed(
      f, name: "Keptperson Learner", essay: "Keptessay about the camp", tag: "Keptperson",
      key: "kept")
    // Push part of it into the main file, so both files hold copies before the erasure.
    _ = try a.database.checkpointTruncate()
    try a.audit(actor: gone, action: "later", subject: gone, detail: "\(Self.marker) again")
    #expect(!Self.traces(a, Self.marker).isEmpty, "the test must see the data before erasure")
    #expect(!Self.traces(a, "Essayword").isEmpty)
    let score = try a.attempts(userID: gone).map(\.score)

    let admin = try a.createUser(role: .admin, displayName: "Admin")
    try a.eraseLearner(userID: gone, actor: admin)

    for needle in [Self.marker, Self.marker.lowercased(), "Essayword"] {
      #expect(Self.traces(a, needle) == [], "\(needle) is still in a database file")
    }
    // The other learner's data is untouched, and so are the numbers.
    #expect(!Self.traces(a, "Keptessay").isEmpty)
    #expect(!Self.traces(a, "Keptperson shared").isEmpty)
    #expect(try a.essayMarks(attemptID: "att-kept")["q6"]?.feedback.isEmpty == false)
    #expect(try a.attempts(userID: gone).map(\.score) == score)
    let fractions = try a.database.read {
      try $0.query(
        "SELECT question_id, fraction FROM answers WHERE attempt_id = 'att-gone' ORDER BY question_id"
      ).map { "\($0.string("question_id") ?? "")=\($0.double("fraction") ?? -1)" }
    }
    #expect(fractions == ["q1=1.0", "q2=1.0", "q6=0.5"])
    #expect(try a.essayMarks(attemptID: "att-gone").isEmpty)
    // Their activity is gone; the share and the read stay as anonymous counts, link-less.
    #expect(try a.activities(userID: gone).isEmpty)
    #expect(try a.activities(userID: kept).map(\.input.reach) == [120])
    #expect(try a.briefingShares(userID: gone).map(\.link) == [nil])
    #expect(try a.briefingReads(userID: gone).count == 1)
    #expect(!Self.traces(a, "Keptperson/shared").isEmpty)
    #expect(try a.deletionRequest(userID: gone)?.state == .confirmed)  // the erasure closed it
    #expect(try a.user(gone)?.erased == true)
    // The WAL was truncated, not merely checkpointed.
    let wal = (try? FileManager.default.attributesOfItem(atPath: a.database.path + "-wal"))?[.size]
    #expect((wal as? Int ?? 0) == 0)
  }

  @Test func secureDeleteZeroesTheFreedPagesOfALongEssay() throws {
    let f = try TeachFixture()
    defer { f.remove() }
    let a = f.academy
    // Longer than a page: it lives in overflow pages, which the erasure frees.
    let long = String(repeating: "\(Self.marker) Essayword ", count: 800)
    let gone = try Self.seed(
      f, name: "\(Self.marker) Long", essay: long, tag: Self.marker, key: "gone")
    _ = try a.database.checkpointTruncate()
    try a.eraseLearner(userID: gone, actor: try a.createUser(role: .admin, displayName: "A"))
    let free = try a.database.read { try $0.scalar("PRAGMA freelist_count").int ?? 0 }
    #expect(free > 0, "the overflow pages went to the free list")
    #expect(Self.traces(a, Self.marker) == [])
  }

  @Test func retentionErasesFreeTextTooAndClosesThePendingRequest() throws {
    let f = try TeachFixture()
    defer { f.remove() }
    let a = f.academy
    let gone = try Self.seed(
      f, name: "\(Self.marker) Idle", essay: "\(Self.marker) Essayword", tag: Self.marker,
      key: "gone")
    try a.database.write {
      try $0.execute("UPDATE users SET created_at = 0, last_seen_at = 0 WHERE id = ?", [gone])
    }
    #expect(try a.applyRetention(inactiveDays: 365).contains(gone))
    #expect(Self.traces(a, Self.marker) == [])
    #expect(try a.deletionRequest(userID: gone)?.state == .confirmed)
  }
}
