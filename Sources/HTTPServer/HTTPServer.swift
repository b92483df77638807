import Dispatch
import Synchronization

#if canImport(Glibc)
  import Glibc
#endif

/// The HTTP/1.1 server: one epoll event loop per core, each with its own SO_REUSEPORT
/// listener, so idle keep-alive connections cost memory but no thread.
public final class HTTPServer: Sendable {
  public let configuration: ServerConfiguration
  public let router: Router
  let shared: ServerShared
  private let loopCount: Int

  private struct State {
    var loops: [EventLoop] = []
    var running = 0
    var started = false
  }
  private let state = Mutex(State())
  /// Signalled when the last loop has exited.
  private let stopped = DispatchSemaphore(value: 0)

  public init(configuration: ServerConfiguration, router: Router) {
    self.configuration = configuration
    self.router = router
    self.loopCount =
      configuration.eventLoopCount > 0
      ? configuration.eventLoopCount
      : ServerConfiguration.defaultLoopCount(cores: Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
    self.shared = ServerShared(
      responder: Responder(
        router: router, configuration: configuration,
        metrics: ServerMetrics(shardCount: loopCount)))
  }

  /// Binds and starts serving in the background; returns the bound port.
  public func start() throws -> Int {
    // A peer that resets mid-write must not kill the process.
    signal(SIGPIPE, SIG_IGN)
    let count = loopCount
    var listeners: [Int32] = []
    var port = configuration.port
    do {
      for _ in 0..<count {
        let fd = try Socket.listen(host: configuration.host, port: port, reusePort: true)
        Socket.setNonBlocking(fd)
        listeners.append(fd)
        port = Socket.boundPort(fd)
      }
    } catch {
      for fd in listeners { close(fd) }
      throw error
    }
    let loops = listeners.enumerated().map {
      EventLoop(shared: shared, listener: $0.element, index: $0.offset)
    }
    state.withLock {
      $0.loops = loops
      $0.running = loops.count
      $0.started = true
    }
    for loop in loops {
      LoopThread.start { [self] in
        loop.run()
        let last = state.withLock { s -> Bool in
          s.running -= 1
          return s.running == 0
        }
        if last { stopped.signal() }
      }
    }
    return port
  }

  /// Graceful stop: stop accepting, finish in-flight requests, close idle connections; what
  /// is still open after `shutdownGraceSeconds` is closed.
  public func shutdown() {
    for loop in state.withLock({ $0.loops }) { loop.post(.shutdown) }
  }

  /// Blocks until the server has stopped.
  public func wait() {
    guard state.withLock({ $0.started }) else { return }
    stopped.wait()
    stopped.signal()
  }

  /// Connections open right now, across all loops.
  public var openConnections: Int {
    shared.responder.metrics.openConnections.load(ordering: .relaxed)
  }
}
