import Catalog
import Foundation
import Testing

@testable import Web

/// Every shipped language from day one: a learner who chose it finds no interface string
/// in English.
@Suite(.serialized) struct LanguageTests {
  /// English interface strings that differ from their translation in `strings` (long
  /// enough to be recognisable words rather than shared labels like "Quiz").
  static func englishOnly(_ strings: LocaleStrings?) -> [String] {
    Strings.english.compactMap { key, en in
      guard let other = strings?.values[key], other != en, en.count >= 8, !en.contains("{")
      else { return nil }
      return HTML.escape(en)
    }
  }

  static func englishLeft(in page: String, language: String = "fr", server: TestServer) -> [String]
  {
    let strings = server.academy.catalog.offeredLanguage(language)
      .flatMap { server.academy.catalog.locales[$0] }
    return englishOnly(strings).filter { page.contains($0) }
  }

  /// Each language the repository ships (French, and every other strings file): a learner
  /// who joins in it reads every page in it, in its direction, with no English left.
  @Test func eachShippedLanguagesLearnerSeesNoEnglishOnTheirPages() throws {
    let server = try TestServer()
    defer { server.stop() }
    let languages = server.academy.catalog.languages.filter { $0 != .reference }
    #expect(languages.contains(.fr))
    for language in languages {
      let code = language.rawValue
      let dir = server.academy.catalog.interface(language).direction
      let learner = try server.learnerClient(name: "Awa \(code)", locale: code)
      var pages = [
        "/", "/modules", "/modules/fact-checking", "/modules/fact-checking/01-why-verify",
        "/pages/referrals", "/pages/code-of-conduct", "/privacy", "/me",
        "/modules/fact-checking/quiz", "/briefings", "/briefings/registration-scam",
        "/me/activity",
      ]
      let quiz = try learner.get("/modules/fact-checking/quiz")
      #expect(quiz.body.contains("lang=\"\(code)\""))
      let r = try learner.post(
        "/modules/fact-checking/quiz",
        try LearnerPathTests.answers(for: quiz.body, server: server, right: false))
      pages.append(try #require(r.location))
      for path in pages {
        let page = try learner.get(path)
        #expect(page.status == 200, "\(code) \(path)")
        #expect(page.body.contains("<html lang=\"\(code)\" dir=\"\(dir)\">"), "\(code) \(path)")
        let left = Self.englishLeft(in: page.body, language: code, server: server)
        #expect(left.isEmpty, "\(code) \(path): \(left)")
        let notice = HTML.escape(server.academy.catalog.interface(language).text("common.fallback"))
        #expect(
          !page.body.contains("common.fallback") && !page.body.contains(notice),
          "\(code) \(path): content not translated")
      }
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
