import Academy
import HTTPServer

/// The top of `/manage`: four numbers about people, what needs doing now, and knowledge
/// gain per module, each linking to the list behind it. Sized to fit one laptop screen and
/// two phone screens; details follow below it.
enum OverviewSection {
  /// The periods a manager can choose for "active", in days.
  static let periods = [30, 90, 365]

  static func period(_ ctx: Context) -> Int {
    periods.first { String($0) == ctx.query("period") } ?? 30
  }

  /// `cohort=…&period=…` for links that keep the filter, "" when both are default.
  static func filterQuery(_ ctx: Context, prefix: String = "?") -> String {
    var parts: [String] = []
    if let c = ctx.query("cohort"), !c.isEmpty {
      parts.append("cohort=" + ManageRoutes.percentEncode(c))
    }
    if period(ctx) != 30 { parts.append("period=\(period(ctx))") }
    return parts.isEmpty ? "" : prefix + parts.joined(separator: "&")
  }

  static func tiles(_ app: App, _ ctx: Context, rows: [LearnerReportRow]) -> HTML {
    let days = period(ctx)
    let o = app.academy.overview(
      rows: rows, activeSince: app.academy.now - Int64(days) * 86_400)
    let q = filterQuery(ctx, prefix: "&")  // escaped as it goes into the attribute
    func tile(_ n: Int, _ label: String, _ show: OverviewSet, tone: String = "") -> HTML {
      """
      <li class="tile\(tone)"><a href="/manage/matrix?show=\(show.rawValue)\(q)">\
      <span class="n">\(n)</span> <span class="l">\(label)</span></a></li>
      """
    }
    return """
      <section aria-labelledby="ov-h"><h2 id="ov-h" class="sr">\(ctx.t("overview.title"))</h2>
      <p class="meta">\(ctx.t("overview.learners", String(o.learners)))</p>
      <ul class="tiles">
      \(tile(o.active, ctx.t("overview.active", String(days)), .active))
      \(tile(o.certified, ctx.t("overview.certified"), .certified, tone: " good"))
      \(tile(o.overdue, ctx.t("overview.overdue"), .overdue, tone: o.overdue > 0 ? " late" : ""))
      \(tile(o.expiring, ctx.t("overview.expiring"), .expiring, tone: o.expiring > 0 ? " warn" : ""))
      </ul></section>
      """
  }

  /// What needs doing now, each line a link to its list; things with nothing waiting say so
  /// in one line rather than a list of zeros.
  static func actions(
    _ app: App, _ ctx: Context, viewer: User, rows: [LearnerReportRow]
  ) throws -> HTML {
    let now = app.academy.now
    let o = app.academy.overview(rows: rows, activeSince: now)
    let cq = ManageRoutes.cohortQuery(ctx)
    var items: [HTML] = []
    if o.overdue > 0 {
      items.append(
        "<li><a href=\"/manage/matrix?show=overdue\(HTML(trusted: ManageRoutes.cohortQuery(ctx, prefix: "&amp;")))\">\(ctx.t("overview.action.overdue", String(o.overdue)))</a></li>"
      )
    }
    if o.expiring > 0 {
      items.append(
        "<li><a href=\"/manage/expiring\(cq)\">\(ctx.t("overview.action.expiring", String(o.expiring)))</a></li>"
      )
    }
    // Essays: only someone who may mark them gets the count and the link.
    if try app.academy.cohortScope(viewer, .viewEssay)?.isEmpty != true {
      let essays = try app.academy.pendingEssays(viewer: viewer).count
      if essays > 0 {
        items.append(
          "<li><a href=\"/teach/essays\">\(ctx.t("overview.action.essays", String(essays)))</a></li>"
        )
      }
    }
    let deletions = try app.academy.deletionRequests(visibleTo: viewer)
    if !deletions.isEmpty {
      let late = deletions.filter { $0.request.dueAt <= now }.count
      let suffix = late > 0 ? " " + ctx.t("deletions.overdueCount", String(late)) : ""
      items.append(
        "<li><a href=\"/manage/deletions\">\(ctx.t("deletions.link", String(deletions.count)))</a>\(suffix)</li>"
      )
    }
    let sessions = try app.academy.liveSessions(visibleTo: viewer, from: now - 86_400)
    if let next = sessions.first {
      items.append(
        "<li><a href=\"/sessions/\(next.id)\">\(ctx.t("overview.action.session", Dates.long(next.startsAt, ctx.ui), HTML.isolate(next.title)))</a></li>"
      )
    }
    let list: HTML =
      items.isEmpty
      ? "<p>\(ctx.t("overview.action.none"))</p>" : "<ul class=\"todo\">\(items)</ul>"
    return """
      <section class="card" aria-labelledby="act-h"><h2 id="act-h">\(ctx.t("overview.action.title"))</h2>\(list)</section>
      """
  }

  /// Pre-test → certifying quiz per module, one line each.
  static func gain(_ app: App, _ ctx: Context, rows learners: [LearnerReportRow]) -> HTML {
    var rows: [HTML] = []
    let arrow = ctx.ui.isRightToLeft ? "←" : "→"  // arrows are not mirrored right to left
    for g in app.academy.knowledgeGain(rows: learners) {
      var change = "–"
      // `Int(_:)` of a non-finite double traps: means come from stored scores, but checked.
      if let pre = g.preMean, let post = g.postMean, (post - pre).isFinite, abs(post - pre) <= 1 {
        let pts = Int(((post - pre) * 100).rounded())
        change = ctx.t("overview.gain.points", (pts > 0 ? "+" : "") + String(pts))
      }
      // Before → after in one cell, the attempts counted under it: fits a phone's width.
      rows.append(
        """
        <tr><th scope="row">\(ManageRoutes.moduleTitle(app, g.module, ctx))</th>\
        <td>\(DashboardPage.percent(g.preMean)) \(arrow) \(DashboardPage.percent(g.postMean))\
        <br> <span class="meta">n=\(g.preCount)/\(g.postCount)</span></td><td><strong>\(change)</strong></td></tr>
        """)
    }
    let table: HTML = """
      <table class="gain"><thead><tr><th scope="col">\(ctx.t("manage.module"))</th><th scope="col">\(ctx.t("overview.gain.prepost"))</th>\
      <th scope="col">\(ctx.t("manage.gain.gain"))</th></tr></thead>
      <tbody>\(rows)</tbody></table>
      """
    return """
      <section aria-labelledby="gain-h"><h2 id="gain-h">\(ctx.t("manage.gain.title"))</h2>
      \(scroll(ctx.t("manage.gain.title"), table))
      <p class="hint">\(ctx.t("manage.gain.explain"))</p></section>
      """
  }

  /// One table for every module's funnel (it replaces a chart and a table per module).
  static func funnels(
    _ app: App, _ ctx: Context, scope: ReportScope, rows: [LearnerReportRow]
  ) throws -> HTML {
    var body: [HTML] = []
    for f in try app.academy.funnels(scope: scope, rows: rows) {
      func cell(_ n: Int) -> HTML {
        let pct = f.invited > 0 ? " <span class=\"meta\">\(n * 100 / f.invited) %</span>" : ""
        return "<td>\(n)\(HTML(trusted: pct))</td>"
      }
      body.append(
        """
        <tr><th scope="row">\(ManageRoutes.moduleTitle(app, f.module, ctx))</th><td>\(f.invited)</td>\
        \(cell(f.started))\(cell(f.lessonsRead))\(cell(f.passed))\(cell(f.certified))</tr>
        """)
    }
    let steps: [HTML] = ["invited", "started", "read", "passed", "certified"].map { k -> HTML in
      "<th scope=\"col\">\(ctx.t("manage.funnel.\(k)"))</th>"
    }
    let table: HTML = """
      <table><thead><tr><th scope="col">\(ctx.t("manage.module"))</th>\(steps)</tr></thead>
      <tbody>\(body)</tbody></table>
      """
    return """
      <h2>\(ctx.t("manage.funnel.title"))</h2>
      \(scroll(ctx.t("manage.funnel.title"), table))
      """
  }

  /// A wide table in a region that scrolls sideways on its own (the page never does), with
  /// the first column kept in view; focusable and named so keyboards and screen readers
  /// reach it.
  static func scroll(_ label: String, _ table: HTML) -> HTML {
    "<div class=\"scroll\" role=\"region\" tabindex=\"0\" aria-label=\"\(label)\">\(table)</div>"
  }
}
