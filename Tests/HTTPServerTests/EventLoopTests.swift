import Dispatch
import Glibc
import Testing

@testable import HTTPServer

@Suite struct EventLoopBehaviour {
  @Test func pipelinedRequestsAreAnsweredInOrderEvenWhenOneIsOffloaded() throws {
    try withServer(sampleRouter()) { port, _ in
      let c = try RawClient(port: port)
      c.send(
        "GET /modules/a HTTP/1.1\r\nHost: x\r\n\r\n"
          + "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\n\r\nmid"
          + "GET /modules/c HTTP/1.1\r\nHost: x\r\n\r\n")
      #expect(c.readResponse()?.text == "module a")
      #expect(c.readResponse()?.text == "mid")
      #expect(c.readResponse()?.text == "module c")
    }
  }

  @Test func offloadedHandlerDoesNotBlockTheLoop() throws {
    // One loop: if the offloaded handler ran on it, the GET below could never be answered
    // and the handler would wait forever for it.
    let answered = DispatchSemaphore(value: 0)
    var router = sampleRouter()
    router.post("/slow") { _ in
      let ok = answered.wait(timeout: .now() + 5) == .success
      return .text(ok ? "after" : "loop was blocked")
    }
    try withServer(router, configure: { $0.eventLoopCount = 1 }) { port, _ in
      let slow = try RawClient(port: port)
      slow.send("POST /slow HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n")
      let fast = try RawClient(port: port)
      fast.send("GET /hello HTTP/1.1\r\nHost: x\r\n\r\n")
      #expect(fast.readResponse()?.text == "hello")
      answered.signal()
      #expect(slow.readResponse()?.text == "after")
    }
  }

  @Test func thousandIdleKeepAliveConnectionsCostNoThreadEach() throws {
    try withServer(sampleRouter()) { port, server in
      let threadsBefore = Self.threadCount()
      var clients: [RawClient] = []
      for _ in 0..<1000 {
        let c = try RawClient(port: port)
        c.send("GET /hello HTTP/1.1\r\nHost: x\r\n\r\n")
        clients.append(c)
      }
      for c in clients { #expect(c.readResponse()?.status == 200) }
      #expect(server.openConnections == 1000)
      #expect(Self.threadCount() - threadsBefore < 20)
      let late = try RawClient(port: port)
      late.send("GET /hello HTTP/1.1\r\nHost: x\r\n\r\n")
      #expect(late.readResponse()?.text == "hello")
      // And the idle ones still work.
      clients[500].send("GET /modules/again HTTP/1.1\r\nHost: x\r\n\r\n")
      #expect(clients[500].readResponse()?.text == "module again")
    }
  }

  @Test func largeResponseIsSentCompletelyThroughPartialWrites() throws {
    var router = Router()
    let big = [UInt8](repeating: UInt8(ascii: "a"), count: 3_000_000)
    router.get("/big") { _ in HTTPResponse(status: 200, body: big) }
    try withServer(router) { port, _ in
      let c = try RawClient(port: port)
      c.send("GET /big HTTP/1.1\r\nHost: x\r\n\r\nGET /big HTTP/1.1\r\nHost: x\r\n\r\n")
      #expect(c.readResponse()?.body.count == big.count)
      #expect(c.readResponse()?.body.count == big.count)
    }
  }

  static func threadCount() -> Int {
    guard let dir = opendir("/proc/self/task") else { return 0 }
    defer { closedir(dir) }
    var n = 0
    while let e = readdir(dir) {
      if e.pointee.d_name.0 != UInt8(ascii: ".") { n += 1 }
    }
    return n
  }
}
