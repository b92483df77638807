import Dispatch
import Synchronization

#if canImport(Glibc)
  import Glibc
#endif

/// The HTTP/1.1 server: epoll event loops sharing one listening socket, so idle keep-alive
/// connections cost memory but no thread.
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
        metrics: ServerMetrics(
          shardCount: loopCount,
          workers: WorkerPool(
            maxThreads: configuration.offloadThreads, maxQueued: configuration.offloadQueue))))
  }

  /// Binds and starts serving in the background; returns the bound port. With
  /// `configuration.listener` set, serves that socket (bound by a supervisor) instead.
  public func start() throws -> Int {
    // A peer that resets mid-write must not kill the process.
    signal(SIGPIPE, SIG_IGN)
    let base =
      try configuration.listener
      ?? Socket.listen(
        host: configuration.host, port: configuration.port)
    Socket.setNonBlocking(base)
    let port = Socket.boundPort(base)
    // Every loop polls the same socket through its own descriptor (closed on its own at
    // shutdown); EPOLLEXCLUSIVE wakes one loop per connection, not all of them.
    var listeners = [base]
    for _ in 1..<max(1, loopCount) {
      let copy = fcntl(base, F_DUPFD_CLOEXEC, 0)
      if copy < 0 {
        for fd in listeners { close(fd) }
        throw Socket.Failure(call: "dup", code: errno)
      }
      listeners.append(copy)
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

  /// A listening socket for a supervisor to bind once and hand to the worker processes it
  /// runs (`ServerConfiguration.listener`); throws `PortInUse` when another socket has the
  /// port. Close-on-exec: clear it for the descriptor to survive into a child.
  public static func bindListener(host: String, port: Int) throws -> (fd: Int32, port: Int) {
    let fd = try Socket.listen(host: host, port: port)
    return (fd, Socket.boundPort(fd))
  }

  /// Connections open right now, across all loops.
  public var openConnections: Int {
    shared.responder.metrics.openConnections.load(ordering: .relaxed)
  }
}
