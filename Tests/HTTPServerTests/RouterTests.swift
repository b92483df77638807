import Testing

@testable import HTTPServer

@Suite struct Routing {
  static func router() -> Router {
    var r = Router()
    r.get("/modules/:m") { _ in .text("param") }
    r.get("/modules/new") { _ in .text("literal") }
    r.get("/assets/*path") { _ in .text("rest") }
    r.post("/modules/:m/submit") { _ in .text("post") }
    return r
  }

  @Test func pathsSplitOnSlashBytesEvenBeforeACombiningMark() {
    #expect(Router.segments("/") == [])
    #expect(Router.segments("//a//b/") == ["a", "b"])
    #expect(Router.segments("a/b") == ["a", "b"])
    // As Characters, "/\u{301}" is one cluster and would not split there.
    #expect(Router.segments("/modules/\u{301}x") == ["modules", "\u{301}x"])
    if case .found(_, let p) = Self.router().match(method: "GET", path: "/modules/\u{301}x") {
      #expect(p == ["m": "\u{301}x"])
    } else {
      Issue.record("a parameter starting with a combining mark should match")
    }
    // Same bytes, not canonical equivalence: "ne\u{301}w" is not the literal "new".
    if case .found(let route, _) = Self.router().match(method: "GET", path: "/modules/ne\u{301}w") {
      #expect(route.pattern == "/modules/:m")
    }
  }

  @Test func literalSegmentsWinOverParameters() {
    guard
      case .found(let route, let params) = Self.router().match(method: "GET", path: "/modules/new")
    else {
      Issue.record("no match")
      return
    }
    #expect(route.pattern == "/modules/new")
    #expect(params.isEmpty)
  }

  @Test func parametersAndRestAreCaptured() {
    if case .found(_, let p) = Self.router().match(method: "GET", path: "/modules/fact-checking") {
      #expect(p == ["m": "fact-checking"])
    } else {
      Issue.record("no match")
    }
    if case .found(_, let p) = Self.router().match(method: "HEAD", path: "/assets/css/app.css") {
      #expect(p == ["path": "css/app.css"])
    } else {
      Issue.record("HEAD should match a GET route")
    }
  }

  @Test func otherMethodsAreListedAndUnknownPathsAreNotFound() {
    guard
      case .methodNotAllowed(let allow) = Self.router().match(
        method: "GET", path: "/modules/a/submit")
    else {
      Issue.record("expected 405")
      return
    }
    #expect(allow == ["POST"])
    guard case .notFound = Self.router().match(method: "GET", path: "/modules/a/b/c") else {
      Issue.record("expected 404")
      return
    }
  }

  @Test func rootParameterAndRestRoutesMatchAcrossFirstSegments() {
    var r = Router()
    r.get("/") { _ in .text("root") }
    r.get("/:lang/about") { _ in .text("about") }
    r.get("/fr/about") { _ in .text("fr") }
    r.post("/:lang/about") { _ in .text("post") }
    r.get("/*rest") { _ in .text("rest") }
    if case .found(let route, _) = r.match(method: "GET", path: "/") {
      #expect(route.pattern == "/")
    } else {
      Issue.record("root")
    }
    if case .found(let route, let p) = r.match(method: "GET", path: "/en/about") {
      #expect(route.pattern == "/:lang/about")
      #expect(p == ["lang": "en"])
    } else {
      Issue.record("param first")
    }
    if case .found(let route, _) = r.match(method: "GET", path: "/fr/about") {
      #expect(route.pattern == "/fr/about")
    } else {
      Issue.record("literal first")
    }
    if case .found(let route, _) = r.match(method: "GET", path: "/x/y/z") {
      #expect(route.pattern == "/*rest")
    } else {
      Issue.record("rest")
    }
  }

  @Test func equalScoresGoToTheRouteAddedFirst() {
    var r = Router()
    r.get("/a/:x") { _ in .text("1") }
    r.get("/:y/b") { _ in .text("2") }
    if case .found(let route, _) = r.match(method: "GET", path: "/a/b") {
      #expect(route.pattern == "/a/:x")
    } else {
      Issue.record("no match")
    }
  }
}
