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
}
