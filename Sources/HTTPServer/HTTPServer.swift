/// The HTTP/1.1 server. (Contract; the implementation lives beside it.)
public final class HTTPServer: Sendable {
  public let configuration: ServerConfiguration
  public let router: Router

  public init(configuration: ServerConfiguration, router: Router) {
    self.configuration = configuration
    self.router = router
  }

  /// Binds and starts serving in the background; returns the bound port.
  public func start() throws -> Int {
    fatalError("HTTPServer.start not implemented yet")
  }

  /// Graceful stop: stop accepting, finish in-flight requests, close idle connections.
  public func shutdown() {}

  /// Blocks until the server has stopped.
  public func wait() {}
}
