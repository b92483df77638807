import Academy
import Foundation
import Testing

@testable import Web

/// Security rules over real sockets: the route × role table, CSRF and Origin on every POST,
/// security headers everywhere, cookies' attributes, escaping of hostile input.
@Suite(.serialized) struct SecurityTests {
  static let roles: [Role?] = [nil, .learner, .trainer, .manager, .admin]

  /// A client holding a session for `role` (nil: anonymous) and a CSRF cookie.
  static func client(_ server: TestServer, _ role: Role?) throws -> TestHTTPClient {
    let c = server.client()
    _ = try c.get("/")  // receives the CSRF cookie
    if let role {
      let u = try server.academy.createUser(role: role, displayName: "\(role.rawValue) user")
      c.cookies["relais_session"] = try server.academy.startSession(userID: u.id)
    }
    return c
  }

  static func concrete(_ pattern: String) -> String {
    pattern.split(separator: "/").map { $0.hasPrefix(":") || $0.hasPrefix("*") ? "x0" : String($0) }
      .reduce("") { $0 + "/" + $1 }.ifEmpty("/")
  }

  @Test func everyRouteAnswersEveryRoleAsTheTableSays() throws {
    let server = try TestServer()
    defer { server.stop() }
    var checked = 0
    for route in server.app.routes {
      for role in Self.roles {
        let c = try Self.client(server, role)  // fresh: some routes sign out
        let path = Self.concrete(route.pattern)
        let reply = route.method == "GET" ? try c.get(path) : try c.post(path, [])
        let allowed = route.access.allows(role)
        let label = "\(route.method) \(route.pattern) as \(role?.rawValue ?? "anonymous")"
        if allowed {
          #expect(reply.status != 403, "\(label) should be allowed, got 403")
          #expect(
            !(reply.status == 303 && reply.location == "/signin"),
            "\(label) should not ask to sign in")
        } else if role == nil && route.method == "GET" {
          #expect(
            reply.status == 303 && reply.location == "/signin",
            "\(label) should go to sign-in, got \(reply.status)")
        } else {
          #expect(reply.status == 403, "\(label) should be 403, got \(reply.status)")
        }
        checked += 1
      }
    }
    #expect(checked == server.app.routes.count * Self.roles.count)
  }

  @Test func postWithoutCSRFTokenIsRefused() throws {
    let server = try TestServer()
    defer { server.stop() }
    let c = try Self.client(server, .learner)
    let r = try c.post("/language", [("lang", "fr"), ("back", "/")], csrf: false)
    #expect(r.status == 403)
    #expect(c.cookies["relais_lang"] == nil)
  }

  @Test func postWithWrongCSRFTokenIsRefused() throws {
    let server = try TestServer()
    defer { server.stop() }
    let c = try Self.client(server, .learner)
    let r = try c.post(
      "/language", [("lang", "fr"), ("csrf", String(repeating: "A", count: 43))], csrf: false)
    #expect(r.status == 403)
  }

  @Test func postFromAnotherOriginIsRefused() throws {
    let server = try TestServer()
    defer { server.stop() }
    let c = try Self.client(server, .learner)
    #expect(try c.post("/language", [("lang", "fr")], origin: "http://evil.example").status == 403)
    #expect(try c.post("/language", [("lang", "fr")]).status == 303)
  }

  @Test func everyResponseCarriesTheSecurityHeaders() throws {
    let server = try TestServer()
    defer { server.stop() }
    let c = server.client()
    for path in ["/", "/modules/fact-checking", "/no-such-page", Assets.cssPath, "/signin"] {
      let r = try c.get(path)
      let csp = r.header("Content-Security-Policy") ?? ""
      #expect(csp.contains("default-src 'self'"), "\(path)")
      #expect(csp.contains("frame-ancestors 'none'"), "\(path)")
      #expect(!csp.contains("unsafe-inline"), "\(path)")
      #expect(r.header("X-Content-Type-Options") == "nosniff", "\(path)")
      #expect(r.header("Referrer-Policy") == "same-origin", "\(path)")
      #expect(r.header("Permissions-Policy")?.contains("camera=()") == true, "\(path)")
    }
  }

  @Test func sessionCookieIsHttpOnlyLaxAndSecureBehindHTTPS() throws {
    let plain = try TestServer()
    let learner = try plain.learnerClient()
    _ = learner
    plain.stop()
    let server = try TestServer(publicURL: "https://relais.example.org")
    defer { server.stop() }
    let admin = try server.academy.ensureAdmin()
    let token = try server.academy.createSignInLink(userID: admin.id, createdBy: nil)
    let c = server.client()
    _ = try c.get("/signin/link/\(token)")
    let r = try c.post("/signin/link/\(token)", [], origin: "https://relais.example.org")
    let cookie = try #require(
      r.headers.first { $0.0 == "Set-Cookie" && $0.1.hasPrefix("relais_session=") }?.1)
    #expect(cookie.contains("HttpOnly"))
    #expect(cookie.contains("SameSite=Lax"))
    #expect(cookie.contains("Path=/"))
    #expect(cookie.contains("Secure"))
  }

  @Test func signInRotatesTheSessionAndSignOutRemovesIt() throws {
    let server = try TestServer()
    defer { server.stop() }
    let u = try server.academy.createUser(role: .trainer, displayName: "Trainer")
    try server.academy.setPassphrase(
      userID: u.id, handle: "trainer1", passphrase: "correct horse battery")
    let c = try Self.client(server, nil)
    c.cookies["relais_session"] = "planted-by-attacker"
    let r = try c.post(
      "/signin", [("handle", "trainer1"), ("passphrase", "correct horse battery")])
    #expect(r.status == 303)
    let token = try #require(c.cookies["relais_session"])
    #expect(token != "planted-by-attacker")
    #expect(token.count >= 43)
    #expect(try server.academy.session(token: token)?.user.id == u.id)
    // Only the hash is stored.
    let stored = try server.academy.database.read {
      try $0.query("SELECT token_hash FROM sessions").compactMap { $0.string("token_hash") }
    }
    #expect(!stored.contains(token))
    _ = try c.post("/signout", [])
    #expect(try server.academy.session(token: token) == nil)
  }

  @Test func signInIsRateLimited() throws {
    let server = try TestServer()
    defer { server.stop() }
    let c = try Self.client(server, nil)
    var statuses: [Int] = []
    for _ in 0..<12 {
      statuses.append(
        try c.post("/signin", [("handle", "nobody"), ("passphrase", "wrong passphrase!")]).status)
    }
    #expect(statuses.prefix(10).allSatisfy { $0 == 401 })
    #expect(statuses.last == 429)
    #expect(
      try c.post("/signin", [("handle", "nobody"), ("passphrase", "x")]).body.contains(
        "Too many attempts"))
  }

  @Test func hostileDisplayNamesAreInert() throws {
    let server = try TestServer()
    defer { server.stop() }
    let payload = "<script>alert(1)</script>\"'><img src=x onerror=alert(2)>"
    let learner = try server.learnerClient(name: payload)
    let quiz = try learner.get("/modules/fact-checking/quiz")
    let r = try learner.post(
      "/modules/fact-checking/quiz",
      try LearnerPathTests.answers(for: quiz.body, server: server, right: false))
    for path in ["/", "/modules/fact-checking", try #require(r.location)] {
      let body = try learner.get(path).body
      #expect(!body.contains("<script>alert"), "\(path)")
      #expect(!body.contains("<img src=x"), "\(path)")
    }
    let queryReply = try learner.get("/?q=%3Cscript%3Ealert(1)%3C/script%3E")
    #expect(!queryReply.body.contains("<script>alert"))
  }
}

extension String {
  func ifEmpty(_ other: String) -> String { isEmpty ? other : self }
}
