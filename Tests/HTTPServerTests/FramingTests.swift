import Testing

@testable import HTTPServer

/// Each malformed request must get its status and a closed connection: once framing is in
/// doubt, nothing after it on the connection may be read as a request (no smuggling).
@Suite struct StrictFraming {
  static let refused: [(String, String, Int)] = [
    (
      "CL+TE",
      "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n",
      400
    ),
    (
      "differing CLs",
      "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\nContent-Length: 4\r\n\r\nabcd", 400
    ),
    ("signed CL", "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: +5\r\n\r\nhello", 400),
    ("CL list", "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 5, 5\r\n\r\nhello", 400),
    (
      "bad chunk size",
      "POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nhello\r\n0\r\n\r\n",
      400
    ),
    (
      "chunk without CRLF",
      "POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabcX\r\n0\r\n\r\n",
      400
    ),
    ("obs-fold", "GET /hello HTTP/1.1\r\nHost: x\r\nX-A: a\r\n  folded\r\n\r\n", 400),
    ("bare CR", "GET /hello HTTP/1.1\r\nHost: x\r\nX-A: a\rb\r\n\r\n", 400),
    ("bare LF", "GET /hello HTTP/1.1\nHost: x\n\n", 400),
    ("NUL in value", "GET /hello HTTP/1.1\r\nHost: x\r\nX-A: a\u{0}b\r\n\r\n", 400),
    ("no colon", "GET /hello HTTP/1.1\r\nHost: x\r\nNoColonHere\r\n\r\n", 400),
    ("space before colon", "GET /hello HTTP/1.1\r\nHost : x\r\n\r\n", 400),
    ("missing Host", "GET /hello HTTP/1.1\r\n\r\n", 400),
    ("duplicate Host", "GET /hello HTTP/1.1\r\nHost: x\r\nHost: y\r\n\r\n", 400),
    ("lowercase method", "get /hello HTTP/1.1\r\nHost: x\r\n\r\n", 400),
    ("bad version", "GET /hello HTTP/1.x\r\nHost: x\r\n\r\n", 400),
    ("HTTP/2 line", "GET /hello HTTP/2.0\r\nHost: x\r\n\r\n", 400),
    ("extra token", "GET /hello HTTP/1.1 extra\r\nHost: x\r\n\r\n", 400),
    ("TE not chunked", "POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip\r\n\r\n", 400),
    ("TE in HTTP/1.0", "POST /echo HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n", 400),
    ("traversal", "GET /static/../../etc/passwd HTTP/1.1\r\nHost: x\r\n\r\n", 400),
    ("encoded traversal", "GET /static/%2e%2e/%2e%2e/etc/passwd HTTP/1.1\r\nHost: x\r\n\r\n", 400),
    ("encoded slash", "GET /static/..%2f..%2fetc%2fpasswd HTTP/1.1\r\nHost: x\r\n\r\n", 400),
    ("backslash", "GET /static/..\\..\\etc\\passwd HTTP/1.1\r\nHost: x\r\n\r\n", 400),
    ("encoded NUL", "GET /hello%00.txt HTTP/1.1\r\nHost: x\r\n\r\n", 400),
    ("bad escape", "GET /hello%zz HTTP/1.1\r\nHost: x\r\n\r\n", 400),
    ("unknown method", "BREW /hello HTTP/1.1\r\nHost: x\r\n\r\n", 501),
    (
      "URI too long",
      "GET /" + String(repeating: "a", count: 9000) + " HTTP/1.1\r\nHost: x\r\n\r\n", 414
    ),
    (
      "header too large",
      "GET /hello HTTP/1.1\r\nHost: x\r\nX-Big: " + String(repeating: "b", count: 40_000)
        + "\r\n\r\n", 431
    ),
    (
      "too many fields",
      "GET /hello HTTP/1.1\r\nHost: x\r\n" + String(repeating: "X-A: 1\r\n", count: 101) + "\r\n",
      431
    ),
    (
      "body over route limit", "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 70000\r\n\r\n",
      413
    ),
  ]

  @Test(arguments: refused.indices)
  func malformedRequestIsRefusedAndConnectionCloses(_ index: Int) throws {
    let (name, raw, status) = Self.refused[index]
    try withServer(sampleRouter()) { port, _ in
      let c = try RawClient(port: port)
      // A smuggled second request must never be answered.
      c.send(raw + "GET /hello HTTP/1.1\r\nHost: x\r\n\r\n")
      let r = c.readResponse()
      #expect(r?.status == status, "\(name)")
      #expect(r?.header("Connection") == "close", "\(name)")
      #expect(c.waitForClose(), "\(name)")
    }
  }

  @Test func chunkedBodyOverRouteLimitIs413() throws {
    try withServer(sampleRouter()) { port, _ in
      let c = try RawClient(port: port)
      let chunk = String(repeating: "z", count: 40_000)
      c.send("POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n")
      c.send("9c40\r\n\(chunk)\r\n9c40\r\n\(chunk)\r\n0\r\n\r\n")
      #expect(c.readResponse()?.status == 413)
    }
  }

  @Test func chunkedBodyWithTrailersIsAssembled() throws {
    try withServer(sampleRouter()) { port, _ in
      let c = try RawClient(port: port)
      c.send(
        "POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
          + "5;ext=1\r\nhello\r\n6\r\n world\r\n0\r\nX-Checksum: abc\r\n\r\n"
          + "GET /hello HTTP/1.1\r\nHost: x\r\n\r\n")
      #expect(c.readResponse()?.text == "hello world")
      #expect(c.readResponse()?.text == "hello")
    }
  }

  @Test func chunkedBodyArrivingByteByByteIsAssembled() throws {
    try withServer(sampleRouter()) { port, _ in
      let c = try RawClient(port: port)
      let raw =
        "POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n"
      for b in raw.utf8 { c.send([b]) }
      #expect(c.readResponse()?.text == "abc")
    }
  }

  @Test func expectContinueGets100BeforeTheBody() throws {
    try withServer(sampleRouter()) { port, _ in
      let c = try RawClient(port: port)
      c.send("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 4\r\nExpect: 100-continue\r\n\r\n")
      #expect(c.readResponse()?.status == 100)
      c.send("ping")
      #expect(c.readResponse()?.text == "ping")
    }
  }

  @Test func expectContinueOnUnknownPathIsRefusedWithoutReadingBody() throws {
    try withServer(sampleRouter()) { port, _ in
      let c = try RawClient(port: port)
      c.send(
        "POST /nowhere HTTP/1.1\r\nHost: x\r\nContent-Length: 4\r\nExpect: 100-continue\r\n\r\n")
      #expect(c.readResponse()?.status == 404)
    }
  }

  @Test func http10ClosesByDefaultAndKeepsAliveWhenAsked() throws {
    try withServer(sampleRouter()) { port, _ in
      let a = try RawClient(port: port)
      a.send("GET /hello HTTP/1.0\r\n\r\n")
      let r = try #require(a.readResponse())
      #expect(r.text == "hello")
      #expect(r.header("Connection") == "close")
      #expect(a.waitForClose())
      let b = try RawClient(port: port)
      b.send("GET /hello HTTP/1.0\r\nConnection: keep-alive\r\n\r\n")
      #expect(b.readResponse()?.header("Connection") == "keep-alive")
      b.send("GET /hello HTTP/1.0\r\nConnection: keep-alive\r\n\r\n")
      #expect(b.readResponse()?.text == "hello")
    }
  }

  @Test func connectionCloseIsHonoured() throws {
    try withServer(sampleRouter()) { port, _ in
      let c = try RawClient(port: port)
      c.send("GET /hello HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
      #expect(c.readResponse()?.header("Connection") == "close")
      #expect(c.waitForClose())
    }
  }

  @Test func absoluteFormTargetIsRouted() throws {
    try withServer(sampleRouter()) { port, _ in
      let c = try RawClient(port: port)
      c.send("GET http://x/modules/abs?q=1 HTTP/1.1\r\nHost: x\r\n\r\n")
      #expect(c.readResponse()?.text == "module abs")
    }
  }
}
