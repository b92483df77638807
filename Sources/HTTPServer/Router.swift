/// A request handler. Handlers are synchronous and quick; a route marked `offload` runs on a
/// worker pool instead of the event loop (use it for PBKDF2, PDF, exports, database writes).
/// A large body can be returned as a stream (`HTTPResponse(status:headers:stream:)`): the
/// handler returns at once and the body's producer runs on a thread of its own.
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
  private var compiled: [CompiledPattern] = []
  /// Route indices by their pattern's first segment ("" for `/`); patterns starting with a
  /// parameter or `*rest` are in `anyFirst`. A request only tries the routes that could match.
  private var byFirstSegment: [String: [Int]] = [:]
  private var anyFirst: [Int] = []

  public init() {}

  public mutating func add(
    _ method: String, _ pattern: String, bodyLimit: Int = 1 << 20, offload: Bool = false,
    _ handler: @escaping HTTPHandler
  ) {
    let compiledPattern = CompiledPattern(pattern)
    switch compiledPattern.segments.first {
    case .literal(let text): byFirstSegment[text, default: []].append(routes.count)
    case nil: byFirstSegment["", default: []].append(routes.count)
    case .parameter, .rest: anyFirst.append(routes.count)
    }
    compiled.append(compiledPattern)
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

  /// Matches a decoded path against patterns split once, at `add`, so a request costs one
  /// split of its path and no allocation per route tried.
  public func match(method: String, path: String) -> Match {
    let segments = Router.segments(path)
    var best: (index: Int, score: Int)?
    let keyed = byFirstSegment[segments.first.map(String.init) ?? ""] ?? []
    for i in 0..<(keyed.count + anyFirst.count) {
      let index = i < keyed.count ? keyed[i] : anyFirst[i - keyed.count]
      let route = routes[index]
      guard route.method == method || (method == "HEAD" && route.method == "GET"),
        let score = compiled[index].score(segments)
      else { continue }
      // Higher score wins; on a tie, the route added first.
      if best == nil || score > best!.score || (score == best!.score && index < best!.index) {
        best = (index, score)
      }
    }
    if let best {
      return .found(routes[best.index], parameters: compiled[best.index].parameters(segments))
    }
    // Only now, for a 405 or 404: the methods the path has.
    var allow: Set<String> = []
    for i in 0..<(keyed.count + anyFirst.count) {
      let index = i < keyed.count ? keyed[i] : anyFirst[i - keyed.count]
      guard compiled[index].score(segments) != nil else { continue }
      allow.insert(routes[index].method)
      if routes[index].method == "GET" { allow.insert("HEAD") }
    }
    return allow.isEmpty ? .notFound : .methodNotAllowed(allow: allow.sorted())
  }
}

extension Router {
  /// The path's non-empty segments between `/`, found on bytes: splitting a String by
  /// Character walks grapheme clusters, a tenth of the time of a cached page's request.
  static func segments(_ path: String) -> [Substring] {
    var out: [Substring] = []
    let utf8 = path.utf8
    var start = utf8.startIndex
    var i = start
    while i != utf8.endIndex {
      if utf8[i] == UInt8(ascii: "/") {
        if start != i { out.append(Substring(utf8[start..<i])) }
        start = utf8.index(after: i)
      }
      i = utf8.index(after: i)
    }
    if start != utf8.endIndex { out.append(Substring(utf8[start...])) }
    return out
  }
}

/// A route pattern split into segments once.
struct CompiledPattern: Sendable {
  enum Segment: Sendable {
    case literal(String)
    case parameter(String)
    case rest(String)
  }
  let segments: [Segment]

  init(_ pattern: String) {
    segments = pattern.split(separator: "/", omittingEmptySubsequences: true).map { part in
      if part.hasPrefix("*") { return .rest(String(part.dropFirst())) }
      if part.hasPrefix(":") { return .parameter(String(part.dropFirst())) }
      return .literal(String(part))
    }
  }

  /// Nil when the path does not match; otherwise 2 per literal segment (literals win).
  func score(_ path: [Substring]) -> Int? {
    var score = 0
    var i = 0
    for segment in segments {
      switch segment {
      case .rest:
        return score
      case .parameter:
        guard i < path.count else { return nil }
      case .literal(let text):
        // Bytes, not Unicode canonical equivalence: a path names what it spells.
        guard i < path.count, path[i].utf8.count == text.utf8.count,
          path[i].utf8.elementsEqual(text.utf8)
        else { return nil }
        score += 2
      }
      i += 1
    }
    return i == path.count ? score : nil
  }

  func parameters(_ path: [Substring]) -> [String: String] {
    var params: [String: String] = [:]
    var i = 0
    for segment in segments {
      switch segment {
      case .rest(let name):
        params[name] = path[min(i, path.count)...].joined(separator: "/")
        return params
      case .parameter(let name):
        params[name] = String(path[i])
      case .literal:
        break
      }
      i += 1
    }
    return params
  }
}
