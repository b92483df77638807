import Foundation
import Testing

/// An essay waits for a trainer; once marked, the learner's result shows the mark and feedback.
@Suite(.serialized) struct EssayResultTests {
  @Test func markedEssayShowsOnTheLearnersResult() throws {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent(
      "relais-essay-\(UUID().uuidString)")
    let cur = root.appendingPathComponent("Curriculum/e")
    let assess = root.appendingPathComponent("Assessments")
    try FileManager.default.createDirectory(at: cur, withIntermediateDirectories: true)
    try FileManager.default.createDirectory(at: assess, withIntermediateDirectories: true)
    try "---\ntitle: E\nsummary: S\norder: 1\n---\nIntro\n".write(
      to: cur.appendingPathComponent("module.md"), atomically: true, encoding: .utf8)
    try "---\ntitle: L\nminutes: 2\n---\nText\n".write(
      to: cur.appendingPathComponent("01-l.md"), atomically: true, encoding: .utf8)
    try "::e1::Describe a rumour you answered.{}\n\n::t1::True?{T}\n".write(
      to: assess.appendingPathComponent("e.gift"), atomically: true, encoding: .utf8)
    let server = try TestServer(
      curriculum: root.appendingPathComponent("Curriculum"), assessments: assess)
    defer { server.stop() }
    let learner = try server.learnerClient()
    let quiz = try learner.get("/modules/e/quiz")
    let attempt = try #require(quiz.body.capture("name=\"attempt\" value=\"([^\"]+)\""))
    let r = try learner.post(
      "/modules/e/quiz",
      [("attempt", attempt), ("q.e1", "I checked the source."), ("q.t1", "true")])
    let path = try #require(r.location)
    #expect(try learner.get(path).body.contains("A trainer will mark this"))
    try server.academy.markEssay(
      attemptID: attempt, questionID: "e1", fraction: 0.75, feedback: "Good: you named the source.",
      by: try server.academy.ensureAdmin())
    let after = try learner.get(path).body
    #expect(after.contains("Marked by a trainer: 75%"))
    #expect(after.contains("Good: you named the source."))
  }
}
