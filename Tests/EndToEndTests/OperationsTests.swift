import Foundation
import Testing

/// What operators rely on: health and metrics endpoints.
@Suite(.serialized) struct OperationsTests {
  @Test func serveRefusesABadLoopCount() throws {
    let data = FileManager.default.temporaryDirectory.appendingPathComponent(
      "relais-loops-\(UUID())")
    for bad in ["0", "lots", "999"] {
      let r = try ServerProcess.run(["serve", "--loops", bad, "--port", "0", "--data", data.path])
      #expect(r.status != 0)
      #expect(r.output.contains("--loops takes a number from 1 to 256"))
    }
  }

  @Test func healthzAnswersOK() throws {
    let server = try TestServer()
    defer { server.stop() }
    let r = try server.client().get("/healthz")
    #expect(r.status == 200)
    #expect(r.body == "ok")
  }

  @Test func metricsCountRequestsByRoutePattern() throws {
    let server = try TestServer()
    defer { server.stop() }
    let c = server.client()
    _ = try c.get("/modules/fact-checking/01-why-verify")
    let r = try c.get("/metrics")
    #expect(r.status == 200)
    #expect(r.body.contains("/modules/:m/:lesson"))
    #expect(!r.body.contains("01-why-verify"))  // labels are patterns, never raw paths
    #expect(r.body.contains("_bucket"))
  }
}

@Suite(.serialized) struct PageCacheTests {
  @Test func cachedPublicPagesCarryEachVisitorsOwnCSRFToken() throws {
    let server = try TestServer()
    defer { server.stop() }
    let a = server.client()
    let b = server.client()
    let pageA = try a.get("/modules/fact-checking/01-why-verify")
    let pageB = try b.get("/modules/fact-checking/01-why-verify")
    let tokenA = try #require(a.cookies["relais_csrf"])
    let tokenB = try #require(b.cookies["relais_csrf"])
    #expect(tokenA != tokenB)
    #expect(pageA.body.contains("value=\"\(tokenA)\"") && !pageA.body.contains(tokenB))
    #expect(pageB.body.contains("value=\"\(tokenB)\"") && !pageB.body.contains(tokenA))
    #expect(!pageB.body.contains("\u{1}"))
    // The page with the token taken out is the same for both.
    #expect(
      pageA.body.replacingOccurrences(of: tokenA, with: "")
        == pageB.body.replacingOccurrences(of: tokenB, with: ""))
    // A signed-in learner gets their own page (the "Done" button), not the cached one.
    let learner = try server.learnerClient()
    #expect(try learner.get("/modules/fact-checking/01-why-verify").body.contains("/done"))
    #expect(!pageA.body.contains("/done"))
  }

  @Test func languageIsPartOfTheCacheKey() throws {
    let server = try TestServer()
    defer { server.stop() }
    let en = try server.client().get("/", headers: [("Accept-Language", "en")])
    let fr = try server.client().get("/", headers: [("Accept-Language", "fr")])
    #expect(en.body.contains("lang=\"en\""))
    #expect(fr.body.contains("lang=\"fr\""))
  }
}
