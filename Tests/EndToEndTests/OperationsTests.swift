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

  @Test func serveRefusesABadProxyListOrAShortMetricsToken() throws {
    let data = FileManager.default.temporaryDirectory.appendingPathComponent(
      "relais-options-\(UUID())")
    let proxy = try ServerProcess.run(
      ["serve", "--trust-proxy", "10.0.0.0/8,nonsense", "--port", "0", "--data", data.path])
    #expect(proxy.status != 0)
    #expect(proxy.output.contains("--trust-proxy: 'nonsense' is not an address or CIDR block"))
    let token = try ServerProcess.run(
      ["serve", "--metrics-token", "short", "--port", "0", "--data", data.path])
    #expect(token.status != 0)
    #expect(token.output.contains("--metrics-token needs at least 16 characters"))
  }

  @Test func healthzAnswersOK() throws {
    let server = try TestServer()
    defer { server.stop() }
    let r = try server.client().get("/healthz")
    #expect(r.status == 200)
    #expect(r.body == "ok")
  }

  @Test func metricsCountRequestsByRoutePattern() throws {
    let server = try TestServer(metricsToken: "a-metrics-token-for-the-tests")
    defer { server.stop() }
    let c = server.client()
    _ = try c.get("/modules/fact-checking/01-why-verify")
    let r = try c.get(
      "/metrics", headers: [("Authorization", "Bearer a-metrics-token-for-the-tests")])
    #expect(r.status == 200)
    #expect(r.body.contains("/modules/:m/:lesson"))
    #expect(!r.body.contains("01-why-verify"))  // labels are patterns, never raw paths
    #expect(r.body.contains("_bucket"))
    #expect(r.body.contains("relais_http_offload_threads_peak"))
    #expect(r.body.contains("relais_worker_restarts_total 0\n"))
  }

  /// Without a token configured /metrics does not exist, even for an admin on this machine;
  /// with one, only the right bearer token opens it.
  @Test func metricsNeedTheirToken() throws {
    let off = try TestServer()
    let admin = try off.adminClient()
    #expect(try admin.get("/metrics").status == 404)
    #expect(
      try off.client().get("/metrics", headers: [("Authorization", "Bearer ")]).status == 404)
    off.stop()
    let token = "a-metrics-token-for-the-tests"
    let on = try TestServer(metricsToken: token)
    defer { on.stop() }
    for wrong in [
      "", "Bearer", "Bearer ", "Bearer a-metrics-token-for-the-test", "bearer \(token)",
      "Basic \(token)", "Bearer \(token)x", "Bearer  \(token)",
    ] {
      let r = try on.client().get("/metrics", headers: [("Authorization", wrong)])
      #expect(r.status == 404, "\(wrong)")
    }
    #expect(try on.client().get("/metrics").status == 404)
    let r = try on.client().get("/metrics", headers: [("Authorization", "Bearer \(token)")])
    #expect(r.status == 200)
    #expect(r.body.contains("relais_http_requests_total"))
  }

  @Test func strictTransportSecurityOnlyWhenThePublicURLIsHTTPS() throws {
    let https = try TestServer(publicURL: "https://relais.example.org")
    for path in ["/", "/healthz", "/no-such-page"] {
      let r = try https.client().get(path)
      #expect(r.header("Strict-Transport-Security") == "max-age=31536000", "\(path)")
    }
    https.stop()
    let plain = try TestServer(publicURL: "http://relais.example.org")
    defer { plain.stop() }
    #expect(try plain.client().get("/").header("Strict-Transport-Security") == nil)
  }
}

/// Behind a reverse proxy, rate limits count the client the proxy names, never an address a
/// client makes up.
@Suite(.serialized) struct ProxyTests {
  static func failSignIn(_ server: TestServer, as client: String, handle: String) throws -> Int {
    let c = server.client()
    let xff = [("X-Forwarded-For", client)]
    _ = try c.get("/signin", headers: xff)
    guard let csrf = c.cookies["relais_csrf"] else { return 0 }
    let body = Array(
      "handle=\(handle)&passphrase=wrong&csrf=\(csrf)".utf8)
    return try c.send(
      "POST", "/signin",
      headers: xff + [
        ("Content-Type", "application/x-www-form-urlencoded"), ("Origin", c.origin),
      ], body: body
    ).status
  }

  @Test func behindATrustedProxyEachForwardedClientHasItsOwnLimit() throws {
    let server = try TestServer(trustProxy: ["127.0.0.1"])
    defer { server.stop() }
    for i in 0..<10 {
      #expect(try Self.failSignIn(server, as: "198.51.100.1", handle: "nobody\(i)") == 401)
    }
    #expect(try Self.failSignIn(server, as: "198.51.100.1", handle: "nobody-else") == 429)
    // Another learner behind the same proxy is not locked out with them.
    #expect(try Self.failSignIn(server, as: "198.51.100.2", handle: "someone") == 401)
    // A client cannot dodge its limit by claiming another address in front of the proxy's.
    #expect(
      try Self.failSignIn(server, as: "203.0.113.5, 198.51.100.1", handle: "again") == 429)
  }

  @Test func withoutTrustForwardedAddressesAreIgnored() throws {
    let server = try TestServer()
    defer { server.stop() }
    for i in 0..<10 {
      #expect(try Self.failSignIn(server, as: "198.51.100.\(i)", handle: "nobody\(i)") == 401)
    }
    #expect(try Self.failSignIn(server, as: "198.51.100.99", handle: "fresh") == 429)
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
