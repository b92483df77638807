import Testing

@testable import HTTPServer

@Suite struct RequestHelpers {
  static func router() -> Router {
    var router = Router()
    router.get("/q") { req in
      .text(
        req.queryItems.map { "\($0.0)=\($0.1)" }.joined(separator: "|") + ";"
          + (req.query("b") ?? "nil"))
    }
    router.post("/form", offload: false) { req in
      .text(req.formFields().map { "\($0.0)=\($0.1)" }.joined(separator: "|"))
    }
    router.post("/upload", offload: false) { req in
      let parts = req.multipartParts() ?? []
      return .text(
        parts.map { "\($0.name):\($0.filename ?? "-"):\($0.contentType ?? "-"):\($0.text)" }
          .joined(separator: "|"))
    }
    router.get("/cookies") { req in
      .text(
        req.cookies.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(
          separator: "|"))
    }
    router.get("/login") { _ in
      var r = HTTPResponse.text("ok")
      r.setCookie(
        SetCookie(name: "session", value: "abc123", maxAge: 3600, secure: true, sameSite: .strict))
      return r
    }
    return router
  }

  @Test func queryItemsAreDecodedInOrder() throws {
    try withServer(Self.router()) { port, _ in
      let c = try RawClient(port: port)
      c.send("GET /q?a=1&b=two+words&c=%C3%A9t%C3%A9&flag&b=again HTTP/1.1\r\nHost: x\r\n\r\n")
      #expect(c.readResponse()?.text == "a=1|b=two words|c=été|flag=|b=again;two words")
    }
  }

  @Test func urlEncodedFormFieldsAreDecoded() throws {
    try withServer(Self.router()) { port, _ in
      let c = try RawClient(port: port)
      let body = "name=Ama+K.&note=50%25+sure%21&empty="
      c.send(
        "POST /form HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\n"
          + "Content-Length: \(body.utf8.count)\r\n\r\n\(body)")
      #expect(c.readResponse()?.text == "name=Ama K.|note=50% sure!|empty=")
    }
  }

  @Test func multipartPartsCarryNameFilenameTypeAndBytes() throws {
    try withServer(Self.router()) { port, _ in
      let c = try RawClient(port: port)
      let body =
        "--XyZ\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\nMy \"post\"\r\n"
        + "--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a b.txt\"\r\n"
        + "Content-Type: text/plain\r\n\r\nline1\r\nline2\r\n--XyZ--\r\n"
      c.send(
        "POST /upload HTTP/1.1\r\nHost: x\r\nContent-Type: multipart/form-data; boundary=\"XyZ\"\r\n"
          + "Content-Length: \(body.utf8.count)\r\n\r\n\(body)")
      #expect(
        c.readResponse()?.text
          == "title:-:-:My \"post\"|file:a b.txt:text/plain:line1\r\nline2")
      c.send(
        "POST /form HTTP/1.1\r\nHost: x\r\nContent-Type: multipart/form-data; boundary=XyZ\r\n"
          + "Content-Length: \(body.utf8.count)\r\n\r\n\(body)")
      #expect(c.readResponse()?.text == "title=My \"post\"")
    }
  }

  @Test func malformedMultipartGivesNoParts() {
    let req = HTTPRequest(
      method: "POST", path: "/",
      headers: HTTPHeaders([("Content-Type", "multipart/form-data; boundary=b")]),
      body: Array("--b\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nno end".utf8))
    #expect(req.multipartParts() == nil)
  }

  @Test func cookiesAreParsedFromEveryCookieHeader() throws {
    try withServer(Self.router()) { port, _ in
      let c = try RawClient(port: port)
      c.send(
        "GET /cookies HTTP/1.1\r\nHost: x\r\nCookie: a=1; b=\"quoted\"\r\nCookie: c=3; a=shadowed\r\n\r\n"
      )
      #expect(c.readResponse()?.text == "a=1|b=quoted|c=3")
    }
  }

  @Test func setCookieCarriesItsAttributes() throws {
    try withServer(Self.router()) { port, _ in
      let c = try RawClient(port: port)
      c.send("GET /login HTTP/1.1\r\nHost: x\r\n\r\n")
      #expect(
        c.readResponse()?.header("Set-Cookie")
          == "session=abc123; Path=/; Max-Age=3600; HttpOnly; Secure; SameSite=Strict")
    }
  }

  @Test func setCookieCannotBeInjectedAndExpiresIsAnHTTPDate() {
    let cookie = SetCookie(name: "s", value: "a;b\r\nX: y", expires: 0, sameSite: nil)
    #expect(
      cookie.headerValue == "s=abX:y; Path=/; Expires=Thu, 01 Jan 1970 00:00:00 GMT; HttpOnly")
    #expect(SetCookie.expired("s").headerValue.contains("Max-Age=0"))
  }
}
