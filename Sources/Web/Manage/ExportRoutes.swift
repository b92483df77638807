import Academy
import HTTPServer

/// CSV exports (progress, attempts, certificates, groups) and the xAPI statements, all
/// limited to the cohorts the viewer can see (and `?cohort=` when given).
enum ExportRoutes {
  /// Downloads of personal data are staff actions like any other: recorded.
  static func audit(_ app: App, _ ctx: Context, _ what: String) throws {
    try app.academy.audit(
      actor: try ManageRoutes.viewer(ctx).id, action: "export.\(what)", subject: ctx.query("cohort")
    )
  }

  static func progress(_ app: App, _ ctx: inout Context) throws -> HTTPResponse {
    try audit(app, ctx, "progress")
    let rows = try app.academy.learnerReport(scope: try ManageRoutes.scope(app, ctx))
    let modules = app.academy.catalog.modules
    var out = CSV.line([
      "learner_id", "name", "module", "status", "lessons_read", "lessons", "best_score",
      "certificate_expires",
    ])
    for r in MatrixTable.sorted(rows, by: "name", descending: false) {
      for m in modules {
        let f = r.facts[m.slug] ?? ModuleFacts()
        out += CSV.line([
          r.id, r.erased ? "" : r.name, m.slug, r.statuses[m.slug]?.rawValue ?? "",
          String(f.lessonsRead), String(m.lessons.count),
          CSV.number(f.bestScore),
          f.hasCertificate ? f.certificateExpiresAt.map(Dates.day) ?? "" : "",
        ])
      }
    }
    return CSV.response(out, filename: "progress.csv")
  }

  static func attempts(_ app: App, _ ctx: inout Context) throws -> HTTPResponse {
    try audit(app, ctx, "attempts")
    let records = try app.academy.attemptRecords(scope: try ManageRoutes.scope(app, ctx))
    var out = CSV.line([
      "attempt_id", "learner_id", "name", "module", "kind", "language", "started", "submitted",
      "score", "passed",
    ])
    for a in records {
      out += CSV.line([
        a.id, a.userID, a.name, a.module, a.kind, a.locale, Dates.instant(a.startedAt),
        a.submittedAt.map(Dates.instant) ?? "",
        CSV.number(a.score), a.passed.map { $0 ? "yes" : "no" } ?? "",
      ])
    }
    return CSV.response(out, filename: "attempts.csv")
  }

  static func certificates(_ app: App, _ ctx: inout Context) throws -> HTTPResponse {
    try audit(app, ctx, "certificates")
    let records = try app.academy.certificateRecords(scope: try ManageRoutes.scope(app, ctx))
    let now = app.academy.now
    var out = CSV.line([
      "code", "learner_id", "name", "module", "issued", "expires", "status", "revoked_reason",
    ])
    for c in records {
      let status = c.revokedAt != nil ? "revoked" : (c.expiresAt <= now ? "expired" : "valid")
      out += CSV.line([
        c.code, c.userID, c.revokedReason == "erased" ? "" : c.name, c.module,
        Dates.day(c.issuedAt), Dates.day(c.expiresAt), status, c.revokedReason ?? "",
      ])
    }
    return CSV.response(out, filename: "certificates.csv")
  }

  static func groups(_ app: App, _ ctx: inout Context) throws -> HTTPResponse {
    try audit(app, ctx, "groups")
    let rows = try app.academy.learnerReport(scope: try ManageRoutes.scope(app, ctx))
    let text = CSV.document(
      header: ["dimension", "group", "learners", "started", "passed", "certified"],
      rows: GroupsSection.csvRows(ctx, rows: rows, now: app.academy.now))
    return CSV.response(text, filename: "groups.csv")
  }

  static func xapi(_ app: App, _ ctx: inout Context) throws -> HTTPResponse {
    try audit(app, ctx, "xapi")
    let scope = try ManageRoutes.scope(app, ctx)
    var base = app.configuration.publicURL ?? app.origin(for: ctx.request)
    while base.hasSuffix("/") { base.removeLast() }
    let json = XAPI.statements(
      base: base, reads: try app.academy.lessonReads(scope: scope),
      attempts: try app.academy.attemptRecords(scope: scope),
      certificates: try app.academy.certificateRecords(scope: scope))
    var r = HTTPResponse.json(json)
    r.headers.set("Content-Disposition", "attachment; filename=\"xapi.json\"")
    r.headers.set("Cache-Control", "no-store")
    return r
  }
}
