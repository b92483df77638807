import Catalog
import GIFT
import Testing

@testable import Academy

@Test func submittingGradesStoresAndIsIdempotent() throws {
  let f = try AcademyFixture()
  let u = try f.academy.createUser(role: .learner, displayName: "A")
  let a = try f.academy.startAttempt(userID: u.id, module: "m", kind: .certifying, language: .en)
  #expect(a.shown.map(\.id) == ["q1", "q2"])
  let r1 = try f.academy.submit(
    attemptID: a.id, userID: u.id, responses: ["q1": .trueFalse(true), "q2": .choice(1)])
  #expect(r1.attempt.score == 0.5)
  #expect(r1.attempt.passed == true)  // pass mark 50
  let r2 = try f.academy.submit(
    attemptID: a.id, userID: u.id, responses: ["q1": .trueFalse(false), "q2": .choice(0)])
  #expect(r2.attempt.score == 0.5)  // the second submission changed nothing
  let rows = try f.academy.database.read { try $0.scalar("SELECT COUNT(*) FROM answers") }.int
  #expect(rows == 2)
}

@Test func anotherUserCannotSubmitMyAttempt() throws {
  let f = try AcademyFixture()
  let me = try f.academy.createUser(role: .learner, displayName: "A")
  let other = try f.academy.createUser(role: .learner, displayName: "B")
  let a = try f.academy.startAttempt(userID: me.id, module: "m", kind: .certifying, language: .en)
  #expect(throws: AcademyError.notFound) {
    try f.academy.submit(attemptID: a.id, userID: other.id, responses: [:])
  }
}

@Test func openAttemptIsReusedUntilSubmitted() throws {
  let f = try AcademyFixture()
  let u = try f.academy.createUser(role: .learner, displayName: "A")
  let a = try f.academy.startAttempt(userID: u.id, module: "m", kind: .certifying, language: .en)
  let b = try f.academy.startAttempt(userID: u.id, module: "m", kind: .certifying, language: .en)
  #expect(a.id == b.id)
  _ = try f.academy.submit(attemptID: a.id, userID: u.id, responses: [:])
  let c = try f.academy.startAttempt(userID: u.id, module: "m", kind: .certifying, language: .en)
  #expect(c.id != a.id)
}

@Test func attemptLimitAndWaitAreEnforced() throws {
  let f = try AcademyFixture(quiz: "// @attempts: 2\n// @wait: 30\n\n" + ModuleFiles.quiz)
  let u = try f.academy.createUser(role: .learner, displayName: "A")
  let a = try f.academy.startAttempt(userID: u.id, module: "m", kind: .certifying, language: .en)
  _ = try f.academy.submit(attemptID: a.id, userID: u.id, responses: [:])  // fails: 0%
  #expect(throws: AcademyError("quiz.waitBeforeRetry", "30")) {
    try f.academy.startAttempt(userID: u.id, module: "m", kind: .certifying, language: .en)
  }
  f.advance(minutes: 31)
  let b = try f.academy.startAttempt(userID: u.id, module: "m", kind: .certifying, language: .en)
  _ = try f.academy.submit(attemptID: b.id, userID: u.id, responses: [:])
  f.advance(minutes: 31)
  #expect(throws: AcademyError("quiz.noAttemptsLeft", "2")) {
    try f.academy.startAttempt(userID: u.id, module: "m", kind: .certifying, language: .en)
  }
}

@Test func drawTakesOnlySomeQuestionsAndRecordsThem() throws {
  let quiz = (1...6).map { "::q\($0)::Q\($0)?{T}" }.joined(separator: "\n\n")
  let f = try AcademyFixture(quiz: "// @draw: 3\n\n" + quiz)
  let u = try f.academy.createUser(role: .learner, displayName: "A")
  let a = try f.academy.startAttempt(userID: u.id, module: "m", kind: .certifying, language: .en)
  #expect(a.shown.count == 3)
  #expect(Set(a.shown.map(\.id)).isSubset(of: Set((1...6).map { "q\($0)" })))
  let stored = try #require(try f.academy.attemptResult(attemptID: a.id))
  #expect(stored.attempt.shown == a.shown)
}

@Test func responsesRoundTripThroughStorage() {
  let cases: [Response] = [
    .choice(2), .choices([0, 3]), .trueFalse(false), .text("Réponse, \"quoted\""), .number(3.25),
    .matches([0: "b", 2: "c"]), .none,
  ]
  for r in cases { #expect(ResponseCodec.decode(ResponseCodec.encode(r)) == r) }
}
