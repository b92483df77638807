/// A request handler. Handlers are synchronous and quick; a route marked `offload` runs on a
/// worker pool instead of the event loop (use it for PBKDF2, PDF, exports, database writes).
public typealias HTTPHandler = @Sendable (HTTPRequest) -> HTTPResponse

/// Method + path pattern routing. Patterns are `/a/:param/b`; a final `*rest` captures the
/// remainder (`/assets/*path`). Literal segments win over parameters.
public struct Router: Sendable {
  public struct Route: Sendable {
    public var method: String
    public var pattern: String
    public var bodyLimit: Int
    public var offload: Bool
    public var handler: HTTPHandler
  }

  public private(set) var routes: [Route] = []

  public init() {}

  public mutating func add(
    _ method: String, _ pattern: String, bodyLimit: Int = 1 << 20, offload: Bool = false,
    _ handler: @escaping HTTPHandler
  ) {
    routes.append(
      Route(
        method: method, pattern: pattern, bodyLimit: bodyLimit, offload: offload, handler: handler))
  }

  public mutating func get(
    _ pattern: String, offload: Bool = false, _ handler: @escaping HTTPHandler
  ) {
    add("GET", pattern, offload: offload, handler)
  }

  public mutating func post(
    _ pattern: String, bodyLimit: Int = 1 << 20, offload: Bool = true,
    _ handler: @escaping HTTPHandler
  ) {
    add("POST", pattern, bodyLimit: bodyLimit, offload: offload, handler)
  }

  public enum Match {
    case found(Route, parameters: [String: String])
    /// The path exists for other methods: answer 405 with `Allow`.
    case methodNotAllowed(allow: [String])
    case notFound
  }

  /// Matches a decoded path. (The HTTPServer helper may replace this with a trie.)
  public func match(method: String, path: String) -> Match {
    let segments = path.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
    var allow: [String] = []
    var best: (Route, [String: String], Int)?
    for route in routes {
      guard let (params, score) = Router.match(pattern: route.pattern, segments: segments) else {
        continue
      }
      let m = route.method == "GET" && method == "HEAD" ? "HEAD" : route.method
      if m == method {
        if best == nil || score > best!.2 { best = (route, params, score) }
      } else {
        allow.append(route.method)
        if route.method == "GET" { allow.append("HEAD") }
      }
    }
    if let best { return .found(best.0, parameters: best.1) }
    if !allow.isEmpty { return .methodNotAllowed(allow: Array(Set(allow)).sorted()) }
    return .notFound
  }

  static func match(pattern: String, segments: [String]) -> ([String: String], Int)? {
    let parts = pattern.split(separator: "/", omittingEmptySubsequences: true)
    var params: [String: String] = [:]
    var score = 0
    var i = 0
    for part in parts {
      if part.hasPrefix("*") {
        params[String(part.dropFirst())] = segments[min(i, segments.count)...].joined(
          separator: "/")
        return (params, score)
      }
      guard i < segments.count else { return nil }
      if part.hasPrefix(":") {
        params[String(part.dropFirst())] = segments[i]
      } else if part == segments[i] {
        score += 2
      } else {
        return nil
      }
      i += 1
    }
    return i == segments.count ? (params, score) : nil
  }
}
