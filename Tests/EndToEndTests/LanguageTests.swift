import Foundation
import Testing

@testable import Web

/// French from day one: a learner who chose French finds no interface string in English.
@Suite(.serialized) struct LanguageTests {
  /// English interface strings that differ from their French version (long enough to be
  /// recognisable words rather than shared labels like "Quiz").
  static let englishOnly: [String] = Strings.table.values
    .filter { $0.en != $0.fr && $0.en.count >= 8 && !$0.en.contains("{") }
    .map { HTML.escape($0.en) }

  static func englishLeft(in page: String) -> [String] {
    englishOnly.filter { page.contains($0) }
  }

  @Test func frenchLearnerSeesNoEnglishOnTheirPages() throws {
    let server = try TestServer()
    defer { server.stop() }
    let learner = try server.learnerClient(name: "Awa", locale: "fr")
    var pages = [
      "/", "/modules/fact-checking", "/modules/fact-checking/01-why-verify", "/pages/referrals",
      "/privacy", "/modules/fact-checking/quiz",
    ]
    let quiz = try learner.get("/modules/fact-checking/quiz")
    #expect(quiz.body.contains("lang=\"fr\""))
    let r = try learner.post(
      "/modules/fact-checking/quiz",
      try LearnerPathTests.answers(for: quiz.body, server: server, right: false))
    pages.append(try #require(r.location))
    for path in pages {
      let page = try learner.get(path)
      #expect(page.status == 200, "\(path)")
      #expect(page.body.contains("<html lang=\"fr\" dir=\"ltr\">"), "\(path)")
      #expect(
        Self.englishLeft(in: page.body).isEmpty, "\(path): \(Self.englishLeft(in: page.body))")
      #expect(
        !page.body.contains("common.fallback") && !page.body.contains("not yet translated"),
        "\(path)")
    }
  }

  @Test func anonymousVisitorGetsAcceptLanguageThenTheSwitch() throws {
    let server = try TestServer()
    defer { server.stop() }
    let c = server.client()
    #expect(
      try c.get("/", headers: [("Accept-Language", "fr-FR,fr;q=0.9,en;q=0.5")]).body.contains(
        "<html lang=\"fr\""))
    #expect(
      try c.get("/", headers: [("Accept-Language", "de, en;q=0.8")]).body.contains(
        "<html lang=\"en\""))
    let switched = try c.post("/language", [("lang", "fr"), ("back", "/modules")])
    #expect(switched.location == "/modules")
    #expect(try c.get("/", headers: [("Accept-Language", "en")]).body.contains("<html lang=\"fr\""))
  }

  @Test func languageSwitchNeverRedirectsOffSite() throws {
    let server = try TestServer()
    defer { server.stop() }
    let c = server.client()
    _ = try c.get("/")
    #expect(
      try c.post("/language", [("lang", "fr"), ("back", "//evil.example/x")]).location == "/")
    #expect(
      try c.post("/language", [("lang", "fr"), ("back", "https://evil.example")]).location == "/")
  }

  @Test func learnerAcknowledgesTheCodeOfConduct() throws {
    let server = try TestServer()
    defer { server.stop() }
    let learner = try server.learnerClient(name: "Awa")
    let page = try learner.get("/pages/code-of-conduct")
    #expect(page.body.contains("I acknowledge the code of conduct"))
    let r = try learner.post("/pages/code-of-conduct/acknowledge", [("name", "Awa K.")])
    #expect(r.status == 303)
    #expect(
      try learner.get("/pages/code-of-conduct").body.contains("You acknowledged version 2026-1"))
    let rows = try server.academy.database.read {
      try $0.query("SELECT name, version FROM acknowledgements")
    }
    #expect(rows.count == 1)
    #expect(rows.first?.string("name") == "Awa K.")
  }
}
