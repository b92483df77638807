import Catalog
import Foundation
import GIFT
import Testing

@testable import Academy

struct EssayMarkingTests {
  /// A trainer attached to a cohort with `learners`.
  static func trainer(_ f: TeachFixture, of learners: [String]) throws -> User {
    let admin = try f.academy.ensureAdmin()
    let t = try f.academy.createUser(role: .trainer, displayName: "T")
    let k = try f.academy.createCohort(name: "K", actor: admin)
    try f.academy.database.write { c in
      for id in learners + [t.id] {
        try c.execute("INSERT INTO cohort_members(cohort_id, user_id) VALUES (?,?)", [k.id, id])
      }
    }
    return t
  }

  @Test func pendingEssaysListOnlyUnmarkedAnswersOfSubmittedAttempts() throws {
    let f = try TeachFixture()
    defer { f.remove() }
    let u = try f.learner("Amina")
    let t = try Self.trainer(f, of: [u])
    try f.attempt(
      "E1", user: u, at: 100, score: 0.4,
      answers: [("q1", .choice(0), 1), ("q6", .text("Because it matters."), nil)])
    try f.attempt("E2", user: u, at: 200, score: 1, answers: [("q1", .choice(0), 1)])
    let pending = try f.academy.pendingEssays(viewer: t)
    #expect(pending.count == 1)
    #expect(pending[0].attemptID == "E1" && pending[0].questionID == "q6")
    #expect(pending[0].answer == "Because it matters.")
    #expect(pending[0].question == "Explain in your words.")
    #expect(pending[0].reference == Academy.essayReference("E1"))
  }

  @Test func markingAnEssayRecomputesTheScoreAndStoresFeedback() throws {
    let f = try TeachFixture()
    defer { f.remove() }
    let u = try f.learner("Amina")
    let trainer = try Self.trainer(f, of: [u])
    // q1 right, q2 wrong, essay waiting: submitted score (1 + 0 + 0) / 3.
    try f.attempt(
      "E1", user: u, at: 100, score: 1.0 / 3,
      answers: [("q1", .choice(0), 1), ("q2", .trueFalse(false), 0), ("q6", .text("…"), nil)])
    let outcome = try f.academy.markEssay(
      attemptID: "E1", questionID: "q6", fraction: 0.5, feedback: "Good start", by: trainer)
    #expect(abs(outcome.score - 1.5 / 3) < 1e-9 && abs(outcome.scoreBefore - 1.0 / 3) < 1e-9)
    #expect(try f.academy.pendingEssays(viewer: trainer).isEmpty)
    let mark = try f.academy.essayMark(attemptID: "E1", questionID: "q6")
    #expect(mark?.fraction == 0.5 && mark?.feedback == "Good start" && mark?.markedBy == trainer.id)
    #expect(try f.academy.essayMarks(attemptID: "E1").keys.sorted() == ["q6"])
    let stored = try f.academy.database.read {
      try $0.first("SELECT score, passed FROM attempts WHERE id = 'E1'")
    }
    #expect(abs(stored!.double("score")! - 0.5) < 1e-9)
    #expect(stored!.int("passed") == 1)  // pass mark 50
    let log = try f.academy.auditLog()
    #expect(log.first?.action == "essay.mark" && log.first?.actorID == trainer.id)
    #expect(log.first?.detail?.contains("score 33% -> 50%, failed -> passed") == true)
    // Marking again replaces the mark.
    let again = try f.academy.markEssay(
      attemptID: "E1", questionID: "q6", fraction: 0, feedback: "", by: trainer)
    #expect(abs(again.score - 1.0 / 3) < 1e-9)
    #expect(try f.academy.essayMark(attemptID: "E1", questionID: "q6")?.fraction == 0)
  }

  @Test func aMarkOutsideZeroToOneIsRefused() throws {
    let f = try TeachFixture()
    defer { f.remove() }
    let u = try f.learner("Amina")
    let t = try Self.trainer(f, of: [u])
    try f.attempt("E1", user: u, at: 100, score: 0, answers: [("q6", .text("x"), nil)])
    #expect(throws: AcademyError.self) {
      try f.academy.markEssay(attemptID: "E1", questionID: "q6", fraction: 1.5, feedback: "", by: t)
    }
    #expect(throws: AcademyError.notFound) {
      try f.academy.markEssay(attemptID: "E1", questionID: "nope", fraction: 1, feedback: "", by: t)
    }
  }

  /// Finding: a trainer POSTed a mark of 100 % on an auto-graded question of a failed attempt,
  /// and the learner's score became 100 % with a certificate.
  @Test func anAutoGradedQuestionTakesNoMark() throws {
    let f = try TeachFixture()
    defer { f.remove() }
    let u = try f.learner("Amina")
    let t = try Self.trainer(f, of: [u])
    try f.attempt(
      "E1", user: u, at: 100, score: 0,
      answers: [("q1", .choice(1), 0), ("q2", .trueFalse(false), 0)])
    #expect(throws: AcademyError("teach.error.notEssay")) {
      try f.academy.markEssay(attemptID: "E1", questionID: "q1", fraction: 1, feedback: "", by: t)
    }
    let row = try f.academy.database.read {
      try $0.first("SELECT score, passed FROM attempts WHERE id = 'E1'")
    }
    #expect(row?.double("score") == 0 && row?.int("passed") == 0)
    #expect(try f.academy.certificates(userID: u).isEmpty)
  }

  /// Finding: any trainer marked essays of learners of cohorts they have nothing to do with,
  /// and saw them in their queue; nobody marks their own.
  @Test func onlyTrainersOfTheLearnersCohortOrAnAdminMark() throws {
    let f = try TeachFixture()
    defer { f.remove() }
    let u = try f.learner("Amina")
    let mine = try Self.trainer(f, of: [u])
    let elsewhere = try Self.trainer(f, of: [try f.learner("Other")])
    let manager = try f.academy.createUser(role: .manager, displayName: "M")
    try f.academy.database.write {
      try $0.execute(
        "INSERT INTO cohort_members(cohort_id, user_id) SELECT cohort_id, ? FROM cohort_members WHERE user_id = ?",
        [manager.id, mine.id])
    }
    try f.attempt("E1", user: u, at: 100, score: 0, answers: [("q6", .text("x"), nil)])
    #expect(try f.academy.pendingEssays(viewer: elsewhere).isEmpty)
    #expect(try f.academy.pendingEssays(viewer: manager).isEmpty)
    #expect(throws: AcademyError.notFound) {
      try f.academy.markEssay(
        attemptID: "E1", questionID: "q6", fraction: 1, feedback: "", by: elsewhere)
    }
    #expect(throws: AcademyError.forbidden) {
      try f.academy.markEssay(
        attemptID: "E1", questionID: "q6", fraction: 1, feedback: "", by: manager)
    }
    #expect(try f.academy.essayMark(attemptID: "E1", questionID: "q6") == nil)
    // A trainer's own essay is not theirs to mark, nor in their queue.
    try f.attempt("E2", user: mine.id, at: 100, score: 0, answers: [("q6", .text("x"), nil)])
    #expect(try f.academy.pendingEssays(viewer: mine).map(\.attemptID) == ["E1"])
    #expect(throws: AcademyError.forbidden) {
      try f.academy.markEssay(
        attemptID: "E2", questionID: "q6", fraction: 1, feedback: "", by: mine)
    }
    let admin = try f.academy.ensureAdmin()
    #expect(try f.academy.pendingEssays(viewer: admin).map(\.attemptID).sorted() == ["E1", "E2"])
    try f.academy.markEssay(attemptID: "E2", questionID: "q6", fraction: 1, feedback: "", by: admin)
  }

  /// A mark that turns a pass into a fail withdraws the certificate (reason `regraded`), and a
  /// later mark that passes again brings it back; both are in the history and the audit log.
  @Test func aMarkThatChangesPassOrFailIssuesOrRevokesTheCertificate() throws {
    let f = try TeachFixture()
    defer { f.remove() }
    let u = try f.learner("Amina")
    let t = try Self.trainer(f, of: [u])
    _ = try f.academy.lessonRead(userID: u, module: "m", lesson: "01-l")
    // q1 right, q2 wrong, essay waiting: 33 %, failed (pass mark 50).
    try f.attempt(
      "E1", user: u, at: 100, score: 1.0 / 3,
      answers: [("q1", .choice(0), 1), ("q2", .trueFalse(false), 0), ("q6", .text("…"), nil)])
    #expect(try f.academy.certificates(userID: u).isEmpty)
    let pass = try f.academy.markEssay(
      attemptID: "E1", questionID: "q6", fraction: 1, feedback: "", by: t)
    let code = try #require(pass.issued)
    #expect(try f.academy.certificate(code: code)?.status(at: f.academy.now) == .valid)
    let fail = try f.academy.markEssay(
      attemptID: "E1", questionID: "q6", fraction: 0, feedback: "", by: t)
    #expect(fail.revoked == code && fail.passed == false)
    let cert = try #require(try f.academy.certificate(code: code))
    #expect(cert.revokedReason == Academy.regradedReason)
    #expect(try f.academy.certificateHistory(code: code).map(\.event) == ["issued", "revoked"])
    #expect(try f.academy.learnerReport(userID: u)?.statuses["m"] == .inProgress)
    let log = try f.academy.auditLog().filter { $0.action == "essay.mark" }
    #expect(log.first?.detail?.contains("score 67% -> 33%, passed -> failed") == true)
    #expect(log.first?.detail?.contains("certificate \(code) revoked") == true)
    let again = try f.academy.markEssay(
      attemptID: "E1", questionID: "q6", fraction: 1, feedback: "", by: t)
    #expect(again.issued == code)
    #expect(try f.academy.certificate(code: code)?.status(at: f.academy.now) == .valid)
  }
}
