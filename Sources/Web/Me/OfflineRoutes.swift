import Academy
import Catalog
import HTTPServer

/// The service worker, its registration script and the offline page.
enum OfflineRoutes {
  static func routes(_ app: App) -> [Route] {
    [
      Route("GET", "/sw.js", .anyone) { _ in serviceWorker() },
      Route("GET", "/js/:file", .anyone) { ctx in try script(ctx) },
      Route("GET", "/offline", .anyone) { ctx in page(app, &ctx) },
      Route("GET", "/offline/:m", .anyone) { ctx in try OfflineManifest.response(app, &ctx) },
    ]
  }

  /// Same origin, at the root so it may control every page; revalidated on each visit so a
  /// new release takes over quickly.
  static func serviceWorker() -> HTTPResponse {
    var r = HTTPResponse(
      status: 200, contentType: "text/javascript; charset=utf-8", body: OfflineWorker.source)
    r.headers.set("Service-Worker-Allowed", "/")
    r.headers.set("Cache-Control", "no-cache")
    return r
  }

  static func script(_ ctx: Context) throws -> HTTPResponse {
    guard ctx.request.parameters["file"] == "offline.\(OfflineAssets.scriptHash).js" else {
      throw AcademyError.notFound
    }
    let etag = "\"\(OfflineAssets.scriptHash)\""
    var r = HTTPResponse(
      status: 200, contentType: "text/javascript; charset=utf-8", body: OfflineAssets.script)
    r.headers.set("Cache-Control", "public, max-age=31536000, immutable")
    r.headers.set("ETag", etag)
    if ctx.request.headers["If-None-Match"] == etag {
      return HTTPResponse(status: 304, headers: r.headers, body: [])
    }
    return r
  }

  /// What the worker shows when the network is gone; `?quiz=1` when a quiz was asked for,
  /// `?lang=` so the worker can keep one copy per language.
  static func page(_ app: App, _ ctx: inout Context) -> HTTPResponse {
    if let l = ctx.query("lang").flatMap(Language.init(rawValue:)) {
      ctx.use(l, app.academy.catalog)
    }
    let quiz = ctx.query("quiz") != nil
    var body: HTML = "<h1>\(ctx.t(quiz ? "offline.quizTitle" : "offline.title"))</h1>"
    if quiz { body += "<p class=\"notice\">\(ctx.t("offline.quiz"))</p>" }
    body += """
      <p>\(ctx.t("offline.explain"))</p>
      <ul id="offline-lessons" hidden></ul>
      <p id="offline-none">\(ctx.t("offline.none"))</p>
      """
    if !quiz { body += "<p class=\"hint\">\(ctx.t("offline.quiz"))</p>" }
    return .page(Layout.page(ctx, title: ctx.t(quiz ? "offline.quizTitle" : "offline.title"), body))
  }
}
