import Dispatch
import Glibc
import Testing

@testable import HTTPServer

@Suite struct Robustness {
  @Test func headersThatNeverEndGet408AndClose() throws {
    try withServer(sampleRouter(), configure: { $0.headerTimeoutSeconds = 1 }) { port, _ in
      let c = try RawClient(port: port)
      c.send("GET /hello HTTP/1.1\r\nHost: x\r\n")
      #expect(c.readResponse()?.status == 408)
      #expect(c.waitForClose())
    }
  }

  @Test func trickledHeadersStillTimeOutOnTotalTime() throws {
    // Slowloris: a byte now and then resets no clock; the header deadline is absolute.
    try withServer(sampleRouter(), configure: { $0.headerTimeoutSeconds = 1 }) { port, _ in
      let c = try RawClient(port: port)
      var closed = false
      for b in "GET /hello HTTP/1.1\r\nHost: x\r\nX-Slow: aaaaaaaaaaaa".utf8 {
        c.send([b])
        usleep(200_000)
        var probe = pollfd(fd: c.fd, events: Int16(POLLIN), revents: 0)
        if poll(&probe, 1, 0) > 0 {
          closed = true
          break
        }
      }
      #expect(closed)
      #expect(c.readResponse()?.status == 408)
    }
  }

  @Test func stalledBodyTimesOut() throws {
    try withServer(sampleRouter(), configure: { $0.bodyIdleTimeoutSeconds = 1 }) { port, _ in
      let c = try RawClient(port: port)
      c.send("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\nabc")
      #expect(c.readResponse()?.status == 408)
      #expect(c.waitForClose())
    }
  }

  @Test func idleKeepAliveConnectionIsClosed() throws {
    try withServer(sampleRouter(), configure: { $0.keepAliveIdleSeconds = 1 }) { port, server in
      let c = try RawClient(port: port)
      c.send("GET /hello HTTP/1.1\r\nHost: x\r\n\r\n")
      #expect(c.readResponse()?.status == 200)
      #expect(c.waitForClose())
      #expect(server.openConnections == 0)
    }
  }

  @Test func slowClientsDoNotStopOthersBeingServed() throws {
    try withServer(sampleRouter()) { port, _ in
      var slow: [RawClient] = []
      for _ in 0..<100 {
        let c = try RawClient(port: port)
        c.send("GET /hello HTTP/1.1\r\nHost: x\r\nX-")
        slow.append(c)
      }
      for _ in 0..<20 {
        let c = try RawClient(port: port, timeoutSeconds: 2)
        c.send("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n")
        #expect(c.readResponse()?.text == "ok")
      }
    }
  }

  @Test func connectionsPastTheCapGet503() throws {
    try withServer(sampleRouter(), configure: { $0.maxConnections = 2 }) { port, _ in
      var a: RawClient? = try RawClient(port: port)
      let b = try RawClient(port: port)
      a?.send("GET /hello HTTP/1.1\r\nHost: x\r\n\r\n")
      b.send("GET /hello HTTP/1.1\r\nHost: x\r\n\r\n")
      #expect(a?.readResponse()?.status == 200)
      #expect(b.readResponse()?.status == 200)
      let c = try RawClient(port: port)
      #expect(c.readResponse()?.status == 503)
      // Freed slots are usable again.
      a?.send("GET /hello HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
      #expect(a?.readResponse()?.status == 200)
      #expect(a?.waitForClose() == true)
      a = nil  // our close ends the server's lingering close and frees the slot
      usleep(100_000)
      let d = try RawClient(port: port)
      d.send("GET /hello HTTP/1.1\r\nHost: x\r\n\r\n")
      #expect(d.readResponse()?.status == 200)
    }
  }

  @Test func shutdownFinishesInFlightRequestClosesIdleAndStops() throws {
    let release = DispatchSemaphore(value: 0)
    var router = sampleRouter()
    router.post("/slow") { _ in
      _ = release.wait(timeout: .now() + 5)
      return .text("finished")
    }
    var config = ServerConfiguration()
    config.port = 0
    let server = HTTPServer(configuration: config, router: router)
    let port = try server.start()
    let idle = try RawClient(port: port)
    idle.send("GET /hello HTTP/1.1\r\nHost: x\r\n\r\n")
    #expect(idle.readResponse()?.status == 200)
    let busy = try RawClient(port: port)
    busy.send("POST /slow HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n")
    usleep(100_000)
    server.shutdown()
    #expect(idle.waitForClose())
    release.signal()
    let r = try #require(busy.readResponse())
    #expect(r.text == "finished")
    #expect(r.header("Connection") == "close")
    server.wait()
    #expect((try? RawClient(port: port)) == nil)
  }

  @Test func shutdownForceClosesWhatOutlivesTheGrace() throws {
    var config = ServerConfiguration()
    config.port = 0
    config.shutdownGraceSeconds = 0.5
    let server = HTTPServer(configuration: config, router: sampleRouter())
    let port = try server.start()
    let stuck = try RawClient(port: port)
    stuck.send("GET /hello HTTP/1.1\r\nHost: x\r\n")
    usleep(100_000)
    server.shutdown()
    server.wait()
    #expect(stuck.waitForClose())
  }
}

@Suite struct EarlyRefusals {
  @Test func connectionThatNeverSendsIsClosedAfterTheHeaderTimeout() throws {
    try withServer(
      sampleRouter(),
      configure: {
        $0.headerTimeoutSeconds = 1
        $0.keepAliveIdleSeconds = 60
      }
    ) { port, _ in
      let c = try RawClient(port: port, timeoutSeconds: 5)
      #expect(c.waitForClose())
    }
  }

  @Test func oversizedContentLengthWith100ContinueIsRefusedWithoutContinue() throws {
    try withServer(sampleRouter()) { port, _ in
      let c = try RawClient(port: port)
      c.send(
        "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 999999\r\nExpect: 100-continue\r\n\r\n")
      #expect(c.readResponse()?.status == 413)
      #expect(c.waitForClose())
    }
  }

  @Test func http10ClientGetsNo100Continue() throws {
    try withServer(sampleRouter()) { port, _ in
      let c = try RawClient(port: port)
      c.send("POST /echo HTTP/1.0\r\nContent-Length: 2\r\nExpect: 100-continue\r\n\r\nhi")
      let r = try #require(c.readResponse())
      #expect(r.status == 200)
      #expect(r.text == "hi")
    }
  }
}
