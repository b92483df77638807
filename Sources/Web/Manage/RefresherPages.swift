import Academy
import HTTPServer

/// Refresher sessions (for a cohort, from its page) and the list of certificates expiring
/// in 30, 60 or 90 days with a one-click refresher for each.
enum RefresherPages {
  static func form(_ app: App, _ ctx: Context, cohortID: String) -> HTML {
    let boxes: [HTML] = app.academy.catalog.modules.map {
      "<label class=\"choice\"><input type=\"checkbox\" name=\"module\" value=\"\($0.slug)\" checked> \(ManageRoutes.moduleTitle(app, $0.slug, ctx))</label>"
    }
    return """
      <h2>\(ctx.t("manage.refresher.title"))</h2>
      <p class="hint">\(ctx.t("manage.refresher.explain"))</p>
      <form method="post" action="/manage/cohorts/\(cohortID)/refresher">\(ctx.csrfField)
      <fieldset><legend>\(ctx.t("manage.refresher.modules"))</legend>\(boxes)</fieldset>
      <label for="r-due">\(ctx.t("manage.due"))</label><input type="date" id="r-due" name="due" required>
      <label for="r-before">\(ctx.t("manage.refresher.before"))</label>
      <input type="date" id="r-before" name="before" aria-describedby="r-before-hint">
      <p class="hint" id="r-before-hint">\(ctx.t("manage.refresher.beforeHint"))</p>
      <div class="actions"><button class="primary">\(ctx.t("manage.refresher.submit"))</button></div>
      </form>
      """
  }

  static func issue(_ app: App, _ ctx: inout Context) throws -> HTTPResponse {
    let k = try CohortPages.cohort(app, ctx)
    guard let due = Dates.parseDay(ctx.form["due"]) else {
      throw AcademyError("manage.dateInvalid")
    }
    let before = ctx.form["before"].flatMap { $0.isEmpty ? nil : $0 }
    var limit: Int64?
    if let before {
      guard let d = Dates.parseDay(before) else { throw AcademyError("manage.dateInvalid") }
      limit = d
    }
    try app.academy.issueRefresher(
      cohortID: k.id, modules: ctx.form.all("module"), dueAt: due, expiringBefore: limit,
      actor: try ManageRoutes.viewer(ctx))
    return .redirect(to: "/manage/cohorts/\(k.id)")
  }

  static func expiring(_ app: App, _ ctx: inout Context) throws -> HTTPResponse {
    let days = [30, 60, 90].first { String($0) == ctx.query("days") } ?? 30
    let certs = try app.academy.expiringCertificates(
      scope: try ManageRoutes.scope(app, ctx), days: days)
    let q = ManageRoutes.cohortQuery(ctx, prefix: "&amp;")
    let choices: [HTML] = [30, 60, 90].map { d in
      d == days
        ? "<li><strong aria-current=\"page\">\(ctx.t("manage.expiring.days", String(d)))</strong></li>"
        : "<li><a href=\"/manage/expiring?days=\(d)\(HTML(trusted: q))\">\(ctx.t("manage.expiring.days", String(d)))</a></li>"
    }
    let due = Dates.day(app.academy.now + 30 * 86_400)
    let rows: [HTML] = certs.prefix(1000).map { c in
      let action: HTML =
        c.refresherPending
        ? "<span class=\"status\">\(ctx.t("manage.expiring.pending"))</span>"
        : """
        <form method="post" action="/manage/expiring/refresher">\(ctx.csrfField)<input type="hidden" name="code" value="\(c.code)">\
        <input type="hidden" name="days" value="\(days)"><input type="hidden" name="due" value="\(due)">\
        <button class="secondary">\(ctx.t("manage.expiring.refresh"))</button></form>
        """
      return """
        <tr><th scope="row"><a href="/manage/learners/\(c.userID)">\(HTML.isolated(c.name))</a></th><td>\(ManageRoutes.moduleTitle(app, c.module, ctx))</td>\
        <td>\(Dates.day(c.expiresAt))</td><td>\(action)</td></tr>
        """
    }
    let body: HTML = """
      <h1>\(ctx.t("manage.expiring.title"))</h1>
      <p><a href="/manage\(ManageRoutes.cohortQuery(ctx))">\(ctx.t("manage.back"))</a></p>
      <ul>\(choices)</ul>
      <p>\(ctx.t("manage.expiring.count", String(certs.count), due))</p>
      <div class="scroll" role="region" tabindex="0" aria-label="\(ctx.t("manage.expiring.title"))"><table><thead><tr><th scope="col">\(ctx.t("manage.matrix.learner"))</th><th scope="col">\(ctx.t("manage.module"))</th>\
      <th scope="col">\(ctx.t("manage.expiring.expires"))</th><th scope="col">\(ctx.t("manage.refresher.title"))</th></tr></thead>
      <tbody>\(rows)</tbody></table></div>
      """
    return .page(Layout.page(ctx, title: ctx.t("manage.expiring.title"), body))
  }

  static func oneClick(_ app: App, _ ctx: inout Context) throws -> HTTPResponse {
    let due = Dates.parseDay(ctx.form["due"]) ?? app.academy.now + 30 * 86_400
    try app.academy.refresher(
      forCertificate: ctx.form["code"] ?? "", dueAt: due, viewer: try ManageRoutes.viewer(ctx))
    let days = [30, 60, 90].first { String($0) == ctx.form["days"] } ?? 30
    return .redirect(to: "/manage/expiring?days=\(days)")
  }
}
