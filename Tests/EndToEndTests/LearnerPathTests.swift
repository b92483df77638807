import Foundation
import Testing

/// The learner's path over real sockets: join by invite, read the lessons, fail then pass
/// the quiz, see progress on the home page; then a restart keeps every result.
@Suite(.serialized) struct LearnerPathTests {
  /// Picks the right answer of each question from the catalog's quiz (the test knows the
  /// answers; a learner would not) — or the first offered answer when `right` is false.
  static func answers(for html: String, server: TestServer, right: Bool) throws -> [(
    String, String
  )] {
    let quiz = try #require(server.academy.catalog.module("fact-checking")?.quiz(.certifying, .en))
    var fields: [(String, String)] = [
      ("attempt", try #require(html.capture("name=\"attempt\" value=\"([^\"]+)\"")))
    ]
    for q in quiz.questions where html.contains("name=\"q.\(q.id)") {
      let name = "q.\(q.id)"
      switch q.kind {
      case .multipleChoice(let answers, let multiple):
        if right {
          let picks = answers.indices.filter {
            multiple ? answers[$0].fraction > 0 : answers[$0].fraction == 1
          }
          for i in picks { fields.append((name, String(i))) }
        } else {
          let wrong = answers.indices.first { answers[$0].fraction <= 0 } ?? 0
          fields.append((name, String(wrong)))
        }
      case .trueFalse(let correct, _, _):
        fields.append((name, right == correct ? "true" : "false"))
      case .matching(let pairs):
        let choices = Array(Set(pairs.map(\.match))).sorted()
        for (i, p) in pairs.enumerated() {
          let c =
            right
            ? choices.firstIndex(of: p.match)!
            : (choices.firstIndex(of: p.match)! + 1) % choices.count
          fields.append(("\(name).\(i)", String(c)))
        }
      case .shortAnswer(let answers):
        fields.append((name, right ? answers.first { $0.fraction == 1 }?.text ?? "" : "zzz"))
      case .numerical(let answers):
        if case .value(let v, _) = answers.first?.target {
          fields.append((name, right ? String(v) : "-99999"))
        }
      default: break
      }
    }
    return fields
  }

  @Test func learnerJoinsReadsFailsPassesAndKeepsResultsAfterRestart() throws {
    var server = try TestServer()
    let learner = try server.learnerClient(name: "Amina")

    let home = try learner.get("/")
    #expect(home.status == 200)
    #expect(home.body.contains("Fact-checking"))
    #expect(home.body.contains("Not started"))

    let module = try learner.get("/modules/fact-checking")
    let lessons = module.body.captures("href=\"/modules/fact-checking/(0[0-9][^\"]*)\"")
    #expect(lessons.count >= 2)
    let first = try learner.get("/modules/fact-checking/\(lessons[0])")
    #expect(first.status == 200)
    #expect(first.body.contains("<article"))
    for lesson in lessons {
      let done = try learner.post("/modules/fact-checking/\(lesson)/done", [])
      #expect(done.status == 303)
    }

    // Fail first.
    var quiz = try learner.get("/modules/fact-checking/quiz")
    #expect(quiz.status == 200)
    var submitted = try learner.post(
      "/modules/fact-checking/quiz", try Self.answers(for: quiz.body, server: server, right: false))
    #expect(submitted.status == 303)
    let failedURL = try #require(submitted.location)
    let failed = try learner.get(failedURL)
    #expect(failed.body.contains("you need 80%"))
    #expect(failed.body.contains("Right answer:"))

    // Then pass: the certificate is issued (all lessons were read).
    quiz = try learner.get("/modules/fact-checking/quiz")
    let passFields = try Self.answers(for: quiz.body, server: server, right: true)
    submitted = try learner.post("/modules/fact-checking/quiz", passFields)
    let passedURL = try #require(submitted.location)
    let passed = try learner.get(passedURL)
    #expect(passed.body.contains("Passed with 100%"))
    #expect(passed.body.contains("/certificates/RLX-"))

    // A resent form (double tap) records nothing twice and lands on the same result.
    let again = try learner.post("/modules/fact-checking/quiz", passFields)
    #expect(again.location == passedURL)
    let attemptID = String(passedURL.split(separator: "/").last!)
    let answerRows = try server.academy.database.read {
      try $0.scalar("SELECT COUNT(*) FROM answers WHERE attempt_id = ?", [attemptID]).int
    }
    let shown = try #require(try server.academy.attemptResult(attemptID: attemptID)).attempt.shown
      .count
    #expect(answerRows == shown)

    let after = try learner.get("/")
    #expect(after.body.contains("Certified"))
    #expect(after.body.contains("value=\"100\""))

    // Restart on the same data: results, progress and the session survive.
    let dir = server.dataDirectory
    server.stop()
    server = try TestServer(dataDirectory: dir)
    let sameLearner = server.client()
    sameLearner.cookies = learner.cookies
    let kept = try sameLearner.get(passedURL)
    #expect(kept.status == 200)
    #expect(kept.body.contains("Passed with 100%"))
    #expect(try sameLearner.get("/").body.contains("Certified"))
    server.stop()
  }

  @Test func anotherLearnerCannotReadMyAttempt() throws {
    let server = try TestServer()
    defer { server.stop() }
    let amina = try server.learnerClient(name: "Amina")
    let quiz = try amina.get("/modules/fact-checking/quiz")
    let r = try amina.post(
      "/modules/fact-checking/quiz", try Self.answers(for: quiz.body, server: server, right: false))
    let url = try #require(r.location)
    let other = try server.learnerClient(name: "Jean")
    #expect(try other.get(url).status == 404)
    #expect(try server.client().get(url).status == 303)  // anonymous: to sign-in
  }
}

@Suite(.serialized) struct PreTestTests {
  @Test func preTestIsOfferedBeforeTheFirstLessonAndDoesNotCertify() throws {
    let server = try TestServer()
    defer { server.stop() }
    let learner = try server.learnerClient()
    let first = try learner.get("/modules/fact-checking/01-why-verify")
    #expect(first.body.contains("/modules/fact-checking/quiz?kind=pre"))
    let quiz = try learner.get("/modules/fact-checking/quiz?kind=pre")
    #expect(quiz.body.contains("Pre-test"))
    let attempt = try #require(quiz.body.capture("name=\"attempt\" value=\"([^\"]+)\""))
    let r = try learner.post("/modules/fact-checking/quiz", [("attempt", attempt)])
    let result = try learner.get(try #require(r.location))
    #expect(result.body.contains("Your score"))
    #expect(!result.body.contains("/certificates/RLX-"))
    #expect(!(try learner.get("/modules/fact-checking/01-why-verify").body.contains("quiz?kind=pre")))
  }
}
