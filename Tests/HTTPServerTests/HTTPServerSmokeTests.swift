import Testing

@testable import HTTPServer

@Suite struct ServingOverSockets {
  @Test func keepAliveServesTwoRequestsOnOneConnection() throws {
    try withServer(sampleRouter()) { port, _ in
      let c = try RawClient(port: port)
      c.send("GET /hello HTTP/1.1\r\nHost: x\r\n\r\n")
      let first = try #require(c.readResponse())
      #expect(first.status == 200)
      #expect(first.text == "hello")
      #expect(first.header("Content-Length") == "5")
      #expect(first.header("Date") != nil)
      #expect(first.header("Server") == "relais")
      c.send("GET /modules/fact-checking HTTP/1.1\r\nHost: x\r\n\r\n")
      let second = try #require(c.readResponse())
      #expect(second.text == "module fact-checking")
    }
  }

  @Test func headAnswersHeadersWithoutBody() throws {
    try withServer(sampleRouter()) { port, _ in
      let c = try RawClient(port: port)
      c.send("HEAD /hello HTTP/1.1\r\nHost: x\r\n\r\nGET /hello HTTP/1.1\r\nHost: x\r\n\r\n")
      let head = try #require(c.readResponse(head: true))
      #expect(head.status == 200)
      #expect(head.header("Content-Length") == "5")
      // Had the HEAD answer carried a body, this would read "hello" as a status line.
      let get = try #require(c.readResponse())
      #expect(get.text == "hello")
    }
  }

  @Test func unknownPathIs404AndWrongMethodIs405WithAllow() throws {
    try withServer(sampleRouter()) { port, _ in
      let c = try RawClient(port: port)
      c.send("GET /nope HTTP/1.1\r\nHost: x\r\n\r\n")
      #expect(c.readResponse()?.status == 404)
      c.send("DELETE /hello HTTP/1.1\r\nHost: x\r\n\r\n")
      let r = try #require(c.readResponse())
      #expect(r.status == 405)
      #expect(r.header("Allow") == "GET, HEAD")
    }
  }

  @Test func contentLengthBodyReachesHandler() throws {
    try withServer(sampleRouter()) { port, _ in
      let c = try RawClient(port: port)
      c.send("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 11\r\n\r\nhello world")
      let r = try #require(c.readResponse())
      #expect(r.status == 200)
      #expect(r.text == "hello world")
    }
  }

  @Test func malformedRequestGets400AndClose() throws {
    try withServer(sampleRouter()) { port, _ in
      let c = try RawClient(port: port)
      c.send("GET /hello HTTP/1.1\r\nHost x\r\n\r\n")
      let r = try #require(c.readResponse())
      #expect(r.status == 400)
      #expect(r.header("Connection") == "close")
      #expect(c.waitForClose())
    }
  }

  @Test func handlerHeadersCannotSplitTheResponseOrChangeFraming() throws {
    var router = Router()
    router.get("/evil") { _ in
      var h = HTTPHeaders()
      h.add("X-Note", "a\r\nSet-Cookie: stolen=1")
      h.add("Content-Length", "999")
      h.add("Transfer-Encoding", "chunked")
      return HTTPResponse(status: 200, headers: h, body: Array("body".utf8))
    }
    try withServer(router) { port, _ in
      let c = try RawClient(port: port)
      c.send("GET /evil HTTP/1.1\r\nHost: x\r\n\r\n")
      let r = try #require(c.readResponse())
      #expect(r.header("Set-Cookie") == nil)
      #expect(r.header("X-Note") == "aSet-Cookie: stolen=1")
      #expect(r.header("Content-Length") == "4")
      #expect(r.header("Transfer-Encoding") == nil)
      #expect(r.text == "body")
    }
  }
}
