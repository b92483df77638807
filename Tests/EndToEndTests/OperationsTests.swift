import Testing

/// What operators rely on: health and metrics endpoints.
@Suite(.serialized) struct OperationsTests {
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
