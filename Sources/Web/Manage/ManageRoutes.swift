import Academy
import HTTPServer

/// The managers' area: cohorts, invitations, assignments, refreshers, the dashboard and
/// exports. The route table lets managers and admins in; every handler then checks the
/// object (a manager only reaches cohorts and learners they are attached to).
enum ManageRoutes {
  static func routes(_ app: App) -> [Route] {
    [
      Route("GET", "/manage", .managers, offload: true) { ctx in try DashboardPage.render(app, &ctx)
      },
      Route("GET", "/manage/matrix", .managers, offload: true) { ctx in
        try DashboardPage.matrixOnly(app, &ctx)
      },
      Route("GET", "/manage/cohorts", .managers) { ctx in try CohortPages.list(app, &ctx) },
      Route("POST", "/manage/cohorts", .managers) { ctx in try CohortPages.create(app, &ctx) },
      Route("GET", "/manage/cohorts/:id", .managers) { ctx in try CohortPages.view(app, &ctx) },
      Route("POST", "/manage/cohorts/:id/invites", .managers) { ctx in
        try InvitePages.create(app, &ctx)
      },
      Route("POST", "/manage/cohorts/:id/sheet", .managers) { ctx in
        try InvitePages.sheet(app, &ctx)
      },
      Route("POST", "/manage/cohorts/:id/staff", .admins) { ctx in try CohortPages.attach(app, &ctx)
      },
      Route("POST", "/manage/cohorts/:id/assignments", .managers) { ctx in
        try CohortPages.assign(app, &ctx)
      },
      Route("POST", "/manage/cohorts/:id/refresher", .managers) { ctx in
        try RefresherPages.issue(app, &ctx)
      },
      Route("GET", "/manage/expiring", .managers, offload: true) { ctx in
        try RefresherPages.expiring(app, &ctx)
      },
      Route("POST", "/manage/expiring/refresher", .managers) { ctx in
        try RefresherPages.oneClick(app, &ctx)
      },
      Route("GET", "/manage/learners/:id", .managers) { ctx in try LearnerPage.render(app, &ctx) },
      Route("POST", "/manage/learners/:id/erase", .managers) { ctx in
        try LearnerPage.erase(app, &ctx)
      },
      Route("GET", "/manage/acknowledgements", .managers, offload: true) { ctx in
        try AcknowledgementsPage.render(app, &ctx)
      },
      Route("GET", "/manage/audit", .managers, offload: true) { ctx in
        try AuditPage.render(app, &ctx)
      },
      Route("GET", "/manage/export/audit.csv", .managers, offload: true) { ctx in
        try AuditPage.csv(app, &ctx)
      },
      Route("GET", "/manage/export/progress.csv", .managers, offload: true) { ctx in
        try ExportRoutes.progress(app, &ctx)
      },
      Route("GET", "/manage/export/attempts.csv", .managers, offload: true) { ctx in
        try ExportRoutes.attempts(app, &ctx)
      },
      Route("GET", "/manage/export/certificates.csv", .managers, offload: true) { ctx in
        try ExportRoutes.certificates(app, &ctx)
      },
      Route("GET", "/manage/export/groups.csv", .managers, offload: true) { ctx in
        try ExportRoutes.groups(app, &ctx)
      },
      Route("GET", "/manage/export/attendance.csv", .managers, offload: true) { ctx in
        try ExportRoutes.attendance(app, &ctx)
      },
      Route("GET", "/manage/export/xapi.json", .managers, offload: true) { ctx in
        try ExportRoutes.xapi(app, &ctx)
      },
      Route("GET", "/manage/outreach", .managers, offload: true) { ctx in
        try OutreachPage.render(app, &ctx)
      },
      Route("GET", "/manage/export/outreach.csv", .managers, offload: true) { ctx in
        try OutreachPage.csv(app, &ctx)
      },
    ] + DeletionRequestsPage.routes(app) + SessionPages.routes(app)
  }

  /// The signed-in manager or admin (the route table already let only them in).
  static func viewer(_ ctx: Context) throws -> User {
    guard let u = ctx.user, Access.managers.allows(u.role) else { throw AcademyError.forbidden }
    return u
  }

  /// The report scope from `?cohort=` (a cohort the viewer can see) or all theirs; exports
  /// ask for `export`.
  static func scope(_ app: App, _ ctx: Context, for action: Action = .viewResult) throws
    -> ReportScope
  {
    try app.academy.reportScope(
      viewer: try viewer(ctx), cohortID: ctx.query("cohort"), for: action)
  }

  /// `?cohort=…` to carry the filter on links, or "".
  static func cohortQuery(_ ctx: Context, prefix: String = "?") -> String {
    guard let c = ctx.query("cohort"), !c.isEmpty else { return "" }
    return prefix + "cohort=" + percentEncode(c)
  }

  static func percentEncode(_ s: String) -> String {
    var out = ""
    for b in s.utf8 {
      switch b {
      case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
        UInt8(ascii: "0")...UInt8(ascii: "9"),
        UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: "~"):
        out.unicodeScalars.append(Unicode.Scalar(b))
      default:
        let hex = Array("0123456789ABCDEF")
        out += "%" + String(hex[Int(b >> 4)]) + String(hex[Int(b & 15)])
      }
    }
    return out
  }

  /// The module's title in the page's language (its slug if untranslated).
  static func moduleTitle(_ app: App, _ slug: String, _ ctx: Context) -> String {
    app.academy.catalog.module(slug)?.text[ctx.language]?.title ?? slug
  }
}
