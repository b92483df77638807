import Catalog
import Foundation
import GIFT
import Testing

@testable import Academy

struct EssayMarkingTests {
  @Test func pendingEssaysListOnlyUnmarkedAnswersOfSubmittedAttempts() throws {
    let f = try TeachFixture()
    defer { f.remove() }
    let u = try f.learner("Amina")
    try f.attempt(
      "E1", user: u, at: 100, score: 0.4,
      answers: [("q1", .choice(0), 1), ("q6", .text("Because it matters."), nil)])
    try f.attempt("E2", user: u, at: 200, score: 1, answers: [("q1", .choice(0), 1)])
    let pending = try f.academy.pendingEssays()
    #expect(pending.count == 1)
    #expect(pending[0].attemptID == "E1" && pending[0].questionID == "q6")
    #expect(pending[0].answer == "Because it matters.")
    #expect(pending[0].question == "Explain in your words.")
    #expect(pending[0].learnerName == "Amina")
  }

  @Test func markingAnEssayRecomputesTheScoreAndStoresFeedback() throws {
    let f = try TeachFixture()
    defer { f.remove() }
    let u = try f.learner("Amina")
    let trainer = try f.academy.createUser(role: .trainer, displayName: "T").id
    // q1 right, q2 wrong, essay waiting: submitted score (1 + 0 + 0) / 3.
    try f.attempt(
      "E1", user: u, at: 100, score: 1.0 / 3,
      answers: [("q1", .choice(0), 1), ("q2", .trueFalse(false), 0), ("q6", .text("…"), nil)])
    let score = try f.academy.markEssay(
      attemptID: "E1", questionID: "q6", fraction: 0.5, feedback: "Good start", by: trainer)
    #expect(abs(score - 1.5 / 3) < 1e-9)
    #expect(try f.academy.pendingEssays().isEmpty)
    let mark = try f.academy.essayMark(attemptID: "E1", questionID: "q6")
    #expect(mark?.fraction == 0.5 && mark?.feedback == "Good start" && mark?.markedBy == trainer)
    #expect(try f.academy.essayMarks(attemptID: "E1").keys.sorted() == ["q6"])
    let stored = try f.academy.database.read {
      try $0.first("SELECT score, passed FROM attempts WHERE id = 'E1'")
    }
    #expect(abs(stored!.double("score")! - 0.5) < 1e-9)
    #expect(stored!.int("passed") == 1)  // pass mark 50
    let log = try f.academy.auditLog()
    #expect(log.first?.action == "essay.mark" && log.first?.actorID == trainer)
    // Marking again replaces the mark.
    let again = try f.academy.markEssay(
      attemptID: "E1", questionID: "q6", fraction: 0, feedback: "", by: trainer)
    #expect(abs(again - 1.0 / 3) < 1e-9)
    #expect(try f.academy.essayMark(attemptID: "E1", questionID: "q6")?.fraction == 0)
  }

  @Test func aMarkOutsideZeroToOneIsRefused() throws {
    let f = try TeachFixture()
    defer { f.remove() }
    let u = try f.learner("Amina")
    try f.attempt("E1", user: u, at: 100, score: 0, answers: [("q6", .text("x"), nil)])
    #expect(throws: AcademyError.self) {
      try f.academy.markEssay(attemptID: "E1", questionID: "q6", fraction: 1.5, feedback: "", by: u)
    }
    #expect(throws: AcademyError.self) {
      try f.academy.markEssay(attemptID: "E1", questionID: "nope", fraction: 1, feedback: "", by: u)
    }
  }
}
