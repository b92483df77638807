import Academy
import Catalog
import HTTPServer

/// `/manage`: the programme at a glance for the cohorts the viewer can see — funnel,
/// knowledge gain, passes over weeks, groups (with small-cell suppression), code of
/// conduct, and the completion matrix.
enum DashboardPage {
  static func render(_ app: App, _ ctx: inout Context) throws -> HTTPResponse {
    let viewer = try ManageRoutes.viewer(ctx)
    let scope = try ManageRoutes.scope(app, ctx)
    let rows = try app.academy.learnerReport(scope: scope)
    let body: HTML = """
      <h1>\(ctx.t("manage.title"))</h1>
      \(try filter(app, ctx, viewer: viewer, action: "/manage"))
      \(links(ctx))
      \(try funnelSection(app, ctx, scope: scope, rows: rows))
      \(gainSection(app, ctx, rows: rows))
      \(try weeksSection(app, ctx, scope: scope))
      \(GroupsSection.render(ctx, rows: rows, now: app.academy.now))
      \(try acknowledgementSummary(app, ctx, scope: scope))
      <h2 id="matrix">\(ctx.t("manage.matrix.title"))</h2>
      \(MatrixTable.render(app, ctx, rows: rows, path: "/manage/matrix"))
      """
    return .page(Layout.page(ctx, title: ctx.t("manage.title"), body))
  }

  static func matrixOnly(_ app: App, _ ctx: inout Context) throws -> HTTPResponse {
    let viewer = try ManageRoutes.viewer(ctx)
    let rows = try app.academy.learnerReport(scope: try ManageRoutes.scope(app, ctx))
    let body: HTML = """
      <h1>\(ctx.t("manage.matrix.title"))</h1>
      \(try filter(app, ctx, viewer: viewer, action: "/manage/matrix"))
      <p><a href="/manage\(ManageRoutes.cohortQuery(ctx))">\(ctx.t("manage.back"))</a></p>
      \(MatrixTable.render(app, ctx, rows: rows, path: "/manage/matrix"))
      """
    return .page(Layout.page(ctx, title: ctx.t("manage.matrix.title"), body))
  }

  /// The cohort filter: a GET form, so it works without script and can be bookmarked.
  static func filter(_ app: App, _ ctx: Context, viewer: User, action: String) throws -> HTML {
    let current = ctx.query("cohort") ?? ""
    var options: [HTML] = ["<option value=\"\">\(ctx.t("manage.filter.all"))</option>"]
    for k in try app.academy.cohorts(visibleTo: viewer) {
      options.append(
        "<option value=\"\(k.id)\"\(k.id == current ? HTML(trusted: " selected") : .empty)>\(k.name)</option>"
      )
    }
    return """
      <form method="get" action="\(action)">
      <label for="cohort">\(ctx.t("manage.filter.cohort"))</label><select id="cohort" name="cohort">\(options)</select>
      <div class="actions"><button class="secondary">\(ctx.t("manage.filter.apply"))</button></div>
      </form>
      """
  }

  static func links(_ ctx: Context) -> HTML {
    let q = ManageRoutes.cohortQuery(ctx)
    return """
      <ul>
      <li><a href="/manage/cohorts">\(ctx.t("manage.cohorts.title"))</a></li>
      <li><a href="/manage/expiring\(q)">\(ctx.t("manage.expiring.title"))</a></li>
      <li><a href="/manage/acknowledgements\(q)">\(ctx.t("manage.ack.title"))</a></li>
      <li><a href="/manage/audit">\(ctx.t("manage.audit.title"))</a></li>
      </ul>
      <h2>\(ctx.t("manage.export.title"))</h2>
      <ul>
      <li><a href="/manage/export/progress.csv\(q)">\(ctx.t("manage.export.progress"))</a></li>
      <li><a href="/manage/export/attempts.csv\(q)">\(ctx.t("manage.export.attempts"))</a></li>
      <li><a href="/manage/export/certificates.csv\(q)">\(ctx.t("manage.export.certificates"))</a></li>
      <li><a href="/manage/export/groups.csv\(q)">\(ctx.t("manage.export.groups"))</a></li>
      <li><a href="/manage/export/xapi.json\(q)">\(ctx.t("manage.export.xapi"))</a></li>
      </ul>
      """
  }

  static func funnelSection(
    _ app: App, _ ctx: Context, scope: ReportScope, rows: [LearnerReportRow]
  ) throws -> HTML {
    var out: HTML = "<h2>\(ctx.t("manage.funnel.title"))</h2>"
    for f in try app.academy.funnels(scope: scope, rows: rows) {
      let title = ManageRoutes.moduleTitle(app, f.module, ctx)
      let steps: [(String, Int)] = [
        (ctx.t("manage.funnel.invited"), f.invited), (ctx.t("manage.funnel.started"), f.started),
        (ctx.t("manage.funnel.read"), f.lessonsRead), (ctx.t("manage.funnel.passed"), f.passed),
        (ctx.t("manage.funnel.certified"), f.certified),
      ]
      let cells: [HTML] = steps.map { "<tr><th scope=\"row\">\($0.0)</th><td>\($0.1)</td></tr>" }
      out += """
        <figure>
        \(Charts.bars(label: ctx.t("manage.funnel.chart", title), steps, maxValue: f.invited))
        <figcaption>\(ctx.t("manage.funnel.chart", title))</figcaption>
        </figure>
        <table tabindex="0"><caption>\(title)</caption><tbody>\(cells)</tbody></table>
        """
    }
    return out
  }

  static func percent(_ d: Double?) -> String {
    guard let d else { return "–" }
    return "\(percentPoints(d)) %"
  }

  /// A fraction as whole percent; `Int(_:)` of a non-finite or huge double traps.
  static func percentPoints(_ d: Double) -> String {
    guard d.isFinite, abs(d) < 1e12 else { return "–" }
    return String(Int((d * 100).rounded()))
  }

  static func gainSection(_ app: App, _ ctx: Context, rows learners: [LearnerReportRow]) -> HTML {
    var rows: [HTML] = []
    for g in app.academy.knowledgeGain(rows: learners) {
      var gain = "–"
      if let pre = g.preMean, let post = g.postMean { gain = "\(percentPoints(post - pre)) pts" }
      rows.append(
        """
        <tr><th scope="row">\(ManageRoutes.moduleTitle(app, g.module, ctx))</th><td>\(percent(g.preMean)) (n = \(g.preCount))</td>\
        <td>\(percent(g.postMean)) (n = \(g.postCount))</td><td>\(gain)</td></tr>
        """)
    }
    return """
      <h2>\(ctx.t("manage.gain.title"))</h2>
      <p class="hint">\(ctx.t("manage.gain.explain"))</p>
      <table tabindex="0"><thead><tr><th scope="col">\(ctx.t("manage.module"))</th><th scope="col">\(ctx.t("manage.gain.pre"))</th>\
      <th scope="col">\(ctx.t("manage.gain.post"))</th><th scope="col">\(ctx.t("manage.gain.gain"))</th></tr></thead>
      <tbody>\(rows)</tbody></table>
      """
  }

  static func weeksSection(_ app: App, _ ctx: Context, scope: ReportScope) throws -> HTML {
    let weeks = try app.academy.passesPerWeek(scope: scope).map { (Dates.day($0.0), $0.1) }
    let cells: [HTML] = weeks.map { "<tr><th scope=\"row\">\($0.0)</th><td>\($0.1)</td></tr>" }
    return """
      <h2>\(ctx.t("manage.weeks.title"))</h2>
      <figure>
      \(Charts.line(label: ctx.t("manage.weeks.chart"), weeks))
      <figcaption>\(ctx.t("manage.weeks.chart"))</figcaption>
      </figure>
      <details><summary>\(ctx.t("manage.weeks.table"))</summary>
      <table tabindex="0"><thead><tr><th scope="col">\(ctx.t("manage.weeks.week"))</th><th scope="col">\(ctx.t("manage.weeks.passes"))</th></tr></thead>
      <tbody>\(cells)</tbody></table></details>
      """
  }

  static func acknowledgementSummary(_ app: App, _ ctx: Context, scope: ReportScope) throws -> HTML
  {
    let rows: [HTML] = try app.academy.acknowledgementCounts(scope: scope).map {
      "<tr><th scope=\"row\">\($0.document) v\($0.version)</th><td>\($0.count)</td></tr>"
    }
    return """
      <h2>\(ctx.t("manage.ack.title"))</h2>
      <table tabindex="0"><thead><tr><th scope="col">\(ctx.t("manage.ack.document"))</th><th scope="col">\(ctx.t("manage.ack.signed"))</th></tr></thead>
      <tbody>\(rows)</tbody></table>
      <p><a href="/manage/acknowledgements\(ManageRoutes.cohortQuery(ctx))">\(ctx.t("manage.ack.who"))</a></p>
      """
  }
}
