/// How a server listens and what it tolerates.
public struct ServerConfiguration: Sendable {
  public var host: String = "127.0.0.1"
  /// 0 picks a free port; `HTTPServer.start()` returns the bound one.
  public var port: Int = 8080
  public var maxConnections: Int = 4096
  public var headerTimeoutSeconds: Double = 10
  public var bodyIdleTimeoutSeconds: Double = 10
  public var keepAliveIdleSeconds: Double = 30
  public var shutdownGraceSeconds: Double = 5
  /// Gzip text responses for clients that accept it.
  public var gzip: Bool = true
  public var serverName: String = "relais"
  /// Event loop threads; 0 means one per core.
  public var eventLoopCount: Int = 0
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
