import Academy
import Catalog
import HTTPServer

/// The learner's path: home (catalog with progress), module, lesson, "done, next".
enum LearnerRoutes {
  static func routes(_ app: App) -> [Route] {
    [
      Route("GET", "/", .anyone) { ctx in try HomePage.render(app, &ctx) }.cached(),
      Route("GET", "/modules", .anyone) { ctx in try HomePage.render(app, &ctx) }.cached(),
      Route("GET", "/modules/:m", .anyone) { ctx in try ModulePage.render(app, &ctx) }.cached(),
      Route("GET", "/modules/:m/:lesson", .anyone) { ctx in try LessonPage.render(app, &ctx) }
        .cached(),
      Route("POST", "/modules/:m/:lesson/done", .signedIn) { ctx in try LessonPage.done(app, &ctx)
      },
    ]
  }

  /// The module named in the URL, or 404.
  static func module(_ app: App, _ ctx: Context) throws -> Module {
    guard let slug = ctx.request.parameters["m"], let m = app.academy.catalog.module(slug) else {
      throw AcademyError.notFound
    }
    return m
  }

  /// A status badge for a module on the home page.
  static func status(_ p: ModuleProgress?, now: Int64, _ ctx: Context) -> HTML {
    guard let p else { return .empty }
    if let c = p.certificate {
      switch c.status(at: now) {
      case .revoked: return "<span class=\"status late\">\(ctx.t("status.revoked"))</span>"
      case .expired: return "<span class=\"status late\">\(ctx.t("status.refresherDue"))</span>"
      case .valid:
        if c.expiresAt - now < 60 * 86_400 {
          return "<span class=\"status warn\">\(ctx.t("status.expiring"))</span>"
        }
        return "<span class=\"status good\">\(ctx.t("status.passed"))</span>"
      }
    }
    if p.passed { return "<span class=\"status good\">\(ctx.t("status.quizPassed"))</span>" }
    if p.started { return "<span class=\"status\">\(ctx.t("status.inProgress"))</span>" }
    return "<span class=\"status\">\(ctx.t("status.notStarted"))</span>"
  }
}
