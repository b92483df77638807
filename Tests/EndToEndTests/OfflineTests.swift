import Foundation
import Testing

/// The offline enhancement, as far as a server can show it: the service worker is served
/// from the root with the headers browsers require, every file it precaches exists, the
/// script is on every page, and the offline page exists in both languages.
@Suite(.serialized) struct OfflineTests {
  @Test func serviceWorkerIsServedFromTheRootWithTheRightHeaders() throws {
    let server = try TestServer()
    defer { server.stop() }
    let c = server.client()
    let sw = try c.get("/sw.js")
    #expect(sw.status == 200)
    #expect(sw.header("Content-Type")?.hasPrefix("text/javascript") == true)
    #expect(sw.header("Service-Worker-Allowed") == "/")
    #expect(sw.header("Cache-Control") == "no-cache")
    #expect(sw.body.contains("addEventListener('fetch'"))
    // Everything it precaches is really there (a 404 would make installation fail).
    let list = try #require(sw.body.capture(#"PRECACHE = \[([^\]]*)\]"#))
    let paths = list.captures("'([^']+)'")
    // The assets and the English offline pages; others are fetched when a page speaks them.
    #expect(paths.count == 4)
    #expect(sw.body.contains("'/offline?lang=' + l"))
    for p in paths { #expect(try c.get(p).status == 200, "\(p)") }
  }

  @Test func everyPageLoadsTheFingerprintedScriptWhichIsCachedForAYear() throws {
    let server = try TestServer()
    defer { server.stop() }
    let c = server.client()
    let home = try c.get("/modules/fact-checking")
    let src = try #require(
      home.body.capture(#"<script src="(/js/offline\.[0-9a-f]{12}\.js)" defer></script>"#))
    let js = try c.get(src)
    #expect(js.status == 200)
    #expect(js.header("Content-Type")?.hasPrefix("text/javascript") == true)
    #expect(js.header("Cache-Control")?.contains("immutable") == true)
    #expect(js.body.contains("serviceWorker"))
    // The page carries the button's labels in its language; the button itself is made by
    // the script only, so nobody without it sees a dead button.
    #expect(home.body.contains("data-labels=\"Download this module (about {1} KB)|"))
    let fr = try c.get("/modules/fact-checking", headers: [("Accept-Language", "fr")])
    #expect(fr.body.contains("data-labels=\"Télécharger ce module (environ {1} Ko)|"))
    #expect(!home.body.contains(">Download this module"))
    #expect(js.body.contains("data-labels"))
    #expect(try c.get("/js/offline.000000000000.js").status == 404)
    let etag = try #require(js.header("ETag"))
    #expect(try c.get(src, headers: [("If-None-Match", etag)]).status == 304)
  }

  @Test func offlinePageExistsInEnglishAndFrenchAndQuizVariantSaysItNeedsTheNetwork() throws {
    let server = try TestServer()
    defer { server.stop() }
    let c = server.client()
    let en = try c.get("/offline", headers: [("Accept-Language", "en")])
    #expect(en.status == 200)
    #expect(en.body.contains("You are offline"))
    #expect(en.body.contains("id=\"offline-lessons\""))
    #expect(en.body.contains("Quizzes need the network"))
    let fr = try c.get("/offline", headers: [("Accept-Language", "fr")])
    #expect(fr.body.contains("Vous êtes hors ligne"))
    #expect(fr.body.contains("Les quiz ont besoin du réseau"))
    #expect(!fr.body.contains("You are offline"))
    let quiz = try c.get("/offline?quiz=1", headers: [("Accept-Language", "fr")])
    #expect(quiz.body.contains("Ce quiz a besoin du réseau"))
    // The worker keeps one copy per language, asked for by name.
    let asked = try c.get("/offline?lang=fr&quiz=1", headers: [("Accept-Language", "en")])
    #expect(asked.body.contains("<html lang=\"fr\""))
    #expect(asked.body.contains("Ce quiz a besoin du réseau"))
  }
}
