/// How a server listens and what it tolerates.
public struct ServerConfiguration: Sendable {
  public var host: String = "127.0.0.1"
  /// 0 picks a free port; `HTTPServer.start()` returns the bound one.
  public var port: Int = 8080
  /// An already listening socket (from `HTTPServer.bindListener`, inherited from a
  /// supervisor); `host` and `port` are then not used.
  public var listener: Int32?
  public var maxConnections: Int = 4096
  /// Streamed responses at once (each has a producer thread); past it, `503` with
  /// `Retry-After` instead of a thread more.
  public var maxStreams: Int = 32
  /// Threads for offloaded handlers (POSTs, exports, PDFs, statistics), and how many such
  /// requests may wait for one; past that, `503` with `Retry-After` at once. Eight threads
  /// keep SQLite's one writer and PBKDF2 busy on a small machine without a thread per request.
  public var offloadThreads: Int = 8
  public var offloadQueue: Int = 1024
  public var headerTimeoutSeconds: Double = 10
  public var bodyIdleTimeoutSeconds: Double = 10
  public var keepAliveIdleSeconds: Double = 30
  public var shutdownGraceSeconds: Double = 5
  /// Reverse proxies whose forwarding headers give the client's address
  /// (`HTTPRequest.remoteAddress`, the access log); empty: the peer is the client.
  public var trustedProxies = TrustedProxies.none
  /// Gzip text responses for clients that accept it.
  public var gzip: Bool = true
  public var serverName: String = "relais"
  /// Event loop threads; 0 means `defaultLoopCount` for this machine's cores.
  public var eventLoopCount: Int = 0

  /// One loop per core but one: the other core is for what the loops hand work to (offload
  /// workers, streams, SQLite) and for the TLS proxy or load balancer usually running beside
  /// the server. With as many loops as cores, the loops and that process take turns on the
  /// cores and a request waits out a turn: on 2 cores, p99 at 16 connections was 2.7 ms with
  /// two loops and 0.8 ms with one, at 47k and 42k requests/s (Tests/Benchmarks/http.sh).
  public static func defaultLoopCount(cores: Int) -> Int { max(1, cores - 1) }
  /// One line per request: method, path without query, status, bytes, microseconds.
  public var accessLog: (@Sendable (AccessLogEntry) -> Void)?

  /// Headers added to every response that doesn't set them itself, including the server's
  /// own 400/404/413… answers (security headers belong on those too).
  public var defaultHeaders: [(String, String)] = []

  public init() {}
}

public struct AccessLogEntry: Sendable {
  public var method: String
  public var path: String
  public var route: String
  public var status: Int
  public var bytes: Int
  public var microseconds: Int
  /// The client's address (through trusted proxies); empty when unknown.
  public var client = ""
  /// False when a streamed body ended early (its producer failed or the client left);
  /// `bytes` then counts what was sent.
  public var complete = true

  public init(
    method: String, path: String, route: String, status: Int, bytes: Int, microseconds: Int
  ) {
    self.method = method
    self.path = path
    self.route = route
    self.status = status
    self.bytes = bytes
    self.microseconds = microseconds
  }
}
