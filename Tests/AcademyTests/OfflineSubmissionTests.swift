import Catalog
import Dispatch
import GIFT
import Testing

@testable import Academy

/// Answers kept on a phone offline arrive late, and maybe several times (the reply to the
/// first sending can be lost with the connection): the academy grades an attempt once, at
/// the time it was answered, but never earlier than its start nor later than now.
@Suite struct OfflineSubmissionTests {
  @Test func retriesOfAnOfflineSubmissionGradeTheAttemptOnceWithTheFirstAnswers() throws {
    let f = try AcademyFixture()
    let u = try f.academy.createUser(role: .learner, displayName: "A")
    let a = try f.academy.startAttempt(userID: u.id, module: "m", kind: .certifying, language: .en)
    f.advance(minutes: 10)
    let answeredAt = f.time.now
    f.advance(minutes: 90)  // the phone was offline for an hour and a half
    let first = try f.academy.submit(
      attemptID: a.id, userID: u.id, responses: ["q1": .trueFalse(true), "q2": .choice(1)],
      answeredAt: answeredAt)
    #expect(first.attempt.submittedAt == answeredAt)
    f.advance(minutes: 5)
    // The same attempt again, from two reconnections at once, even with other answers.
    let group = DispatchGroup()
    for _ in 0..<4 {
      DispatchQueue.global().async(group: group) {
        _ = try? f.academy.submit(
          attemptID: a.id, userID: u.id, responses: ["q1": .trueFalse(false), "q2": .choice(0)],
          answeredAt: f.time.now)
      }
    }
    group.wait()
    let again = try f.academy.submit(
      attemptID: a.id, userID: u.id, responses: [:], answeredAt: f.time.now)
    #expect(again.attempt.score == first.attempt.score)
    #expect(again.attempt.submittedAt == answeredAt)
    let counts = try f.academy.database.read { c in
      (
        try c.scalar("SELECT COUNT(*) FROM attempts WHERE user_id = ?", [u.id]).int,
        try c.scalar("SELECT COUNT(*) FROM answers WHERE attempt_id = ?", [a.id]).int,
        try c.scalar("SELECT COUNT(*) FROM certificates WHERE user_id = ?", [u.id]).int
      )
    }
    #expect(counts.0 == 1)
    #expect(counts.1 == 2)
    #expect(counts.2 ?? 0 <= 1)
  }

  @Test func answeredAtIsClampedBetweenTheAttemptStartAndNow() throws {
    let f = try AcademyFixture()
    let u = try f.academy.createUser(role: .learner, displayName: "A")
    let a = try f.academy.startAttempt(userID: u.id, module: "m", kind: .certifying, language: .en)
    f.advance(minutes: 3)
    // A clock set years back cannot date the answers before the attempt began.
    let early = try f.academy.submit(
      attemptID: a.id, userID: u.id, responses: [:], answeredAt: a.startedAt - 86_400 * 365)
    #expect(early.attempt.submittedAt == a.startedAt)

    let v = try f.academy.createUser(role: .learner, displayName: "B")
    let b = try f.academy.startAttempt(userID: v.id, module: "m", kind: .certifying, language: .en)
    f.advance(minutes: 3)
    let late = try f.academy.submit(
      attemptID: b.id, userID: v.id, responses: [:], answeredAt: f.time.now + 86_400)
    #expect(late.attempt.submittedAt == f.time.now)  // nor in the future
  }

  @Test func answeringEarlyCannotEscapeTheWaitBeforeARetry() throws {
    let f = try AcademyFixture(quiz: "// @wait: 30\n\n" + ModuleFiles.quiz)
    let u = try f.academy.createUser(role: .learner, displayName: "A")
    let a = try f.academy.startAttempt(userID: u.id, module: "m", kind: .certifying, language: .en)
    f.advance(minutes: 1)
    // Failed, claiming it was answered a day before: counted from the attempt's start.
    _ = try f.academy.submit(
      attemptID: a.id, userID: u.id, responses: [:], answeredAt: f.time.now - 86_400)
    f.advance(minutes: 20)
    #expect(throws: AcademyError("quiz.waitBeforeRetry", "9")) {
      try f.academy.startAttempt(userID: u.id, module: "m", kind: .certifying, language: .en)
    }
  }
}
