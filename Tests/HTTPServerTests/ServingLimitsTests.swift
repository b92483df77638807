import Dispatch
import Glibc
import Synchronization
import Testing

@testable import HTTPServer

/// One server per port, and a bounded number of threads for offloaded handlers.
@Suite struct ServingLimitsTests {
  @Test func aPortInUseIsRefusedWithItsNumber() throws {
    try withServer(sampleRouter()) { port, _ in
      var config = ServerConfiguration()
      config.port = port
      let second = HTTPServer(configuration: config, router: sampleRouter())
      #expect(throws: PortInUse.self) { _ = try second.start() }
      do {
        _ = try HTTPServer.bindListener(host: "127.0.0.1", port: port)
        Issue.record("bound a port that is in use")
      } catch {
        #expect("\(error)" == "port \(port) is in use")
      }
    }
  }

  /// A stranger asking for SO_REUSEPORT cannot join our port: the server did not set it.
  @Test func aStrangerCannotShareThePortWithReusePort() throws {
    try withServer(sampleRouter(), configure: { $0.eventLoopCount = 3 }) { port, _ in
      let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
      defer { close(fd) }
      var one: Int32 = 1
      setsockopt(fd, SOL_SOCKET, SO_REUSEPORT, &one, socklen_t(MemoryLayout<Int32>.size))
      setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, socklen_t(MemoryLayout<Int32>.size))
      var addr = sockaddr_in()
      addr.sin_family = sa_family_t(AF_INET)
      addr.sin_port = in_port_t(UInt16(port).bigEndian)
      addr.sin_addr.s_addr = inet_addr("127.0.0.1")
      let rc = withUnsafePointer(to: &addr) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
          bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
        }
      }
      #expect(rc != 0 && errno == EADDRINUSE)
    }
  }

  /// Three loops on one socket: every connection is answered, whichever loop takes it.
  @Test func loopsShareOneListeningSocket() throws {
    try withServer(sampleRouter(), configure: { $0.eventLoopCount = 3 }) { port, _ in
      let clients = try (0..<30).map { _ in try RawClient(port: port) }
      for c in clients { c.send("GET /hello HTTP/1.1\r\nHost: x\r\n\r\n") }
      for c in clients { #expect(c.readResponse()?.text == "hello") }
    }
  }

  /// One thread, one waiting place: a third request at once gets 503 + Retry-After, and the
  /// two taken are answered once the thread is free.
  @Test func offloadsPastTheQueueGet503WithRetryAfter() throws {
    let gate = DispatchSemaphore(value: 0)
    let entered = DispatchSemaphore(value: 0)
    var router = Router()
    router.post("/slow", offload: true) { _ in
      entered.signal()
      gate.wait()
      return .text("done")
    }
    try withServer(
      router,
      configure: {
        $0.offloadThreads = 1
        $0.offloadQueue = 1
      }
    ) { port, server in
      let request = "POST /slow HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n"
      let first = try RawClient(port: port)
      first.send(request)
      #expect(entered.wait(timeout: .now() + 5) == .success)
      let second = try RawClient(port: port)
      second.send(request)
      // The second is queued once the pool says so.
      for _ in 0..<500 where server.shared.workers.snapshot.queued < 1 { usleep(2_000) }
      let third = try RawClient(port: port)
      third.send(request)
      let refused = try #require(third.readResponse())
      #expect(refused.status == 503)
      #expect(refused.header("Retry-After") != nil)
      gate.signal()
      gate.signal()
      #expect(first.readResponse()?.text == "done")
      #expect(second.readResponse()?.text == "done")
      #expect(server.prometheusText().contains("relais_http_offload_rejected_total 1\n"))
    }
  }

  @Test func poolThreadsStayBoundedAndRunEveryJob() {
    let pool = WorkerPool(maxThreads: 4, maxQueued: 1000, idleSeconds: 1)
    let ran = Atomic<Int>(0)
    let done = DispatchGroup()
    for _ in 0..<200 {
      done.enter()
      let queued = pool.submit {
        usleep(500)
        ran.add(1, ordering: .relaxed)
        done.leave()
      }
      #expect(queued)
    }
    #expect(done.wait(timeout: .now() + 30) == .success)
    #expect(ran.load(ordering: .relaxed) == 200)
    #expect(pool.snapshot.peakThreads <= 4)
    #expect(pool.snapshot.peakThreads >= 1)
  }

  @Test func aFullPoolRefusesWithoutQueueing() {
    let pool = WorkerPool(maxThreads: 1, maxQueued: 2, idleSeconds: 1)
    let gate = DispatchSemaphore(value: 0)
    let started = DispatchSemaphore(value: 0)
    #expect(
      pool.submit {
        started.signal()
        gate.wait()
      })
    started.wait()
    #expect(pool.submit { gate.wait() })
    #expect(pool.submit { gate.wait() })
    #expect(!pool.submit {})
    #expect(pool.rejected.load(ordering: .relaxed) == 1)
    for _ in 0..<3 { gate.signal() }
  }
}
