import Academy
import HTTPServer
import Testing

@testable import Web

// What `App.dispatch` decides for every route, driven in process through `AppResponder`.

@Test func aFirstVisitGetsACSRFCookieAndSecurityHeaders() throws {
  let h = try AppHarness()
  defer { h.close() }
  let r = h.responder.respond(to: Visitor.request("GET", "/"))
  #expect(r.status == 200)
  let cookie = r.headers.values("Set-Cookie").first { $0.hasPrefix("relais_csrf=") }
  #expect(cookie?.contains("HttpOnly") == true)
  #expect(r.headers["Content-Security-Policy"] != nil)
  #expect(r.headers["X-Content-Type-Options"] == "nosniff")
}

@Test func postsNeedTheCookiesTokenAndOurOrigin() throws {
  let h = try AppHarness()
  defer { h.close() }
  let v = h.visitor()
  #expect(v.post("/language", ["lang": "fr", "csrf": "wrong"]).status == 403)
  #expect(
    v.post("/language", ["lang": "fr"], headers: [("Origin", "http://evil.test")]).status == 403)
  // Without Origin, a Referer on our origin will do; neither is refused.
  let referer = Visitor.request(
    "POST", "/language",
    headers: [
      ("Referer", "http://relais.test/modules"),
      ("Content-Type", "application/x-www-form-urlencoded"),
    ], body: Array("lang=fr&csrf=\(v.csrf)".utf8))
  #expect(v.send(referer).status == 303)
  let bare = Visitor.request(
    "POST", "/language", headers: [("Content-Type", "application/x-www-form-urlencoded")],
    body: Array("lang=fr&csrf=\(v.csrf)".utf8))
  #expect(v.send(bare).status == 403)
  let ok = v.post("/language", ["lang": "fr", "back": "/modules"])
  #expect(ok.status == 303)
  #expect(ok.location == "/modules")
  #expect(v.cookies["relais_lang"] == "fr")
  #expect(v.get("/modules").text.contains("lang=\"fr\""))
}

@Test func theRouteTableAdmitsOnlyItsRoles() throws {
  let h = try AppHarness()
  defer { h.close() }
  let anon = h.visitor()
  #expect(anon.get("/teach").status == 303)
  #expect(anon.get("/teach").location == "/signin")
  #expect(anon.post("/teach/modules", ["slug": "x"]).status == 403)
  let expected: [(Role, String, Int)] = [
    (.learner, "/me", 200), (.learner, "/teach", 403), (.learner, "/manage", 403),
    (.trainer, "/teach", 200), (.trainer, "/manage", 403), (.manager, "/manage", 200),
    (.manager, "/teach", 403), (.manager, "/admin", 403), (.admin, "/admin", 200),
    (.admin, "/teach", 200), (.admin, "/manage", 200),
  ]
  for (role, path, status) in expected {
    #expect(try h.visitor(role).get(path).status == status, "\(role) \(path)")
  }
}

@Test func unknownPathsAndMethodsAnswerLikeTheServer() throws {
  let h = try AppHarness()
  defer { h.close() }
  let v = h.visitor()
  #expect(v.get("/nowhere").status == 404)
  let put = v.send(Visitor.request("PUT", "/modules"))
  #expect(put.status == 405)
  #expect(put.headers["Allow"] == "GET, HEAD")
  // A page's own "not found" is the app's HTML, in the visitor's language.
  let missing = v.get("/modules/no-such-module")
  #expect(missing.status == 404)
  #expect(missing.isHTML)
}

@Test func signingOutEndsTheSessionItCarried() throws {
  let h = try AppHarness()
  defer { h.close() }
  let learner = try h.visitor(.learner)
  #expect(learner.get("/me").status == 200)
  #expect(learner.post("/signout").status == 303)
  #expect(learner.get("/me").status == 303)
}

@Test func streamedExportsAreReadWhole() throws {
  let h = try AppHarness()
  defer { h.close() }
  let csv = try h.visitor(.admin).get("/manage/export/attempts.csv")
  #expect(csv.status == 200)
  #expect(csv.streamFailure == nil)
  #expect(csv.text.hasPrefix("attempt_id,learner_id,name,module,kind,"))
}
