import Foundation
import Testing

/// What the phone needs from the server to work offline, without a browser: the module
/// manifest (URLs, sizes, content hashes) that "Download this module" stores and compares,
/// and a quiz submission that can be resent any number of times and counts once.
@Suite(.serialized) struct OfflineDownloadTests {
  struct Manifest: Decodable {
    struct Item: Decodable {
      var url: String
      var bytes: Int
      var hash: String
    }
    var module: String
    var lang: String
    var bytes: Int
    var items: [Item]
  }

  static func manifest(_ c: TestHTTPClient, _ path: String, lang: String = "en") throws
    -> Manifest
  {
    let r = try c.get(path, headers: [("Accept-Language", lang)])
    #expect(r.status == 200)
    #expect(r.header("Content-Type")?.hasPrefix("application/json") == true)
    #expect(r.header("Cache-Control") == "no-store")
    return try JSONDecoder().decode(Manifest.self, from: Data(r.body.utf8))
  }

  @Test func manifestListsTheModuleItsLessonsAndPagesWithSizesAndHashes() throws {
    let server = try TestServer()
    defer { server.stop() }
    let anonymous = server.client()
    let m = try Self.manifest(anonymous, "/offline/fact-checking")
    let module = try #require(server.academy.catalog.module("fact-checking"))
    let urls = m.items.map(\.url)
    #expect(m.module == "fact-checking" && m.lang == "en")
    #expect(urls.first == "/modules/fact-checking")
    for lesson in module.lessons { #expect(urls.contains("/modules/fact-checking/\(lesson.slug)")) }
    #expect(urls.contains("/pages/code-of-conduct") && urls.contains("/pages/referrals"))
    #expect(!urls.contains("/modules/fact-checking/quiz"))  // nobody to start an attempt for
    #expect(m.bytes == m.items.reduce(0) { $0 + $1.bytes })
    #expect(Set(m.items.map(\.hash)).count == m.items.count)

    // A learner's download holds the quiz form too; each size is close to what is sent.
    let learner = try server.learnerClient()
    let mine = try Self.manifest(learner, "/offline/fact-checking")
    #expect(mine.items.map(\.url).contains("/modules/fact-checking/quiz"))
    for item in mine.items {
      let page = try learner.get(item.url, headers: [("Accept-Encoding", "identity")])
      #expect(page.status == 200, "\(item.url)")
      let sent = page.body.utf8.count
      #expect(
        item.bytes >= sent * 2 / 3 && item.bytes <= sent * 3 / 2,
        "\(item.url): \(item.bytes) vs \(sent)")
    }

    // Another language: other lesson hashes, the same URLs.
    let fr = try Self.manifest(anonymous, "/offline/fact-checking", lang: "fr")
    #expect(fr.lang == "fr")
    #expect(fr.items.map(\.url) == m.items.map(\.url))
    #expect(fr.items[1].hash != m.items[1].hash)
    #expect(try anonymous.get("/offline/no-such-module").status == 404)
  }

  @Test func aCorrectedLessonOrQuizChangesOnlyItsOwnHash() throws {
    let content = try ContentCopy()
    defer { content.remove() }
    let server = try TestServer(curriculum: content.curriculum, assessments: content.assessments)
    defer { server.stop() }
    let learner = try server.learnerClient()
    let before = try Self.manifest(learner, "/offline/fact-checking")
    let file = content.lesson("fact-checking", "01-why-verify.md")
    try (try String(contentsOf: file, encoding: .utf8) + "\nA corrected sentence.\n").write(
      to: file, atomically: true, encoding: .utf8)
    let quiz = content.assessments.appendingPathComponent("fact-checking.gift")
    try (try String(contentsOf: quiz, encoding: .utf8) + "\n").write(
      to: quiz, atomically: true, encoding: .utf8)
    #expect(server.academy.content.reloadIfChanged())
    let after = try Self.manifest(learner, "/offline/fact-checking")
    let changed = zip(before.items, after.items).filter { $0.hash != $1.hash }.map(\.0.url)
    #expect(
      Set(changed) == ["/modules/fact-checking/01-why-verify", "/modules/fact-checking/quiz"])
  }

  @Test func aQuizAnsweredOfflineAndSentThreeTimesCountsOnceAtTheTimeItWasAnswered() throws {
    let server = try TestServer()
    defer { server.stop() }
    let learner = try server.learnerClient()
    let form = try learner.get("/modules/fact-checking/quiz")
    #expect(form.body.contains("data-outbox"))  // the script keeps these answers on the phone
    let attemptID = try #require(form.body.capture("name=\"attempt\" value=\"([^\"]+)\""))
    let started = try #require(try server.academy.attemptResult(attemptID: attemptID)).attempt
      .startedAt
    var fields = try LearnerPathTests.answers(for: form.body, server: server, right: true)
    fields.append(("answered_at", String(started - 3600)))  // a phone clock an hour behind
    var results: [String] = []
    for _ in 0..<3 {
      let r = try learner.post("/modules/fact-checking/quiz", fields)
      #expect(r.status == 303)
      results.append(r.location ?? "")
    }
    #expect(Set(results) == ["/attempts/\(attemptID)"])
    let rows = try server.academy.database.read { c in
      try c.query("SELECT submitted_at FROM attempts WHERE id = ?", [attemptID])
    }
    #expect(rows.count == 1)
    #expect(rows.first?.int("submitted_at").map(Int64.init) == started)  // clamped to the start
    let answers = try server.academy.database.read { c in
      try c.scalar("SELECT COUNT(*) FROM answers WHERE attempt_id = ?", [attemptID]).int
    }
    let graded = try #require(try server.academy.attemptResult(attemptID: attemptID))
    #expect(answers == graded.answers.count)
    #expect(try learner.follow(learner.post("/modules/fact-checking/quiz", fields)).status == 200)
  }
}
