import Academy
import Foundation
import Testing

@testable import Web

/// The findings of issue 16 on results and marking, replayed through the app as the hostile
/// staff member did: each failed before the policy, and must keep failing to reproduce.
@Suite struct GradingAccessTests {
  /// A learner of cohort A with a failed attempt (33 %: an essay waits), a trainer and a
  /// manager of A, and a trainer and a manager of cohort B.
  struct Setting {
    let app: PolicyTestApp
    let learner: User
    let attempt: String
    let trainerA: User
    let trainerB: User
    let managerA: User
    let managerB: User

    init() throws {
      app = try PolicyTestApp()
      let a = app.academy
      learner = try a.createUser(role: .learner, displayName: "Fatou Diallo")
      trainerA = try a.createUser(role: .trainer, displayName: "Trainer A")
      trainerB = try a.createUser(role: .trainer, displayName: "Trainer B")
      managerA = try a.createUser(role: .manager, displayName: "Manager A")
      managerB = try a.createUser(role: .manager, displayName: "Manager B")
      _ = try app.cohort("A", members: [learner, trainerA, managerA])
      let other = try a.createUser(role: .learner, displayName: "Other learner")
      _ = try app.cohort("B", members: [other, trainerB, managerB])
      attempt = try app.essayAttempt(learner, essay: "I called the clinic to check.")
    }

    func scoreAndPassed() throws -> (Double?, Int?) {
      let row = try app.academy.database.read {
        try $0.first("SELECT score, passed FROM attempts WHERE id = ?", [attempt])
      }
      return (row?.double("score"), row?.int("passed"))
    }

    func certificates() throws -> Int {
      try app.academy.database.read {
        try $0.scalar("SELECT COUNT(*) FROM certificates WHERE user_id = ?", [learner.id]).int ?? -1
      }
    }
  }

  @Test func aTrainerCannotMarkAnAutoGradedQuestionToMintACertificate() throws {
    let s = try Setting()
    let before = try s.scoreAndPassed()
    let r = try s.app.client(s.trainerA).post(
      "/teach/essays", [("attempt", s.attempt), ("question", "t2"), ("percent", "100")])
    #expect(r.status == 400)
    #expect(try s.scoreAndPassed() == before)
    #expect(before.1 == 0)
    #expect(try s.certificates() == 0)
  }

  @Test func aTrainerOfAnotherCohortCannotMarkOrSeeTheEssay() throws {
    let s = try Setting()
    let outsider = try s.app.client(s.trainerB)
    let r = outsider.post(
      "/teach/essays", [("attempt", s.attempt), ("question", "e1"), ("percent", "100")])
    #expect(r.status == 404)
    #expect(try s.scoreAndPassed().1 == 0 && s.certificates() == 0)
    let queue = outsider.get("/teach/essays")
    #expect(queue.status == 200 && !queue.body.contains("I called the clinic"))
  }

  @Test func staffOutsideTheCohortGetNotFoundForAResult() throws {
    let s = try Setting()
    for staff in [s.managerB, s.trainerB] {
      #expect(try s.app.client(staff).get("/attempts/\(s.attempt)").status == 404)
    }
    let peer = try s.app.academy.createUser(role: .learner, displayName: "Peer")
    _ = try s.app.cohort("A2", members: [peer, s.learner])
    #expect(try s.app.client(peer).get("/attempts/\(s.attempt)").status == 404)
    for allowed in [s.learner, s.managerA, s.trainerA, s.app.admin] {
      #expect(try s.app.client(allowed).get("/attempts/\(s.attempt)").status == 200)
    }
  }

  @Test func theEssayQueueIsBlindAndLimitedToTheTrainersCohorts() throws {
    let s = try Setting()
    let page = try s.app.client(s.trainerA).get("/teach/essays").body
    #expect(page.contains("I called the clinic to check."))
    #expect(page.contains(Academy.essayReference(s.attempt)))
    #expect(!page.contains("Fatou") && !page.contains("Diallo"))
    // Blind in the domain too: the queue's query reads no name.
    let source = try String(
      contentsOf: PolicyTestApp.repoRoot.appendingPathComponent(
        "Sources/Academy/Academy+Essays.swift"), encoding: .utf8)
    #expect(!source.contains("display_name"))
  }

  @Test func aMarkThatPassesIssuesTheCertificateAndOneThatFailsRevokesItPublicly() throws {
    let s = try Setting()
    let trainer = try s.app.client(s.trainerA)
    let pass = trainer.post(
      "/teach/essays",
      [("attempt", s.attempt), ("question", "e1"), ("percent", "100"), ("feedback", "Good")])
    #expect(pass.status == 303)
    #expect(try s.scoreAndPassed().1 == 1)
    let code = try #require(try s.app.academy.certificates(userID: s.learner.id).first?.code)
    #expect(try s.app.client(nil).get("/certificates/\(code)").body.contains("Valid"))

    let fail = trainer.post(
      "/teach/essays", [("attempt", s.attempt), ("question", "e1"), ("percent", "0")])
    #expect(fail.status == 303)
    #expect(try s.scoreAndPassed().1 == 0)
    let publicPage = try s.app.client(nil).get("/certificates/\(code)").body
    #expect(publicPage.contains("Revoked"))
    #expect(publicPage.contains("no longer reaches the pass mark"))
    let audit = try s.app.academy.auditLog().filter { $0.action == "essay.mark" }
    #expect(audit.count == 2)
    #expect(audit.first?.detail?.contains("score 67% -> 33%, passed -> failed") == true)
    #expect(audit.last?.detail?.contains("score 33% -> 67%, failed -> passed") == true)
  }
}
