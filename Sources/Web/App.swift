import Academy
import Catalog
import Crypto
import Foundation
import HTTPServer
import Synchronization

/// How the web layer is configured.
public struct WebConfiguration: Sendable {
  /// `https://relais.example.org` when behind a proxy; derives cookie `Secure`, the origin
  /// that POSTs must come from, and absolute URLs (badges, PDFs).
  public var publicURL: String?
  public var issuerName = "Relais"
  /// The issuing organisation's contact address, shown in the Open Badges issuer profile.
  public var issuerEmail: String?
  public init(publicURL: String? = nil, issuerName: String = "Relais", issuerEmail: String? = nil) {
    self.publicURL = publicURL
    self.issuerName = issuerName
    self.issuerEmail = issuerEmail
  }

  var secureCookies: Bool { publicURL?.hasPrefix("https://") ?? false }
}

/// The web application: the route table and the one place where every request is checked
/// (session, role, CSRF and origin) before its page runs.
public final class App: Sendable {
  public let academy: Academy
  public let configuration: WebConfiguration
  let limiter = RateLimiter()
  /// Lesson images, from each module's `media/` folder.
  let media: StaticFiles
  /// The server's Prometheus text, once a server serves this app.
  let metricsSource = Mutex<(@Sendable () -> String)?>(nil)
  let pageCache = PageCache()

  /// Lets `/metrics` report the server's counters.
  public func attach(_ server: HTTPServer) {
    metricsSource.withLock { $0 = { server.prometheusText() } }
  }

  public init(academy: Academy, configuration: WebConfiguration = WebConfiguration()) {
    self.academy = academy
    self.configuration = configuration
    media = StaticFiles(root: academy.content.loader.curriculum.path, maxAgeSeconds: 3600)
  }

  /// Every route of the product, in one table (tests walk it for every role).
  public var routes: [Route] {
    PublicRoutes.routes(self) + LearnerRoutes.routes(self) + QuizRoutes.routes(self)
      + AccountRoutes.routes(self) + AdminRoutes.routes(self) + CertificateRoutes.routes(self)
      + MeRoutes.routes(self) + TeachRoutes.routes(self) + ManageRoutes.routes(self)
  }

  /// One structured access-log line. Invite and sign-in tokens and certificate codes live in
  /// paths, so those routes log their pattern; queries are never logged.
  public static func accessLogLine(_ e: AccessLogEntry) -> String {
    let secret = e.route.contains(":token") || e.route.contains(":code")
    let path = secret ? e.route : e.path
    return
      "method=\(e.method) path=\(path) route=\(e.route) status=\(e.status) bytes=\(e.bytes) us=\(e.microseconds)"
  }

  /// Security headers for the server's own answers (400, 404, 413…) too.
  public static var defaultHeaders: [(String, String)] { SecurityHeaders.all }

  public func router() -> Router {
    var router = Router()
    for route in routes {
      router.add(route.method, route.pattern, bodyLimit: route.bodyLimit, offload: route.offload) {
        [self] req in
        self.dispatch(route, req)
      }
    }
    return router
  }

  /// The origin POSTs must come from.
  func origin(for request: HTTPRequest) -> String {
    if let url = configuration.publicURL {
      var s = url
      while s.hasSuffix("/") { s.removeLast() }
      if let r = s.range(of: "://"), let slash = s[r.upperBound...].firstIndex(of: "/") {
        return String(s[..<slash])
      }
      return s
    }
    return "http://\(request.headers["Host"] ?? "")"
  }

  func absoluteURL(_ path: String, _ request: HTTPRequest) -> String {
    origin(for: request) + path
  }

  func dispatch(_ route: Route, _ request: HTTPRequest) -> HTTPResponse {
    let cookies = request.cookies
    var user: User?
    var sessionToken: String?
    if let token = cookies[Cookies.session], !token.isEmpty,
      let s = try? academy.session(token: token)
    {
      user = s.user
      sessionToken = token
    }
    let form =
      request.method == "POST"
        && (request.headers["Content-Type"] ?? "").hasPrefix("application/x-www-form-urlencoded")
      ? FormFields(FormDecoding.decode(request.body)) : FormFields([])
    var ctx = Context(
      request: request, user: user, sessionToken: sessionToken,
      language: Self.language(user: user, cookies: cookies, request: request),
      csrfToken: cookies[Cookies.csrf] ?? "", form: form)
    if ctx.csrfToken.count < 32 {
      ctx.csrfToken = SecretToken.make()
      ctx.setCookies.append(
        Cookies.make(Cookies.csrf, ctx.csrfToken, maxAge: nil, secure: configuration.secureCookies))
    }
    var response: HTTPResponse
    if request.method == "POST", !csrfOK(ctx, cookies: cookies) {
      response = .page(Layout.error(ctx, status: 403, messageKey: "error.csrf"), status: 403)
    } else if !route.access.allows(user?.role) {
      if user == nil && request.method == "GET" {
        response = .redirect(to: "/signin")
      } else {
        response = .page(Layout.error(ctx, status: 403, messageKey: "error.forbidden"), status: 403)
      }
    } else {
      do {
        response = try run(route, &ctx)
      } catch let e as AcademyError where e == .notFound {
        response = .page(Layout.error(ctx, status: 404, messageKey: "error.notFound"), status: 404)
      } catch let e as AcademyError where e == .forbidden {
        response = .page(Layout.error(ctx, status: 403, messageKey: "error.forbidden"), status: 403)
      } catch let e as AcademyError {
        response = .page(
          Layout.error(
            ctx, status: 400, messageKey: Strings.table[e.key] == nil ? "error.badRequest" : e.key),
          status: 400)
      } catch {
        FileHandle.standardError.write(
          Data("relais: \(route.method) \(route.pattern): \(error)\n".utf8))
        response = .page(Layout.error(ctx, status: 500, messageKey: "error.server"), status: 500)
      }
    }
    for c in ctx.setCookies { response.headers.add("Set-Cookie", c) }
    // Security headers are added by the server to every response (`defaultHeaders`),
    // its own error answers included.
    return response
  }

  /// Runs the page, through the cache for anonymous views of cacheable pages.
  func run(_ route: Route, _ ctx: inout Context) throws -> HTTPResponse {
    guard route.cacheAnonymous, ctx.user == nil,
      ctx.request.method == "GET" || ctx.request.method == "HEAD"
    else {
      return try route.handler(&ctx)
    }
    let version = academy.catalog.version
    let key = "\(ctx.language.rawValue) \(ctx.request.path)?\(ctx.request.rawQuery)"
    let token = ctx.csrfToken
    if let hit = pageCache.get(key, version: version) {
      var r = HTTPResponse(
        status: 200, headers: HTTPHeaders([("Content-Type", hit.contentType)]),
        body: hit.body(token: token))
      r.headers.set("Cache-Control", "no-store")
      return r
    }
    ctx.csrfToken = PageCache.placeholder
    var response = try route.handler(&ctx)
    ctx.csrfToken = token
    let body = String(decoding: response.body, as: UTF8.self)
    let entry = PageCache.Entry(
      parts: body.components(separatedBy: PageCache.placeholder).map { Array($0.utf8) },
      contentType: response.headers["Content-Type"] ?? "")
    if response.status == 200, response.headers["Content-Type"] != nil {
      pageCache.put(key, version: version, entry)
    }
    response.body = entry.body(token: token)
    return response
  }

  /// A POST must carry the CSRF token of its cookie and come from our own origin.
  func csrfOK(_ ctx: Context, cookies: [String: String]) -> Bool {
    guard let cookie = cookies[Cookies.csrf], cookie.count >= 32,
      let sent = ctx.form["csrf"] ?? ctx.multipartCSRF,
      constantTimeEqual(Array(cookie.utf8), Array(sent.utf8))
    else { return false }
    let expected = origin(for: ctx.request)
    if let o = ctx.request.headers["Origin"] { return o == expected }
    if let r = ctx.request.headers["Referer"] {
      return r == expected || r.hasPrefix(expected + "/")
    }
    return false
  }

  static func language(user: User?, cookies: [String: String], request: HTTPRequest) -> Language {
    if let u = user { return u.locale }
    if let c = cookies[Cookies.language], let l = Language(rawValue: c) { return l }
    if let accept = request.headers["Accept-Language"] {
      var best: (Language, Double)?
      for part in accept.split(separator: ",") {
        // Empty parts kept: `;` is an empty tag (no language), never a part-less split.
        let bits = part.split(separator: ";", omittingEmptySubsequences: false)
        guard let first = bits.first else { continue }
        let tag = first.trimmingCharacters(in: " ").lowercased()
        // No `q=` means 1; an unreadable one (`q=nan`) means "not wanted".
        let qParam = bits.dropFirst().first { $0.trimmingCharacters(in: " ").hasPrefix("q=") }
        let q =
          qParam.map {
            Numbers.decimal(String($0.trimmingCharacters(in: " ").dropFirst(2)), in: 0...1) ?? 0
          } ?? 1
        let primary = String(tag.prefix { $0 != "-" })
        if let l = Language(rawValue: primary), q > (best?.1 ?? 0) { best = (l, q) }
      }
      if let b = best { return b.0 }
    }
    return .reference
  }
}

extension Context {
  /// The CSRF token of a multipart form (uploads), read from its `csrf` part.
  var multipartCSRF: String? {
    guard request.method == "POST", request.mediaType == "multipart/form-data" else { return nil }
    return request.multipartParts()?.first { $0.name == "csrf" && $0.filename == nil }?.text
  }
}
