import Catalog
import Testing

@testable import Academy

private func pass(_ f: AcademyFixture, _ userID: String, kind: QuizKind = .certifying) throws
  -> AttemptResult
{
  let a = try f.academy.startAttempt(userID: userID, module: "m", kind: kind, language: .en)
  return try f.academy.submit(
    attemptID: a.id, userID: userID,
    responses: ["q1": .trueFalse(true), "q2": .choice(0), "r1": .trueFalse(true)])
}

@Test func certificateNeedsLessonsReadAndQuizPassed() throws {
  let f = try AcademyFixture()
  let u = try f.academy.createUser(role: .learner, displayName: "A")
  let r = try pass(f, u.id)
  #expect(r.certificateCode == nil)  // lessons not read yet
  try f.academy.lessonRead(userID: u.id, module: "m", lesson: "01-a")
  let code = try f.academy.lessonRead(userID: u.id, module: "m", lesson: "02-b")
  let issued = try #require(code)
  let c = try #require(try f.academy.certificate(code: issued))
  #expect(c.holderName == "A")
  #expect(c.status(at: f.academy.now) == .valid)
  #expect(c.code.hasPrefix("RLX-"))
  // 12 months later (module's certificate_months) it has expired.
  f.advance(days: 366)
  #expect(try f.academy.certificate(code: c.code)!.status(at: f.academy.now) == .expired)
}

@Test func refresherRenewsValidityAndKeepsHistory() throws {
  let f = try AcademyFixture(refresher: "::r1::Still true?{T}")
  let u = try f.academy.createUser(role: .learner, displayName: "A")
  try f.academy.lessonRead(userID: u.id, module: "m", lesson: "01-a")
  try f.academy.lessonRead(userID: u.id, module: "m", lesson: "02-b")
  let code = try #require(try pass(f, u.id).certificateCode)
  let first = try #require(try f.academy.certificate(code: code)).expiresAt
  f.advance(days: 300)
  let renewed = try pass(f, u.id, kind: .refresher)
  #expect(renewed.certificateCode == code)
  let after = try #require(try f.academy.certificate(code: code))
  #expect(after.expiresAt > first)
  #expect(try f.academy.certificateHistory(code: code).map(\.event) == ["issued", "renewed"])
}

@Test func revokedCertificateStaysRevoked() throws {
  let f = try AcademyFixture()
  let admin = try f.academy.createUser(role: .admin, displayName: "Admin")
  let u = try f.academy.createUser(role: .learner, displayName: "A")
  try f.academy.lessonRead(userID: u.id, module: "m", lesson: "01-a")
  try f.academy.lessonRead(userID: u.id, module: "m", lesson: "02-b")
  let code = try #require(try pass(f, u.id).certificateCode)
  try f.academy.revokeCertificate(code: code, reason: "conduct", by: admin)
  #expect(try f.academy.certificate(code: code)!.status(at: f.academy.now) == .revoked)
  #expect(try pass(f, u.id).certificateCode == nil)
  #expect(try f.academy.auditLog().first?.action == "certificate.revoke")
}

@Test func progressCountsLessonsAndBestScore() throws {
  let f = try AcademyFixture()
  let u = try f.academy.createUser(role: .learner, displayName: "A")
  try f.academy.lessonOpened(userID: u.id, module: "m", lesson: "01-a")
  try f.academy.lessonRead(userID: u.id, module: "m", lesson: "01-a")
  let p = try #require(try f.academy.progress(userID: u.id)["m"])
  #expect(p.lessonsRead == ["01-a"])
  #expect(p.lastOpenedLesson == "01-a")
  #expect(p.fraction == 1.0 / 3.0)
  #expect(!p.passed)
}
