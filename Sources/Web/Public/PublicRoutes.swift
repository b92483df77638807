import Academy
import Catalog
import Crypto
import HTTPServer

/// Routes anyone may use: health, assets, content pages, the language switch.
enum PublicRoutes {
  static func routes(_ app: App) -> [Route] {
    [
      Route("GET", "/healthz", .anyone) { _ in .text("ok") },
      Route("GET", "/metrics", .anyone) { ctx in try metrics(app, ctx) },
      Route("GET", "/assets/:file", .anyone) { ctx in try asset(ctx) },
      Route("GET", "/pages/:slug", .anyone) { ctx in try contentPage(app, &ctx) },
      Route("POST", "/pages/:slug/acknowledge", .signedIn) { ctx in try acknowledge(app, &ctx) },
      Route("GET", "/media/:m/:file", .anyone) { ctx in
        let p = ctx.request.parameters
        return app.media.response(
          for: ctx.request, path: "\(p["m"] ?? "")/media/\(p["file"] ?? "")")
      },
      Route("GET", "/privacy", .anyone) { ctx in privacy(&ctx) },
      Route("POST", "/language", .anyone, offload: false) { ctx in try switchLanguage(app, &ctx) },
    ]
  }

  /// Prometheus text for a scraper that sends the metrics token; without a token configured
  /// the endpoint does not exist (route names and counts say more than a stranger needs).
  static func metrics(_ app: App, _ ctx: Context) throws -> HTTPResponse {
    guard let token = app.configuration.metricsToken, !token.isEmpty,
      let auth = ctx.request.headers["Authorization"], auth.hasPrefix("Bearer "),
      // Hashed first so the comparison's time tells nothing, not even the token's length.
      constantTimeEqual(SHA256.hash(Array(auth.utf8.dropFirst(7))), SHA256.hash(token)),
      var text = app.metricsSource.withLock({ $0 })?()
    else {
      throw AcademyError.notFound
    }
    text += "# HELP relais_worker_restarts_total Server processes restarted after a crash.\n"
    text += "# TYPE relais_worker_restarts_total counter\n"
    text += "relais_worker_restarts_total \(app.configuration.workerRestarts)\n"
    return HTTPResponse(
      status: 200, contentType: "text/plain; version=0.0.4; charset=utf-8", body: text)
  }

  static func asset(_ ctx: Context) throws -> HTTPResponse {
    guard ctx.request.parameters["file"] == "app.\(Assets.cssHash).css" else {
      throw AcademyError.notFound
    }
    var r = HTTPResponse(status: 200, contentType: "text/css; charset=utf-8", body: Assets.css)
    r.headers.set("Cache-Control", "public, max-age=31536000, immutable")
    r.headers.set("ETag", "\"\(Assets.cssHash)\"")
    if ctx.request.headers["If-None-Match"] == "\"\(Assets.cssHash)\"" {
      return HTTPResponse(status: 304, headers: r.headers, body: [])
    }
    return r
  }

  static func contentPage(_ app: App, _ ctx: inout Context) throws -> HTTPResponse {
    guard let slug = ctx.request.parameters["slug"], let page = app.academy.catalog.pages[slug],
      let (p, lang) = page.resolve(ctx.language)
    else { throw AcademyError.notFound }
    let fallback: HTML =
      lang != ctx.language ? "<p class=\"notice\">\(ctx.t("common.fallback"))</p>" : .empty
    var ack: HTML = .empty
    if let version = p.version, let u = ctx.user {
      let done = try app.academy.acknowledgements(userID: u.id).first {
        $0.document == slug && $0.version == version
      }
      if let done {
        ack = "<p class=\"ok\">\(ctx.t("ack.done", version, Dates.long(done.at, ctx.ui)))</p>"
      } else {
        ack = """
          <form method="post" action="/pages/\(slug)/acknowledge" class="card">\(ctx.csrfField)
          <h2>\(ctx.t("ack.title"))</h2><p>\(ctx.t("ack.explain", version))</p>
          <label for="ackname">\(ctx.t("ack.name"))</label>
          <input type="text" id="ackname" name="name" required maxlength="80" value="\(u.displayName)">
          <div class="actions"><button class="primary">\(ctx.t("ack.submit"))</button></div></form>
          """
      }
    }
    // The organisation's contacts come first on the referrals page: whom to call.
    let contacts: HTML =
      slug == "referrals"
      ? ReferralContactsView.render(app.academy.catalog.referralContacts, ctx) : .empty
    return .page(
      Layout.page(
        ctx, title: p.title,
        """
        <h1>\(p.title)</h1>
        \(contacts)\(fallback)<div lang="\(lang.rawValue)" dir="\(lang.direction)">\(HTML(trusted: p.html))</div>\(ack)
        """))
  }

  /// Records that the learner read and accepts a versioned page (the code of conduct).
  static func acknowledge(_ app: App, _ ctx: inout Context) throws -> HTTPResponse {
    guard let u = ctx.user, let slug = ctx.request.parameters["slug"],
      let page = app.academy.catalog.pages[slug],
      let version = page[.reference]?.version
    else { throw AcademyError.notFound }
    try app.academy.acknowledge(
      userID: u.id, document: slug, version: version, name: ctx.form["name"] ?? "")
    return .redirect(to: "/pages/\(slug)")
  }

  static func privacy(_ ctx: inout Context) -> HTTPResponse {
    let sections: [HTML] = (1...6).map { i in
      "<h2>\(ctx.t("privacy.h\(i)"))</h2><p>\(ctx.t("privacy.p\(i)"))</p>"
    }
    return .page(
      Layout.page(
        ctx, title: ctx.t("privacy.title"), "<h1>\(ctx.t("privacy.title"))</h1>\(sections)"))
  }

  /// Sets the language for this browser (and the account, when signed in), then goes back.
  static func switchLanguage(_ app: App, _ ctx: inout Context) throws -> HTTPResponse {
    guard let lang = app.academy.catalog.offeredLanguage(ctx.form["lang"]) else {
      throw AcademyError("error.badRequest")
    }
    ctx.setCookies.append(
      Cookies.make(
        Cookies.language, lang.rawValue, maxAge: 365 * 86_400,
        secure: app.configuration.secureCookies))
    if let u = ctx.user { try app.academy.updatePreferences(userID: u.id, locale: lang) }
    return .redirect(to: safeBack(ctx.form["back"]))
  }

  /// Only a local path: never an open redirect to another site.
  static func safeBack(_ s: String?) -> String {
    guard let s, s.hasPrefix("/"), !s.hasPrefix("//"), !s.contains("\\"), !s.contains("\r"),
      !s.contains("\n")
    else { return "/" }
    return s
  }
}
