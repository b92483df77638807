import Foundation
import Testing

@testable import Academy

/// Deletion requests are handled: the managers of the learner's cohorts and admins see
/// them with their due date, confirm (erasing) or decline with a reason.
@Suite struct DeletionRequestTests {
  static func cohort(_ a: Academy, _ ids: [String]) throws {
    try CertificateRevocationTests.cohort(a, ids)
  }

  @Test func managersSeeTheRequestsOfTheirCohortsOnlyWithTheirDueDate() throws {
    let f = try AcademyFixture()
    let a = f.academy
    let learner = try a.createUser(role: .learner, displayName: "Asker")
    let elsewhere = try a.createUser(role: .learner, displayName: "Elsewhere")
    let manager = try a.createUser(role: .manager, displayName: "Mine")
    let stranger = try a.createUser(role: .manager, displayName: "Stranger")
    let trainer = try a.createUser(role: .trainer, displayName: "Trainer")
    let admin = try a.createUser(role: .admin, displayName: "Admin")
    try Self.cohort(a, [manager.id, trainer.id, learner.id])
    try Self.cohort(a, [stranger.id, elsewhere.id])
    try a.requestDeletion(userID: learner.id)
    f.advance(days: 1)
    try a.requestDeletion(userID: elsewhere.id)

    let mine = try a.deletionRequests(visibleTo: manager)
    #expect(mine.map(\.learnerName) == ["Asker"])
    let r = try #require(mine.first?.request)
    #expect(r.dueAt == Academy.oneMonth(after: r.requestedAt))
    #expect(r.dueAt - r.requestedAt >= 28 * 86_400 && r.dueAt - r.requestedAt <= 31 * 86_400)
    #expect(try a.deletionRequests(visibleTo: stranger).map(\.learnerName) == ["Elsewhere"])
    #expect(try a.deletionRequests(visibleTo: trainer).isEmpty)
    #expect(try a.deletionRequests(visibleTo: learner).isEmpty)
    #expect(try a.deletionRequests(visibleTo: admin).map(\.learnerName) == ["Asker", "Elsewhere"])

    // Deciding someone else's request is the same "not found" as a missing one.
    #expect(throws: AcademyError.notFound) {
      try a.confirmDeletion(userID: learner.id, actor: stranger)
    }
    #expect(throws: AcademyError.notFound) {
      try a.declineDeletion(userID: learner.id, reason: "no", actor: trainer)
    }
    #expect(try a.user(learner.id)?.erased == false)
    try a.confirmDeletion(userID: elsewhere.id, actor: admin)
    #expect(try a.user(elsewhere.id)?.erased == true)
  }

  @Test func declineNeedsAReasonTheLearnerReadsAndTheLearnerMayAskAgain() throws {
    let f = try AcademyFixture()
    let a = f.academy
    let learner = try a.createUser(role: .learner, displayName: "Asker")
    let manager = try a.createUser(role: .manager, displayName: "Mine")
    try Self.cohort(a, [manager.id, learner.id])
    try a.requestDeletion(userID: learner.id)
    #expect(throws: AcademyError("deletion.reasonNeeded")) {
      try a.declineDeletion(userID: learner.id, reason: "  ", actor: manager)
    }
    try a.declineDeletion(
      userID: learner.id, reason: "Your certificate is part of an open inquiry.", actor: manager)
    let declined = try #require(try a.deletionRequest(userID: learner.id))
    #expect(declined.state == .declined)
    #expect(declined.reason == "Your certificate is part of an open inquiry.")
    #expect(try a.deletionRequests(visibleTo: manager).isEmpty)
    #expect(try a.auditLog().contains { $0.action == "deletion.decline" && $0.detail == nil })
    try a.requestDeletion(userID: learner.id)
    let again = try #require(try a.deletionRequest(userID: learner.id))
    #expect(again.state == .pending && again.reason == nil)
  }

  @Test func anErasureByAnyPathClosesThePendingRequest() throws {
    let f = try AcademyFixture()
    let a = f.academy
    let learner = try a.createUser(role: .learner, displayName: "Asker")
    let admin = try a.createUser(role: .admin, displayName: "Admin")
    try a.requestDeletion(userID: learner.id)
    try a.eraseLearner(userID: learner.id, actor: admin)  // from the learner's page
    let closed = try #require(try a.deletionRequest(userID: learner.id))
    #expect(closed.state == .confirmed && closed.decidedAt == f.time.now)
    #expect(try a.pendingDeletionRequests().isEmpty)
  }

  @Test func oneMonthIsACalendarMonth() {
    // 31 January 2027 12:00 UTC → 28 February 2027 12:00 UTC.
    #expect(Academy.oneMonth(after: 1_801_396_800) == 1_801_396_800 + 28 * 86_400)
    // 15 March 2027 → 15 April 2027 (31 days).
    #expect(Academy.oneMonth(after: 1_805_112_000) == 1_805_112_000 + 31 * 86_400)
  }
}
