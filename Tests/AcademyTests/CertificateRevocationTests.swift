import Catalog
import Foundation
import Testing

@testable import Academy

/// Who may revoke a certificate, deletion requests, and that a learner's data holds only
/// their own rows — at the domain level, on a fresh database over the repository's content.
@Suite struct CertificateRevocationTests {
  static func academy() throws -> Academy {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent()
    let store = CatalogStore(
      loader: CatalogLoader(
        curriculum: root.appendingPathComponent("Curriculum"),
        assessments: root.appendingPathComponent("Assessments")))
    var policy = Academy.Policy()
    policy.passphraseIterations = 1000
    let path = FileManager.default.temporaryDirectory.appendingPathComponent(
      "relais-academy-\(UUID().uuidString).sqlite"
    ).path
    return try Academy(databasePath: path, content: store, policy: policy)
  }

  static func cohort(_ a: Academy, _ ids: [String]) throws {
    let id = RandomID.make()
    try a.database.write { c in
      try c.execute(
        "INSERT INTO cohorts(id, name, created_at) VALUES (?,?,?)",
        [id, "Group \(id.prefix(4))", 0])
      for u in ids {
        try c.execute("INSERT INTO cohort_members(cohort_id, user_id) VALUES (?,?)", [id, u])
      }
    }
  }

  @Test func onlyAdminsAndManagersSharingACohortMayRevoke() throws {
    let a = try Self.academy()
    defer { a.close() }
    let learner = try a.createUser(role: .learner, displayName: "L")
    let other = try a.createUser(role: .learner, displayName: "O")
    let manager = try a.createUser(role: .manager, displayName: "M")
    let trainer = try a.createUser(role: .trainer, displayName: "T")
    let admin = try a.createUser(role: .admin, displayName: "A")
    try Self.cohort(a, [manager.id, other.id, trainer.id])
    #expect(try a.mayRevokeCertificate(actor: admin, holderID: learner.id))
    #expect(try !a.mayRevokeCertificate(actor: manager, holderID: learner.id))
    #expect(try a.mayRevokeCertificate(actor: manager, holderID: other.id))
    #expect(try !a.mayRevokeCertificate(actor: trainer, holderID: other.id))
    #expect(try !a.mayRevokeCertificate(actor: other, holderID: other.id))
    try Self.cohort(a, [manager.id, learner.id])
    #expect(try a.mayRevokeCertificate(actor: manager, holderID: learner.id))
  }

  @Test func deletionRequestGoesPendingCancelledPendingConfirmedAndIsAudited() throws {
    let a = try Self.academy()
    defer { a.close() }
    let learner = try a.createUser(role: .learner, displayName: "L")
    let manager = try a.createUser(role: .manager, displayName: "M")
    #expect(try a.deletionRequest(userID: learner.id) == nil)
    try a.requestDeletion(userID: learner.id)
    try a.requestDeletion(userID: learner.id)  // twice: still one request, one audit entry
    #expect(try a.deletionRequest(userID: learner.id)?.state == .pending)
    #expect(try a.pendingDeletionRequests().map(\.userID) == [learner.id])
    try a.cancelDeletion(userID: learner.id)
    #expect(try a.deletionRequest(userID: learner.id)?.state == .cancelled)
    #expect(try a.pendingDeletionRequests().isEmpty)
    try Self.cohort(a, [manager.id, learner.id])
    #expect(throws: AcademyError.notFound) {
      try a.confirmDeletion(userID: learner.id, actor: manager)
    }
    try a.requestDeletion(userID: learner.id)
    try a.confirmDeletion(userID: learner.id, actor: manager)
    #expect(try a.deletionRequest(userID: learner.id)?.state == .confirmed)
    #expect(try a.user(learner.id)?.erased == true)  // confirming is the erasure
    let actions = try a.auditLog().filter { $0.subject == learner.id }.map(\.action)
    #expect(
      actions.sorted() == [
        "deletion.cancel", "deletion.confirm", "deletion.request", "deletion.request",
        "learner.erase",
      ])
  }

  @Test func myDataHoldsOnlyTheLearnersOwnRows() throws {
    let a = try Self.academy()
    defer { a.close() }
    let me = try a.createUser(role: .learner, displayName: "Me")
    let you = try a.createUser(role: .learner, displayName: "You")
    try Self.cohort(a, [me.id, you.id])
    let lesson = try #require(a.catalog.module("fact-checking")?.lessons.first?.slug)
    for u in [me, you] {
      try a.lessonRead(userID: u.id, module: "fact-checking", lesson: lesson)
      _ = try a.startAttempt(
        userID: u.id, module: "fact-checking", kind: .certifying, language: .en)
      try a.database.write { c in
        try c.execute(
          "INSERT INTO acknowledgements(user_id, document, version, name, acknowledged_at) VALUES (?,?,?,?,?)",
          [u.id, "code-of-conduct", "1", u.displayName, 1])
      }
    }
    let d = try a.myData(userID: me.id)
    #expect(d.user.id == me.id)
    #expect(d.lessonViews.map(\.lesson) == [lesson])
    #expect(d.attempts.count == 1)
    #expect(
      try d.attempts.allSatisfy { try a.attemptResult(attemptID: $0.id)?.attempt.userID == me.id })
    #expect(d.acknowledgements.map(\.name) == ["Me"])
    #expect(d.cohorts.count == 1)
  }

  @Test func profileUpdateKeepsOnlyKnownDemographics() throws {
    let a = try Self.academy()
    defer { a.close() }
    let me = try a.createUser(role: .learner, displayName: "Me")
    try a.updateProfile(
      userID: me.id, displayName: " Awa ", locale: .fr, ageBand: "18-24", gender: "robot",
      disability: "no")
    let u = try #require(try a.user(me.id))
    #expect(u.displayName == "Awa")
    #expect(u.locale == .fr)
    #expect(u.ageBand == "18-24")
    #expect(u.gender == nil)
    #expect(u.disability == "no")
    #expect(throws: AcademyError("join.nameInvalid")) {
      try a.updateProfile(
        userID: me.id, displayName: "", locale: .en, ageBand: nil, gender: nil, disability: nil)
    }
  }
}
