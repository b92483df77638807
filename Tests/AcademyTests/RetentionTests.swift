import Catalog
import Foundation
import Synchronization
import Testing

@testable import Academy

/// Retention of inactive accounts: who counts as inactive, and what erasure leaves.
@Suite struct RetentionTests {

  func academy(_ clock: TestClock) throws -> Academy {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
      "relais-retention-\(UUID())")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    let store = CatalogStore(
      loader: CatalogLoader(
        curriculum: dir.appendingPathComponent("Curriculum"),
        assessments: dir.appendingPathComponent("Assessments")))
    var policy = Academy.Policy()
    policy.passphraseIterations = 1000
    return try Academy(
      databasePath: dir.appendingPathComponent("relais.sqlite").path, content: store,
      policy: policy,
      clock: { clock.now })
  }

  @Test func usingASessionCountsAsActivityAtMostOnceADay() throws {
    let clock = TestClock()
    let a = try academy(clock)
    let learner = try a.createUser(role: .learner, displayName: "Amina")
    let token = try a.startSession(userID: learner.id)
    func lastSeen() throws -> Int? {
      try a.database.read {
        try $0.scalar("SELECT last_seen_at FROM users WHERE id = ?", [learner.id]).int
      }
    }
    #expect(try lastSeen() == nil)
    _ = try a.session(token: token)
    #expect(try lastSeen() == Int(clock.now))
    let firstSeen = clock.now
    clock.seconds.add(3_600, ordering: .relaxed)
    _ = try a.session(token: token)
    #expect(try lastSeen() == Int(firstSeen))  // not written again within the day
    clock.advance(days: 2)
    _ = try a.session(token: token)
    #expect(try lastSeen() == Int(clock.now))
  }

  @Test func onlyLearnersUnseenForTheWholePeriodAreInactive() throws {
    let clock = TestClock()
    let a = try academy(clock)
    let gone = try a.createUser(role: .learner, displayName: "Gone")
    let back = try a.createUser(role: .learner, displayName: "Back")
    let trainer = try a.createUser(role: .trainer, displayName: "Trainer")
    let backToken = try a.startSession(userID: back.id)
    clock.advance(days: 200)
    // Back after 200 days: the old session ended (idle over 90 days), so signs in anew.
    #expect(try a.session(token: backToken) == nil)
    _ = try a.session(token: try a.startSession(userID: back.id))
    clock.advance(days: 100)
    let fresh = try a.createUser(role: .learner, displayName: "New")
    #expect(try a.inactiveLearners(days: 180).map(\.id) == [gone.id])
    #expect(Set(try a.inactiveLearners(days: 90).map(\.id)) == [gone.id, back.id])
    #expect(try !a.inactiveLearners(days: 30).map(\.id).contains(trainer.id))
    #expect(try !a.inactiveLearners(days: 30).map(\.id).contains(fresh.id))
  }

  @Test func erasureRemovesWhatIdentifiesKeepsAttemptsAndIsAudited() throws {
    let clock = TestClock()
    let a = try academy(clock)
    let gone = try a.createUser(role: .learner, displayName: "Gone Person")
    let kept = try a.createUser(role: .learner, displayName: "Kept")
    let token = try a.startSession(userID: gone.id)
    try a.database.write { c in
      try c.execute(
        "UPDATE users SET handle = 'gone', age_band = '18-24', gender = 'woman', disability = 'no' WHERE id = ?",
        [gone.id])
      try c.execute(
        "INSERT INTO attempts(id, user_id, module, kind, locale, quiz_hash, layout, started_at, submitted_at, score, passed) VALUES ('at1', ?, 'm', 'certifying', 'en', 'h', '[]', 1, 2, 1.0, 1)",
        [gone.id])
      try c.execute(
        "INSERT INTO certificates(code, user_id, module, issued_at, expires_at, recipient_salt) VALUES ('RLX-1', ?, 'm', 2, 9999999999, 's')",
        [gone.id])
      try c.execute(
        "INSERT INTO acknowledgements(user_id, document, version, name, acknowledged_at) VALUES (?, 'conduct', '1', 'Gone Person', 2)",
        [gone.id])
    }
    clock.advance(days: 400)
    _ = try a.session(token: try a.startSession(userID: kept.id))
    #expect(try a.applyRetention(inactiveDays: 365, actor: nil) == [gone.id])

    let u = try #require(try a.user(gone.id))
    #expect(
      u.erased && u.displayName.isEmpty && u.ageBand == nil && u.gender == nil
        && u.disability == nil)
    #expect(try a.session(token: token) == nil)
    #expect(try a.sessionCount(userID: gone.id) == 0)
    let row = try #require(
      try a.database.read { try $0.first("SELECT handle FROM users WHERE id = ?", [gone.id]) })
    #expect(row["handle"].isNull)
    #expect(try a.attempts(userID: gone.id).map(\.id) == ["at1"])  // statistics stay right
    let certificate = try #require(try a.certificate(code: "RLX-1"))
    #expect(certificate.status(at: clock.now) == .revoked && certificate.holderName.isEmpty)
    let names = try a.database.read {
      try $0.scalar("SELECT group_concat(name) FROM acknowledgements").string
    }
    #expect(names == "")
    let audit = try a.auditLog().first { $0.action == "user.erase" }
    #expect(audit?.subject == gone.id)
    #expect(try a.user(kept.id)?.displayName == "Kept")
    #expect(try a.applyRetention(inactiveDays: 365, actor: nil).isEmpty)  // nothing twice
  }
}
