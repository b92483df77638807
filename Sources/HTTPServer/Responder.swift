#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// What every connection shares: routing, the handlers, and what happens around a handler
/// (compression, metrics, the access log). Immutable, so any loop or worker may use it.
final class Responder: Sendable {
  let router: Router
  let configuration: ServerConfiguration
  let metrics: ServerMetrics

  init(router: Router, configuration: ServerConfiguration, metrics: ServerMetrics) {
    self.router = router
    self.configuration = configuration
    self.metrics = metrics
  }

  enum Decision {
    case route(Router.Route, parameters: [String: String])
    /// Answer without calling a handler (404, 405, 501…).
    case immediate(HTTPResponse, routeName: String)
  }

  func decide(_ head: RequestHead) -> Decision {
    switch router.match(method: head.method, path: head.path) {
    case .found(let route, let parameters):
      return .route(route, parameters: parameters)
    case .methodNotAllowed(let allow):
      var response = HTTPResponse.text("Method not allowed\n", status: 405)
      response.headers.add("Allow", allow.joined(separator: ", "))
      return .immediate(response, routeName: "405")
    case .notFound where head.method == "GET" || head.method == "HEAD":
      // Built in unless the application routes these paths itself.
      if head.path == "/healthz" {
        return .immediate(HTTPResponse.text("ok"), routeName: "/healthz")
      }
      if head.path == "/metrics" {
        return .immediate(
          HTTPResponse(
            status: 200, contentType: "text/plain; version=0.0.4; charset=utf-8",
            body: metrics.prometheusText()), routeName: "/metrics")
      }
      return .immediate(HTTPResponse.text("Not found\n", status: 404), routeName: "404")
    case .notFound:
      return .immediate(HTTPResponse.text("Not found\n", status: 404), routeName: "404")
    }
  }

  /// Runs a handler and what wraps it. Safe on any thread.
  func run(_ route: Router.Route, _ request: HTTPRequest) -> HTTPResponse {
    var response = route.handler(request)
    if configuration.gzip {
      if response.stream != nil {
        Gzip.apply(toStream: &response, acceptEncoding: request.headers["Accept-Encoding"])
      } else {
        Gzip.apply(to: &response, acceptEncoding: request.headers["Accept-Encoding"])
      }
    }
    return response
  }

  /// Called once per answered request, after its response is serialised.
  func record(
    method: String, path: String, routeName: String, status: Int, bytes: Int, startedAt: UInt64,
    metrics: MetricsShard, complete: Bool = true, client: String = ""
  ) {
    let micros = Int((Self.monotonicNanos() &- startedAt) / 1000)
    metrics.record(route: routeName, status: status, micros: micros)
    guard let log = configuration.accessLog else { return }
    var entry = AccessLogEntry(
      method: method, path: path, route: routeName, status: status, bytes: bytes,
      microseconds: micros)
    entry.complete = complete
    entry.client = client
    log(entry)
  }

  static func errorResponse(_ error: ParseError) -> HTTPResponse {
    HTTPResponse.text(error.message + "\n", status: error.status)
  }

  @inline(__always)
  static func monotonicNanos() -> UInt64 {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return UInt64(ts.tv_sec) &* 1_000_000_000 &+ UInt64(ts.tv_nsec)
  }
}
