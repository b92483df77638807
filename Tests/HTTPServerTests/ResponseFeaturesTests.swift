import Glibc
import Synchronization
import Testing

@testable import HTTPServer

@Suite struct ResponseFeatures {
  /// A temporary root with a CSS file, an HTML file, a hidden file and a secret beside it.
  static func makeRoot() -> String {
    var template = Array("/tmp/relais-static-XXXXXX".utf8CString)
    let dir = template.withUnsafeMutableBufferPointer { String(cString: mkdtemp($0.baseAddress!)!) }
    mkdir(dir + "/public", 0o755)
    mkdir(dir + "/public/css", 0o755)
    write(dir + "/public/css/app.css", String(repeating: "body { color: #222; }\n", count: 100))
    write(dir + "/public/index.html", "<h1>hi</h1>")
    write(dir + "/public/.env", "SECRET=1")
    write(dir + "/secret.txt", "root:x:0:0")
    symlink(dir + "/secret.txt", dir + "/public/link.txt")
    return dir
  }

  static func write(_ path: String, _ text: String) {
    let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    _ = Array(text.utf8).withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
    close(fd)
  }

  static func router(_ files: StaticFiles) -> Router {
    var router = Router()
    router.get("/static/*path") { req in
      files.response(for: req, path: req.parameters["path"] ?? "")
    }
    router.get("/page") { _ in .html(String(repeating: "<p>lesson text</p>", count: 200)) }
    router.get("/tiny") { _ in .html("<p>x</p>") }
    return router
  }

  @Test func staticFileHasTypeETagAndRevalidatesTo304() throws {
    let files = StaticFiles(root: Self.makeRoot() + "/public")
    try withServer(Self.router(files), configure: { $0.gzip = false }) { port, _ in
      let c = try RawClient(port: port)
      c.send("GET /static/index.html HTTP/1.1\r\nHost: x\r\n\r\n")
      let r = try #require(c.readResponse())
      #expect(r.text == "<h1>hi</h1>")
      #expect(r.header("Content-Type") == "text/html; charset=utf-8")
      #expect(r.header("Cache-Control") == "public, max-age=300")
      let etag = try #require(r.header("ETag"))
      c.send("GET /static/index.html HTTP/1.1\r\nHost: x\r\nIf-None-Match: \(etag)\r\n\r\n")
      let again = try #require(c.readResponse())
      #expect(again.status == 304)
      #expect(again.body.isEmpty)
    }
  }

  @Test func fingerprintedAssetIsImmutable() throws {
    let files = StaticFiles(root: Self.makeRoot() + "/public")
    let name = try #require(files.fingerprintedPath("css/app.css"))
    #expect(
      name.hasPrefix("css/app.") && name.hasSuffix(".css")
        && name.count == "css/app..css".count + 12)
    try withServer(Self.router(files), configure: { $0.gzip = false }) { port, _ in
      let c = try RawClient(port: port)
      c.send("GET /static/\(name) HTTP/1.1\r\nHost: x\r\n\r\n")
      let r = try #require(c.readResponse())
      #expect(r.status == 200)
      #expect(r.header("Content-Type") == "text/css; charset=utf-8")
      #expect(r.header("Cache-Control") == "public, max-age=31536000, immutable")
    }
  }

  @Test(arguments: [
    "/static/../secret.txt", "/static/%2e%2e/secret.txt", "/static/%2E%2E%2Fsecret.txt",
    "/static/..%5Csecret.txt", "/static/.env", "/static/link.txt", "/static/css",
    "/static/index.html%00.css", "/static//etc/passwd", "/static/%2fetc%2fpasswd",
  ])
  func staticRootCannotBeEscaped(_ target: String) throws {
    let files = StaticFiles(root: Self.makeRoot() + "/public")
    try withServer(Self.router(files)) { port, _ in
      let c = try RawClient(port: port)
      c.send("GET \(target) HTTP/1.1\r\nHost: x\r\n\r\n")
      let r = c.readResponse()
      #expect(r.map { $0.status == 400 || $0.status == 404 } ?? true, "\(target)")
      #expect(!(r?.text.contains("root:") ?? false), "\(target)")
    }
  }

  @Test func textIsGzippedWhenAcceptedWithVary() throws {
    let files = StaticFiles(root: Self.makeRoot() + "/public")
    try withServer(Self.router(files)) { port, _ in
      let c = try RawClient(port: port)
      c.send("GET /page HTTP/1.1\r\nHost: x\r\nAccept-Encoding: br, gzip;q=0.8\r\n\r\n")
      let r = try #require(c.readResponse())
      #expect(r.header("Content-Encoding") == "gzip")
      #expect(r.header("Vary") == "Accept-Encoding")
      #expect(r.body.count < 1000)
      let plain = Gzip.decompress(r.body).map { String(decoding: $0, as: UTF8.self) }
      #expect(plain == String(repeating: "<p>lesson text</p>", count: 200))
      c.send("GET /page HTTP/1.1\r\nHost: x\r\nAccept-Encoding: gzip;q=0\r\n\r\n")
      let refused = try #require(c.readResponse())
      #expect(refused.header("Content-Encoding") == nil)
      #expect(refused.header("Vary") == "Accept-Encoding")
      c.send("GET /tiny HTTP/1.1\r\nHost: x\r\nAccept-Encoding: gzip\r\n\r\n")
      #expect(c.readResponse()?.header("Content-Encoding") == nil)
      c.send("GET /static/css/app.css HTTP/1.1\r\nHost: x\r\nAccept-Encoding: gzip\r\n\r\n")
      let css = try #require(c.readResponse())
      #expect(css.header("Content-Encoding") == "gzip")
      let etag = try #require(css.header("ETag"))
      c.send(
        "GET /static/css/app.css HTTP/1.1\r\nHost: x\r\nAccept-Encoding: gzip\r\nIf-None-Match: \(etag)\r\n\r\n"
      )
      #expect(c.readResponse()?.status == 304)
    }
  }

  @Test func accessLogHasOneLinePerRequestWithPathWithoutQuery() throws {
    let lines = Mutex<[AccessLogEntry]>([])
    try withServer(
      sampleRouter(),
      configure: { config in
        config.accessLog = { entry in lines.withLock { $0.append(entry) } }
      }
    ) { port, _ in
      let c = try RawClient(port: port)
      c.send(
        "GET /modules/x?token=secret HTTP/1.1\r\nHost: x\r\n\r\nGET /nope HTTP/1.1\r\nHost: x\r\n\r\n"
      )
      #expect(c.readResponse()?.status == 200)
      #expect(c.readResponse()?.status == 404)
    }
    let entries = lines.withLock { $0 }
    #expect(entries.count == 2)
    #expect(entries.first?.path == "/modules/x")
    #expect(entries.first?.route == "/modules/:m")
    #expect(entries.first?.bytes == "module x".utf8.count)
    #expect(entries.last?.status == 404)
  }

  @Test func metricsCountRequestsByRouteAndStatus() throws {
    try withServer(sampleRouter()) { port, server in
      let c = try RawClient(port: port)
      for _ in 0..<3 {
        c.send("GET /modules/x HTTP/1.1\r\nHost: x\r\n\r\n")
        _ = c.readResponse()
      }
      c.send("GET /nope HTTP/1.1\r\nHost: x\r\n\r\n")
      _ = c.readResponse()
      let text = server.prometheusText()
      #expect(text.contains("relais_http_requests_total{route=\"/modules/:m\",status=\"200\"} 3\n"))
      #expect(text.contains("relais_http_requests_total{route=\"404\",status=\"404\"} 1\n"))
      #expect(text.contains("relais_http_request_duration_seconds_count 4\n"))
      #expect(text.contains("relais_http_request_duration_seconds_bucket{le=\"+Inf\"} 4\n"))
      #expect(text.contains("relais_http_open_connections 1\n"))
    }
  }

  @Test func healthzAndMetricsAreBuiltInUnlessRouted() throws {
    var router = Router()
    router.get("/hello") { _ in .text("hello") }
    try withServer(router) { port, _ in
      let c = try RawClient(port: port)
      c.send("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n")
      #expect(c.readResponse()?.text == "ok")
      c.send("GET /metrics HTTP/1.1\r\nHost: x\r\n\r\n")
      let metrics = try #require(c.readResponse())
      #expect(
        metrics.text.contains("relais_http_requests_total{route=\"/healthz\",status=\"200\"} 1"))
    }
    router.get("/healthz") { _ in .text("mine") }
    try withServer(router) { port, _ in
      let c = try RawClient(port: port)
      c.send("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n")
      #expect(c.readResponse()?.text == "mine")
    }
  }

  @Test func defaultHeadersGoOnEveryResponseUnlessTheResponseSetsThem() throws {
    var router = Router()
    router.get("/own") { _ in
      HTTPResponse(status: 200, headers: HTTPHeaders([("X-Frame-Options", "SAMEORIGIN")]), body: [])
    }
    try withServer(router, configure: { $0.defaultHeaders = [("X-Frame-Options", "DENY")] }) {
      port, _ in
      let c = try RawClient(port: port)
      c.send("GET /nope HTTP/1.1\r\nHost: x\r\n\r\nGET /own HTTP/1.1\r\nHost: x\r\n\r\n")
      #expect(c.readResponse()?.header("X-Frame-Options") == "DENY")
      let own = try #require(c.readResponse())
      #expect(own.headers.filter { $0.0 == "X-Frame-Options" }.map(\.1) == ["SAMEORIGIN"])
    }
  }
}
