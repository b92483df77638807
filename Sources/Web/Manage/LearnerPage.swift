import Academy
import HTTPServer

/// One learner as their manager sees them: progress per module, assignments,
/// certificates, and the erasure button.
enum LearnerPage {
  static func render(_ app: App, _ ctx: inout Context) throws -> HTTPResponse {
    let viewer = try ManageRoutes.viewer(ctx)
    let u = try app.academy.learner(ctx.request.parameters["id"] ?? "", visibleTo: viewer)
    let now = app.academy.now
    let report = try app.academy.learnerReport(userID: u.id)
    let progress = try app.academy.progress(userID: u.id)
    var modules: [HTML] = []
    for m in app.academy.catalog.modules {
      let p = progress[m.slug]
      let status = report?.statuses[m.slug] ?? .notStarted
      modules.append(
        """
        <tr><th scope="row">\(ManageRoutes.moduleTitle(app, m.slug, ctx))</th><td>\(MatrixTable.badge(status, ctx))</td>\
        <td>\(p?.lessonsRead.count ?? 0) / \(m.lessons.count)</td><td>\(DashboardPage.percent(p?.bestScore))</td>\
        <td>\(p?.certificate.map { Dates.day($0.expiresAt) } ?? "–")</td></tr>
        """)
    }
    let assignments: [HTML] = try app.academy.assignments(userID: u.id).map {
      let state =
        $0.done
        ? ctx.t("manage.assign.done")
        : ($0.overdue(at: now) ? ctx.t("manage.status.overdue") : ctx.t("manage.assign.open"))
      return
        "<tr><td>\(ManageRoutes.moduleTitle(app, $0.module, ctx))</td><td>\(ctx.t("manage.kind.\($0.kind.rawValue)"))</td><td>\($0.dueAt.map(Dates.day) ?? "–")</td><td>\(state)</td></tr>"
    }
    let name = u.erased ? ctx.t("manage.erasedName") : u.displayName
    let erase: HTML =
      u.erased
      ? "<p class=\"notice\">\(ctx.t("manage.erase.done"))</p>"
      : """
      <h2>\(ctx.t("manage.erase.title"))</h2>
      <p>\(ctx.t("manage.erase.explain"))</p>
      <form method="post" action="/manage/learners/\(u.id)/erase">\(ctx.csrfField)
      <label class="choice"><input type="checkbox" name="confirm" value="yes" required> \(ctx.t("manage.erase.confirm", HTML.isolate(u.displayName)))</label>
      <div class="actions"><button class="primary">\(ctx.t("manage.erase.submit"))</button></div>
      </form>
      """
    let body: HTML = """
      <h1>\(name)</h1>
      <p><a href="/manage">\(ctx.t("manage.back"))</a></p>
      <div class="scroll" role="region" tabindex="0" aria-label="\(ctx.t("manage.learner.status"))"><table><thead><tr><th scope="col">\(ctx.t("manage.module"))</th><th scope="col">\(ctx.t("manage.learner.status"))</th>\
      <th scope="col">\(ctx.t("manage.learner.lessons"))</th><th scope="col">\(ctx.t("manage.learner.best"))</th>\
      <th scope="col">\(ctx.t("manage.expiring.expires"))</th></tr></thead><tbody>\(modules)</tbody></table></div>
      <h2>\(ctx.t("manage.assign.title"))</h2>
      \(assignments.isEmpty ? HTML("<p>\(ctx.t("manage.learner.noAssignments"))</p>") : HTML("""
        <div class="scroll" role="region" tabindex="0" aria-label="\(ctx.t("manage.assign.title"))"><table><thead><tr><th scope="col">\(ctx.t("manage.module"))</th><th scope="col">\(ctx.t("manage.kind"))</th>\
        <th scope="col">\(ctx.t("manage.due"))</th><th scope="col">\(ctx.t("manage.learner.status"))</th></tr></thead><tbody>\(assignments)</tbody></table></div>
        """))
      \(SessionPages.attendedSection(app, try app.academy.attendance(userID: u.id), ctx))
      \(erase)
      """
    return .page(Layout.page(ctx, title: name, body))
  }

  static func erase(_ app: App, _ ctx: inout Context) throws -> HTTPResponse {
    let viewer = try ManageRoutes.viewer(ctx)
    let u = try app.academy.learner(ctx.request.parameters["id"] ?? "", visibleTo: viewer)
    guard ctx.form["confirm"] == "yes" else { throw AcademyError("manage.erase.confirmNeeded") }
    try app.academy.eraseLearner(userID: u.id, actor: viewer)
    return .redirect(to: "/manage/learners/\(u.id)")
  }
}
