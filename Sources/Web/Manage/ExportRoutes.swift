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
    let rows = try app.academy.learnerReport(scope: try ManageRoutes.scope(app, ctx, for: .export))
    let modules = app.academy.catalog.modules
    let slugs = modules.map(\.slug)
    let lessons = modules.map(\.lessons.count)
    let header = [
      "learner_id", "name", "module", "status", "lessons_read", "lessons", "best_score",
      "certificate_expires",
    ]
    return CSV.download(filename: "progress.csv", header: header) { csv in
      for i in MatrixTable.order(rows, by: "name", descending: false) {
        let r = rows[i]
        for j in slugs.indices {
          let f = r.facts.values[j]
          csv.cell(r.id)
          csv.cell(r.erased ? "" : r.name)
          csv.cell(slugs[j])
          csv.cell(r.statuses.values[j].rawValue)
          csv.cell(f.lessonsRead)
          csv.cell(lessons[j])
          csv.number(f.bestScore)
          csv.day(f.hasCertificate ? f.certificateExpiresAt : nil)
          try csv.endRow()
        }
      }
    }
  }

  static func attempts(_ app: App, _ ctx: inout Context) throws -> HTTPResponse {
    try audit(app, ctx, "attempts")
    let scope = try ManageRoutes.scope(app, ctx, for: .export)
    let academy = app.academy
    let header = [
      "attempt_id", "learner_id", "name", "module", "kind", "language", "started", "submitted",
      "score", "passed",
    ]
    return CSV.download(filename: "attempts.csv", header: header) { csv in
      try academy.forEachAttempt(scope: scope) { a in
        csv.cell(a.id)
        csv.cell(a.userID)
        csv.cell(a.name)
        csv.cell(a.module)
        csv.cell(a.kind)
        csv.cell(a.locale)
        csv.instant(a.startedAt)
        csv.instant(a.submittedAt)
        csv.number(a.score)
        csv.cell(a.passed.map { $0 ? "yes" : "no" } ?? "")
        try csv.endRow()
      }
    }
  }

  static func certificates(_ app: App, _ ctx: inout Context) throws -> HTTPResponse {
    try audit(app, ctx, "certificates")
    let records = try app.academy.certificateRecords(
      scope: try ManageRoutes.scope(app, ctx, for: .export))
    let now = app.academy.now
    let header = [
      "code", "learner_id", "name", "module", "issued", "expires", "status", "revoked_reason",
    ]
    return CSV.download(filename: "certificates.csv", header: header) { csv in
      for c in records {
        csv.cell(c.code)
        csv.cell(c.userID)
        csv.cell(c.revokedReason == "erased" ? "" : c.name)
        csv.cell(c.module)
        csv.day(c.issuedAt)
        csv.day(c.expiresAt)
        csv.cell(c.revokedAt != nil ? "revoked" : (c.expiresAt <= now ? "expired" : "valid"))
        csv.cell(c.revokedReason ?? "")
        try csv.endRow()
      }
    }
  }

  static func groups(_ app: App, _ ctx: inout Context) throws -> HTTPResponse {
    try audit(app, ctx, "groups")
    let rows = try app.academy.learnerReport(scope: try ManageRoutes.scope(app, ctx, for: .export))
    var csv = CSV(header: ["dimension", "group", "learners", "started", "passed", "certified"])
    for r in GroupsSection.csvRows(ctx, rows: rows, now: app.academy.now) { try csv.row(r) }
    return csv.response(filename: "groups.csv")
  }

  /// Live sessions and who came: one row per invited learner the viewer may export.
  static func attendance(_ app: App, _ ctx: inout Context) throws -> HTTPResponse {
    try audit(app, ctx, "attendance")
    let viewer = try ManageRoutes.viewer(ctx)
    let visible = Set(
      try app.academy.learnerReport(scope: try ManageRoutes.scope(app, ctx, for: .export)).map(\.id)
    )
    let cohort = ctx.query("cohort").flatMap { $0.isEmpty ? nil : $0 }
    var csv = CSV(header: [
      "session_id", "title", "starts", "ends", "modules", "learner_id", "name", "present",
    ])
    for s in try app.academy.liveSessions(visibleTo: viewer, from: 0, limit: 10_000)
    where cohort.map(s.cohortIDs.contains) ?? true {
      for p in try app.academy.invitees(of: s) where visible.contains(p.userID) {
        try csv.row([
          s.id, s.title, Dates.instant(s.startsAt), Dates.instant(s.endsAt),
          s.modules.joined(separator: " "), p.userID, p.name, p.present ? "1" : "0",
        ])
      }
    }
    return csv.response(filename: "attendance.csv")
  }

  static func xapi(_ app: App, _ ctx: inout Context) throws -> HTTPResponse {
    try audit(app, ctx, "xapi")
    let scope = try ManageRoutes.scope(app, ctx, for: .export)
    var base = app.configuration.publicURL ?? app.origin(for: ctx.request)
    while base.hasSuffix("/") { base.removeLast() }
    let academy = app.academy
    return XAPI.download(base: base) { x in
      try academy.forEachLessonRead(scope: scope) { try x.read($0) }
      try academy.forEachAttempt(scope: scope) { try x.attempt($0) }
      try academy.forEachAnswer(scope: scope) { try x.answer($0) }
      for c in try academy.certificateRecords(scope: scope) { try x.certificate(c) }
      try academy.forEachOutreachRecord(scope: scope) { try x.outreach($0) }
    }
  }
}
