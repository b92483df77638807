import HTTPServer

/// The application without sockets: hands a request to the route table and the one dispatch
/// (session, role, CSRF, origin, errors) and returns the response, as the server would minus
/// framing and compression. Tests drive pages with it in microseconds; fuzzers send it
/// anything. Build one per app (it compiles the route table once) and share it.
///
///     let responder = AppResponder(app)
///     let r = responder.respond(to: HTTPRequest(method: "GET", path: "/modules"))
public struct AppResponder: Sendable {
  public let app: App
  let router: Router

  public init(_ app: App) {
    self.app = app
    router = app.router()
  }

  /// `request.path` is the decoded path (no query) and `rawQuery` the part after `?`, as the
  /// server's parser gives them. Bodies over a route's limit get 413, as from the server.
  public func respond(to request: HTTPRequest) -> HTTPResponse {
    var response: HTTPResponse
    switch router.match(method: request.method, path: request.path) {
    case .found(let route, let parameters):
      if request.body.count > route.bodyLimit {
        response = .text("Payload too large\n", status: 413)
      } else {
        var routed = request
        routed.parameters = parameters
        response = route.handler(routed)
      }
    case .methodNotAllowed(let allow):
      response = .text("Method not allowed\n", status: 405)
      response.headers.add("Allow", allow.joined(separator: ", "))
    case .notFound:
      response = .text("Not found\n", status: 404)
    }
    for (name, value) in App.defaultHeaders where response.headers[name] == nil {
      response.headers.add(name, value)
    }
    return response
  }
}
