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
    // Overview first (numbers, what to do, gain); then the details, each said once.
    let body: HTML = """
      <h1>\(ctx.t("manage.title"))</h1>
      \(try filter(app, ctx, viewer: viewer, action: "/manage"))
      \(OverviewSection.tiles(app, ctx, rows: rows))
      <div class="grid">
      \(try OverviewSection.actions(app, ctx, viewer: viewer, rows: rows))
      \(OverviewSection.gain(app, ctx, rows: rows))
      </div>
      \(try OverviewSection.funnels(app, ctx, scope: scope, rows: rows))
      <div class="grid">
      <section>\(try weeksSection(app, ctx, scope: scope))</section>
      <section>\(GroupsSection.render(ctx, rows: rows, now: app.academy.now))</section>
      <section>\(try SessionPages.dashboardSummary(app, ctx, viewer: viewer))
      \(try acknowledgementSummary(app, ctx, scope: scope))</section>
      <section>\(links(ctx))</section>
      </div>
      <h2 id="matrix">\(ctx.t("manage.matrix.title"))</h2>
      \(MatrixTable.render(app, ctx, rows: rows, path: "/manage/matrix"))
      """
    return .page(Layout.page(ctx, title: ctx.t("manage.title"), wide: true, body))
  }

  static func matrixOnly(_ app: App, _ ctx: inout Context) throws -> HTTPResponse {
    let viewer = try ManageRoutes.viewer(ctx)
    let rows = try app.academy.learnerReport(scope: try ManageRoutes.scope(app, ctx))
    let body: HTML = """
      <h1>\(ctx.t("manage.matrix.title"))</h1>
      \(try filter(app, ctx, viewer: viewer, action: "/manage/matrix"))
      <p><a href="/manage\(OverviewSection.filterQuery(ctx))">\(ctx.t("manage.back"))</a></p>
      \(MatrixTable.render(app, ctx, rows: rows, path: "/manage/matrix"))
      """
    return .page(Layout.page(ctx, title: ctx.t("manage.matrix.title"), wide: true, body))
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
    let days = OverviewSection.period(ctx)
    let periods: [HTML] = OverviewSection.periods.map { d in
      "<option value=\"\(d)\"\(d == days ? HTML(trusted: " selected") : .empty)>\(ctx.t("overview.period.days", String(d)))</option>"
    }
    let show: HTML =
      ctx.query("show").flatMap(OverviewSet.init(rawValue:)).map {
        "<input type=\"hidden\" name=\"show\" value=\"\($0.rawValue)\">"
      } ?? .empty
    return """
      <form method="get" action="\(action)" class="filters">\(show)
      <div><label for="cohort">\(ctx.t("manage.filter.cohort"))</label><select id="cohort" name="cohort">\(options)</select></div>
      <div><label for="period">\(ctx.t("overview.period"))</label><select id="period" name="period">\(periods)</select></div>
      <div><button class="secondary">\(ctx.t("manage.filter.apply"))</button></div>
      </form>
      """
  }

  static func links(_ ctx: Context) -> HTML {
    let q = ManageRoutes.cohortQuery(ctx)
    return """
      <ul>
      <li><a href="/manage/cohorts">\(ctx.t("manage.cohorts.title"))</a></li>
      <li><a href="/manage/sessions">\(ctx.t("session.list"))</a></li>
      <li><a href="/manage/expiring\(q)">\(ctx.t("manage.expiring.title"))</a></li>
      <li><a href="/manage/acknowledgements\(q)">\(ctx.t("manage.ack.title"))</a></li>
      <li><a href="/manage/outreach\(q)">\(ctx.t("outreach.link"))</a></li>
      <li><a href="/manage/audit">\(ctx.t("manage.audit.title"))</a></li>
      </ul>
      <h2>\(ctx.t("manage.export.title"))</h2>
      <ul>
      <li><a href="/manage/export/progress.csv\(q)">\(ctx.t("manage.export.progress"))</a></li>
      <li><a href="/manage/export/attempts.csv\(q)">\(ctx.t("manage.export.attempts"))</a></li>
      <li><a href="/manage/export/certificates.csv\(q)">\(ctx.t("manage.export.certificates"))</a></li>
      <li><a href="/manage/export/groups.csv\(q)">\(ctx.t("manage.export.groups"))</a></li>
      <li><a href="/manage/export/attendance.csv\(q)">\(ctx.t("session.export"))</a></li>
      <li><a href="/manage/export/xapi.json\(q)">\(ctx.t("manage.export.xapi"))</a></li>
      </ul>
      """
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

  /// Passes per week. The last week is still running: drawn hollow and dashed, and named
  /// "this week so far", so a low count there doesn't read as a collapse.
  static func weeksSection(_ app: App, _ ctx: Context, scope: ReportScope) throws -> HTML {
    let count = OverviewSection.period(ctx) >= 365 ? 52 : 12
    let weeks = try app.academy.passesPerWeek(scope: scope, weeks: count).map {
      (Dates.day($0.0), $0.1)
    }
    let soFar = ctx.t("overview.weeks.partial")
    let cells: [HTML] = weeks.enumerated().map { i, w in
      let note: HTML = i == weeks.count - 1 ? " <span class=\"meta\">(\(soFar))</span>" : .empty
      return "<tr><th scope=\"row\">\(w.0)\(note)</th><td>\(w.1)</td></tr>"
    }
    let label = ctx.t("overview.weeks.chart", String(count))
    let table: HTML = """
      <table><thead><tr><th scope="col">\(ctx.t("manage.weeks.week"))</th><th scope="col">\(ctx.t("manage.weeks.passes"))</th></tr></thead>
      <tbody>\(cells)</tbody></table>
      """
    return """
      <h2>\(ctx.t("manage.weeks.title"))</h2>
      <figure>
      \(Charts.line(label: label, weeks, partialLast: soFar, rtl: ctx.ui.isRightToLeft))
      <figcaption>\(label)</figcaption>
      </figure>
      <details><summary>\(ctx.t("manage.weeks.table"))</summary>
      \(OverviewSection.scroll(ctx.t("manage.weeks.table"), table))</details>
      """
  }

  static func acknowledgementSummary(_ app: App, _ ctx: Context, scope: ReportScope) throws -> HTML
  {
    let rows: [HTML] = try app.academy.acknowledgementCounts(scope: scope).map {
      "<tr><th scope=\"row\">\($0.document) v\($0.version)</th><td>\($0.count)</td></tr>"
    }
    let table: HTML = """
      <table><thead><tr><th scope="col">\(ctx.t("manage.ack.document"))</th><th scope="col">\(ctx.t("manage.ack.signed"))</th></tr></thead>
      <tbody>\(rows)</tbody></table>
      """
    return """
      <h2>\(ctx.t("manage.ack.title"))</h2>
      \(OverviewSection.scroll(ctx.t("manage.ack.title"), table))
      <p><a href="/manage/acknowledgements\(ManageRoutes.cohortQuery(ctx))">\(ctx.t("manage.ack.who"))</a></p>
      """
  }
}
