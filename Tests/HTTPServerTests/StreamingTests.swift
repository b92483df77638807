import Dispatch
import Glibc
import Synchronization
import Testing

@testable import HTTPServer

/// Streamed bodies over real sockets: framing, backpressure, failures, ordering.
@Suite struct Streaming {
  static let csvType = HTTPHeaders([("Content-Type", "text/csv; charset=utf-8")])

  /// The CSV a test export produces: `rows` lines of varying length.
  static func csvLine(_ i: Int) -> String {
    "\(i),learner-\(i),\(String(repeating: "x", count: i % 97)),\(i * 7 % 13)\n"
  }

  static func csv(rows: Int) -> [UInt8] {
    var out: [UInt8] = []
    for i in 0..<rows { out.append(contentsOf: csvLine(i).utf8) }
    return out
  }

  static func exportRouter(rows: Int) -> Router {
    var router = Router()
    router.get("/export.csv", offload: true) { _ in
      HTTPResponse(headers: csvType) { out in
        for i in 0..<rows { try out.write(csvLine(i)) }
      }
    }
    router.get("/hello") { _ in .text("hello") }
    return router
  }

  /// Splits raw bytes at the end of the header section.
  static func splitHead(_ bytes: [UInt8]) -> (head: String, body: [UInt8])? {
    guard bytes.count >= 4 else { return nil }
    for i in 0...(bytes.count - 4)
    where bytes[i] == 13 && bytes[i + 1] == 10 && bytes[i + 2] == 13 && bytes[i + 3] == 10 {
      return (String(decoding: bytes[0..<i], as: UTF8.self), Array(bytes[(i + 4)...]))
    }
    return nil
  }

  @Test func chunkedFramingIsExactCoalescesSmallWritesAndSkipsEmptyOnes() throws {
    var router = Router()
    router.get("/small") { _ in
      HTTPResponse(headers: Self.csvType) { out in
        try out.write("a")
        try out.write([UInt8]())
        try out.write("bc")
        try out.flush()
        try out.write("")
        try out.flush()
        try out.write(Array(", world".utf8))
      }
    }
    router.get("/empty") { _ in HTTPResponse { _ in } }
    try withServer(router) { port, _ in
      let c = try RawClient(port: port)
      c.send("GET /small HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
      let (head, body) = try #require(Self.splitHead(c.readToEnd()))
      #expect(head.hasPrefix("HTTP/1.1 200 OK\r\n"))
      #expect(head.contains("\r\nTransfer-Encoding: chunked"))
      #expect(!head.lowercased().contains("content-length"))
      #expect(String(decoding: body, as: UTF8.self) == "3\r\nabc\r\n7\r\n, world\r\n0\r\n\r\n")

      let e = try RawClient(port: port)
      e.send("GET /empty HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
      let (_, emptyBody) = try #require(Self.splitHead(e.readToEnd()))
      #expect(String(decoding: emptyBody, as: UTF8.self) == "0\r\n\r\n")
    }
  }

  @Test func largeExportArrivesCompleteAndIsLoggedWithItsBodyBytes() throws {
    let rows = 60_000  // about 4 MB
    let expected = Self.csv(rows: rows)
    let log = Mutex<[AccessLogEntry]>([])
    try withServer(
      Self.exportRouter(rows: rows),
      configure: { config in config.accessLog = { entry in log.withLock { $0.append(entry) } } }
    ) { port, _ in
      let c = try RawClient(port: port)
      c.send("GET /export.csv HTTP/1.1\r\nHost: x\r\n\r\n")
      let r = try #require(c.readResponse())
      #expect(r.status == 200)
      #expect(r.header("Content-Type") == "text/csv; charset=utf-8")
      #expect(r.body.count == expected.count)
      let same = r.body == expected
      #expect(same, "body differs")
      // The connection stays usable after the stream.
      c.send("GET /hello HTTP/1.1\r\nHost: x\r\n\r\n")
      #expect(c.readResponse()?.text == "hello")
      let entry = try #require(log.withLock { $0.first { $0.path == "/export.csv" } })
      #expect(entry.bytes == expected.count)
      #expect(entry.complete)
      #expect(entry.status == 200)
    }
  }

  @Test func http10ClientGetsTheRawBodyThenAClose() throws {
    let expected = Self.csv(rows: 2_000)
    try withServer(Self.exportRouter(rows: 2_000)) { port, _ in
      let c = try RawClient(port: port)
      c.send("GET /export.csv HTTP/1.0\r\nConnection: keep-alive\r\n\r\n")
      let (head, body) = try #require(Self.splitHead(c.readToEnd()))
      #expect(head.hasPrefix("HTTP/1.0 200 OK\r\n"))
      #expect(head.contains("\r\nConnection: close"))
      #expect(!head.lowercased().contains("transfer-encoding"))
      #expect(!head.lowercased().contains("content-length"))
      let same = body == expected
      #expect(same, "body differs")
      #expect(c.closed && !c.timedOut && !c.reset)
    }
  }

  @Test func headGetsTheHeaderOnlyAndTheProducerDoesNotRun() throws {
    let runs = Atomic<Int>(0)
    var router = Router()
    router.get("/export.csv") { _ in
      HTTPResponse(headers: Self.csvType) { out in
        runs.add(1, ordering: .relaxed)
        try out.write("a,b\n")
      }
    }
    router.get("/hello") { _ in .text("hello") }
    try withServer(router) { port, _ in
      let c = try RawClient(port: port)
      c.send(
        "HEAD /export.csv HTTP/1.1\r\nHost: x\r\n\r\nGET /hello HTTP/1.1\r\nHost: x\r\n\r\n")
      let head = try #require(c.readResponse(head: true))
      #expect(head.status == 200)
      #expect(head.header("Transfer-Encoding") == "chunked")
      #expect(head.header("Content-Length") == nil)
      // Had any body bytes followed the HEAD answer, this would not parse as "hello".
      #expect(c.readResponse()?.text == "hello")
      c.send("GET /export.csv HTTP/1.1\r\nHost: x\r\n\r\n")
      #expect(c.readResponse()?.text == "a,b\n")
      #expect(runs.load(ordering: .relaxed) == 1)
    }
  }

  @Test func streamsPastTheLimitGet503AndTheSlotComesBackWhenOneEnds() throws {
    let release = DispatchSemaphore(value: 0)
    var router = Router()
    router.get("/export.csv") { _ in
      HTTPResponse(headers: Self.csvType) { out in
        try out.write("first\n")
        try out.flush()
        release.wait()
        try out.write("last\n")
      }
    }
    try withServer(router, configure: { $0.maxStreams = 1 }) { port, _ in
      let a = try RawClient(port: port)
      a.send("GET /export.csv HTTP/1.1\r\nHost: x\r\n\r\n")
      // The first chunk arrives: a's stream holds the only slot.
      let started = try #require(a.readUntil("first"))
      #expect(started.contains("200"))
      let b = try RawClient(port: port)
      b.send("GET /export.csv HTTP/1.1\r\nHost: x\r\n\r\n")
      let refused = try #require(b.readResponse())
      #expect(refused.status == 503 && refused.header("Retry-After") == "5")
      // HEAD runs no producer, so it needs no slot.
      b.send("HEAD /export.csv HTTP/1.1\r\nHost: x\r\n\r\n")
      #expect(b.readResponse(head: true)?.status == 200)
      release.signal()
      #expect(a.readUntil("0\r\n\r\n") != nil)
      // The slot comes back when the server has finished a's stream, which can be a moment
      // after a has read its last byte: ask again while the answer is still "busy".
      release.signal()
      var text: String?
      for _ in 0..<200 {
        b.send("GET /export.csv HTTP/1.1\r\nHost: x\r\n\r\n")
        let r = b.readResponse()
        if r?.status == 503 {
          usleep(10_000)
          continue
        }
        text = r?.text
        break
      }
      #expect(text == "first\nlast\n")
    }
  }

  struct ExportFailed: Error {}

  @Test func producerErrorTruncatesTheChunkedBodyAndClosesTheConnection() throws {
    let log = Mutex<[AccessLogEntry]>([])
    var router = Router()
    router.get("/broken.csv", offload: true) { _ in
      HTTPResponse(headers: Self.csvType) { out in
        try out.write("partial")
        try out.flush()
        throw ExportFailed()
      }
    }
    try withServer(
      router, configure: { config in config.accessLog = { e in log.withLock { $0.append(e) } } }
    ) { port, server in
      let c = try RawClient(port: port)
      c.send("GET /broken.csv HTTP/1.1\r\nHost: x\r\n\r\n")
      let (head, body) = try #require(Self.splitHead(c.readToEnd()))
      #expect(head.hasPrefix("HTTP/1.1 200 OK\r\n"))
      // The data that was produced arrives, the last chunk never does, then the close.
      #expect(String(decoding: body, as: UTF8.self) == "7\r\npartial\r\n")
      #expect(c.closed && !c.timedOut)
      #expect(server.shared.metrics.streamsFailed.load(ordering: .relaxed) == 1)
      #expect(server.prometheusText().contains("relais_http_streams_failed_total 1\n"))
      let entry = try #require(log.withLock { $0.first })
      #expect(!entry.complete)
      #expect(entry.bytes == 7)
    }
  }

  @Test func producerErrorResetsAnHTTP10Connection() throws {
    var router = Router()
    router.get("/broken.csv") { _ in
      HTTPResponse(headers: Self.csvType) { out in
        try out.write("partial")
        throw ExportFailed()
      }
    }
    try withServer(router) { port, _ in
      let c = try RawClient(port: port)
      c.send("GET /broken.csv HTTP/1.0\r\n\r\n")
      _ = c.readToEnd()
      // A clean close would pass a cut raw body off as the whole of it.
      #expect(c.reset)
    }
  }

  @Test func clientLeavingMidwayMakesTheProducersWriteFail() throws {
    let stopped = DispatchSemaphore(value: 0)
    let failure = Mutex<(any Error)?>(nil)
    var router = Router()
    router.get("/endless.csv", offload: true) { _ in
      HTTPResponse(headers: Self.csvType) { out in
        defer { stopped.signal() }
        let line = String(repeating: "y", count: 999) + "\n"
        do {
          while true { try out.write(line) }
        } catch {
          failure.withLock { $0 = error }
          throw error
        }
      }
    }
    try withServer(router) { port, server in
      var c: RawClient? = try RawClient(port: port)
      c?.send("GET /endless.csv HTTP/1.1\r\nHost: x\r\n\r\n")
      #expect(c?.readBytes(100_000).count == 100_000)
      c = nil  // closes with unread data: the server's next send fails
      #expect(stopped.wait(timeout: .now() + 10) == .success)
      let error = try #require(failure.withLock { $0 })
      #expect((error as? ResponseStreamError) == .clientGone)
      #expect(server.shared.metrics.streamsCancelled.load(ordering: .relaxed) == 1)
      #expect(server.shared.metrics.streamsFailed.load(ordering: .relaxed) == 0)
    }
  }

  @Test func requestPipelinedBehindAStreamIsAnsweredAfterIt() throws {
    var router = Router()
    router.get("/slow.csv", offload: true) { _ in
      HTTPResponse(headers: Self.csvType) { out in
        try out.write("first\n")
        try out.flush()
        // Time enough for a server that did not wait to answer the next request in between.
        usleep(200_000)
        try out.write("second\n")
      }
    }
    router.get("/hello") { _ in .text("hello") }
    try withServer(router) { port, _ in
      let c = try RawClient(port: port)
      c.send(
        "GET /slow.csv HTTP/1.1\r\nHost: x\r\n\r\nGET /hello HTTP/1.1\r\nHost: x\r\n\r\n"
          + "GET /slow.csv HTTP/1.1\r\nHost: x\r\n\r\n")
      #expect(c.readResponse()?.text == "first\nsecond\n")
      #expect(c.readResponse()?.text == "hello")
      #expect(c.readResponse()?.text == "first\nsecond\n")
    }
  }

  @Test func slowReaderNeverHasMoreThanTheBoundQueued() throws {
    let total = 50 * 1024 * 1024
    var router = Router()
    router.get("/huge.csv", offload: true) { _ in
      HTTPResponse(headers: Self.csvType) { out in
        let line = Array((String(repeating: "z", count: 1023) + "\n").utf8)
        for _ in 0..<(total / line.count) { try out.write(line) }
      }
    }
    try withServer(router) { port, server in
      let peak = { server.shared.metrics.streamPeakUnsent.load(ordering: .relaxed) }
      let c = try RawClient(port: port, timeoutSeconds: 20)
      c.send("GET /huge.csv HTTP/1.1\r\nHost: x\r\n\r\n")
      // Not reading: the socket buffers fill, then the producer must wait at the bound.
      let waits = { server.shared.metrics.streamWaits.load(ordering: .relaxed) }
      for _ in 0..<200 where waits() == 0 { usleep(50_000) }
      #expect(waits() > 0)
      #expect(peak() > 0)
      #expect(peak() <= StreamChannel.maxUnsent)
      let r = try #require(c.readResponse())
      #expect(r.body.count == total)
      #expect(peak() <= StreamChannel.maxUnsent)
    }
  }

  @Test func shutdownWaitsForAStreamInFlight() throws {
    let resume = DispatchSemaphore(value: 0)
    var router = Router()
    router.get("/export.csv", offload: true) { _ in
      HTTPResponse(headers: Self.csvType) { out in
        try out.write("before\n")
        try out.flush()
        _ = resume.wait(timeout: .now() + 5)
        try out.write("after\n")
      }
    }
    var config = ServerConfiguration()
    config.port = 0
    config.eventLoopCount = 1
    let server = HTTPServer(configuration: config, router: router)
    let port = try server.start()
    let c = try RawClient(port: port)
    c.send("GET /export.csv HTTP/1.1\r\nHost: x\r\n\r\n")
    #expect(String(decoding: c.readBytes(1), as: UTF8.self) == "H")
    server.shutdown()
    // The loop has begun draining once its listener is gone; only then may the stream go on.
    for _ in 0..<100 where (try? RawClient(port: port)) != nil { usleep(20_000) }
    #expect((try? RawClient(port: port)) == nil)
    resume.signal()
    let (_, body) = try #require(Self.splitHead(Array("H".utf8) + c.readToEnd()))
    #expect(String(decoding: body, as: UTF8.self) == "7\r\nbefore\n\r\n6\r\nafter\n\r\n0\r\n\r\n")
    #expect(c.closed && !c.timedOut)
    server.wait()
  }

  @Test func shutdownDeadlineStopsAProducerWhoseClientDoesNotRead() throws {
    let stopped = DispatchSemaphore(value: 0)
    var router = Router()
    router.get("/endless.csv", offload: true) { _ in
      HTTPResponse(headers: Self.csvType) { out in
        defer { stopped.signal() }
        while true { try out.write(String(repeating: "w", count: 1000) + "\n") }
      }
    }
    var config = ServerConfiguration()
    config.port = 0
    config.shutdownGraceSeconds = 1
    let server = HTTPServer(configuration: config, router: router)
    let port = try server.start()
    let c = try RawClient(port: port)
    c.send("GET /endless.csv HTTP/1.1\r\nHost: x\r\n\r\n")
    let waits = { server.shared.metrics.streamWaits.load(ordering: .relaxed) }
    for _ in 0..<200 where waits() == 0 { usleep(50_000) }
    #expect(waits() > 0)
    server.shutdown()
    server.wait()
    #expect(stopped.wait(timeout: .now() + 5) == .success)
    #expect(server.shared.metrics.streamsCancelled.load(ordering: .relaxed) == 1)
  }

  @Test func clientThatStopsReadingIsDroppedAndItsProducerStops() throws {
    let stopped = DispatchSemaphore(value: 0)
    var router = Router()
    router.get("/endless.csv", offload: true) { _ in
      HTTPResponse(headers: Self.csvType) { out in
        defer { stopped.signal() }
        while true { try out.write(String(repeating: "v", count: 1000) + "\n") }
      }
    }
    try withServer(router, configure: { $0.keepAliveIdleSeconds = 1 }) { port, server in
      let c = try RawClient(port: port)
      c.send("GET /endless.csv HTTP/1.1\r\nHost: x\r\n\r\n")
      // Never reads: once nothing moves for the idle timeout, the connection goes.
      #expect(stopped.wait(timeout: .now() + 10) == .success)
      #expect(server.shared.metrics.streamsCancelled.load(ordering: .relaxed) == 1)
      withExtendedLifetime(c) {}
    }
  }
}
