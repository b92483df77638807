import Dispatch
import Synchronization

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The HTTP/1.1 server.
public final class HTTPServer: Sendable {
  public let configuration: ServerConfiguration
  public let router: Router
  let responder: Responder

  struct State {
    var listener: Int32 = -1
    var stopping = false
    var connections: Set<Int32> = []
  }
  let state = Mutex(State())
  private let stopped = DispatchSemaphore(value: 0)

  public init(configuration: ServerConfiguration, router: Router) {
    self.configuration = configuration
    self.router = router
    self.responder = Responder(router: router, configuration: configuration)
  }

  /// Binds and starts serving in the background; returns the bound port.
  public func start() throws -> Int {
    let fd = try Socket.listen(host: configuration.host, port: configuration.port, reusePort: false)
    state.withLock { $0.listener = fd }
    let port = Socket.boundPort(fd)
    let thread = Thread { [self] in acceptLoop(fd) }
    thread.start()
    return port
  }

  /// Graceful stop: stop accepting, finish in-flight requests, close idle connections.
  public func shutdown() {
    let fd = state.withLock { s -> Int32 in
      s.stopping = true
      return s.listener
    }
    if fd >= 0 { Glibc.shutdown(fd, Int32(SHUT_RDWR)) }
  }

  /// Blocks until the server has stopped.
  public func wait() {
    stopped.wait()
    stopped.signal()
  }

  private func acceptLoop(_ listener: Int32) {
    while true {
      guard let (cfd, address) = Socket.accept(listener, nonBlocking: false) else {
        if state.withLock({ $0.stopping }) { break }
        continue
      }
      Thread { [self] in serve(cfd, address) }.start()
    }
    close(listener)
    stopped.signal()
  }

  private func serve(_ fd: Int32, _ address: String) {
    var tv = timeval(tv_sec: Int(configuration.headerTimeoutSeconds), tv_usec: 0)
    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, socklen_t(MemoryLayout<timeval>.size))
    let core = ConnectionCore(responder: responder, remoteAddress: address)
    var buffer = [UInt8](repeating: 0, count: 64 * 1024)
    loop: while true {
      if let job = core.process() {
        core.offloadFinished(responder.run(job.route, job.request))
        continue
      }
      while core.hasPendingOutput {
        let n = core.output.withUnsafeBytes { out in
          write(fd, out.baseAddress! + core.outputStart, out.count - core.outputStart)
        }
        if n <= 0 { break loop }
        core.sent(n)
      }
      if core.closeAfterOutput || state.withLock({ $0.stopping }) { break }
      let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress!, $0.count) }
      if n <= 0 { break }
      buffer.withUnsafeBytes { core.receive(UnsafeRawBufferPointer(rebasing: $0[0..<n])) }
    }
    close(fd)
  }
}

/// A minimal thread for the blocking driver, without Foundation.
final class Thread: Sendable {
  private let body: @Sendable () -> Void
  init(_ body: @escaping @Sendable () -> Void) { self.body = body }

  func start() {
    let box = Unmanaged.passRetained(self).toOpaque()
    var tid = pthread_t()
    pthread_create(
      &tid, nil,
      { raw in
        let t = Unmanaged<Thread>.fromOpaque(raw!).takeRetainedValue()
        t.body()
        return nil
      }, box)
    pthread_detach(tid)
  }
}
