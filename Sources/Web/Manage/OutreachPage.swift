import Academy
import HTTPServer

/// `/manage/outreach`: per cohort and period, briefings sent, read and shared, activity
/// logged per week and reach by platform; groups under 5 learners suppressed. Its CSV
/// carries the same numbers, one row per cohort and measure.
enum OutreachPage {
  /// The period from `?from=` and `?to=` (days); the last four weeks by default. A day that
  /// isn't one is a 400, not a silently different report.
  static func period(_ app: App, _ ctx: Context) throws -> (from: Int64, to: Int64) {
    let now = app.academy.now
    let today = now - now % 86_400
    func day(_ name: String, _ fallback: Int64) throws -> Int64 {
      guard let s = ctx.query(name), !s.isEmpty else { return fallback }
      guard let end = Dates.parseDay(s) else { throw AcademyError("error.badRequest") }
      return end - 86_399
    }
    let to = try day("to", today)
    let from = try day("from", to - 27 * 86_400)
    guard from <= to, to - from <= 3 * 366 * 86_400 else { throw AcademyError("error.badRequest") }
    return (from, to)
  }

  static func reports(_ app: App, _ ctx: Context) throws -> ([OutreachReport], Int64, Int64) {
    let viewer = try ManageRoutes.viewer(ctx)
    let (from, to) = try period(app, ctx)
    return (
      try app.academy.outreachReports(
        viewer: viewer, cohortID: ctx.query("cohort"), from: from, to: to), from, to
    )
  }

  /// Average pre-test and certifying-quiz scores per cohort (the knowledge change the
  /// dashboard already computes), from one report over the viewer's scope; nil where fewer
  /// than 5 learners took that test.
  static func knowledge(_ app: App, _ ctx: Context) throws -> [String: (
    pre: Double?, post: Double?
  )] {
    let rows = try app.academy.learnerReport(
      scope: try app.academy.reportScope(
        viewer: try ManageRoutes.viewer(ctx), cohortID: ctx.query("cohort"), for: .viewOutreach))
    var sums: [String: (preN: Int, pre: Double, post: Double, postN: Int, preL: Int, postL: Int)] =
      [:]
    for r in rows {
      var pre = 0.0
      var preN = 0
      var post = 0.0
      var postN = 0
      for f in r.facts.values {
        pre += f.preScoreSum
        preN += f.preSubmitted
        post += f.postScoreSum
        postN += f.postSubmitted
      }
      for k in r.cohortIDs {
        var s = sums[k] ?? (0, 0, 0, 0, 0, 0)
        s.pre += pre
        s.preN += preN
        s.post += post
        s.postN += postN
        s.preL += preN > 0 ? 1 : 0
        s.postL += postN > 0 ? 1 : 0
        sums[k] = s
      }
    }
    let least = Academy.minimumGroupSize
    return sums.mapValues { s in
      (
        s.preL >= least && s.preN > 0 ? s.pre / Double(s.preN) : nil,
        s.postL >= least && s.postN > 0 ? s.post / Double(s.postN) : nil
      )
    }
  }

  static func percent(_ d: Double?, _ ctx: Context) -> String {
    d.map { "\(Int(($0 * 100).rounded()))%" } ?? ctx.t("outreach.hidden")
  }

  static func rate(_ n: Int?, _ of: Int, _ ctx: Context) -> String {
    guard let n else { return ctx.t("outreach.hidden") }
    let pct = of > 0 ? Int((Double(n) * 100 / Double(of)).rounded()) : 0
    return ctx.t("outreach.rate", String(n), String(of), String(pct))
  }

  static func number(_ n: Int?, _ ctx: Context) -> String {
    n.map(String.init) ?? ctx.t("outreach.hidden")
  }

  static func render(_ app: App, _ ctx: inout Context) throws -> HTTPResponse {
    let (reports, from, to) = try reports(app, ctx)
    let cohort = ctx.query("cohort") ?? ""
    var body: HTML = """
      <h1>\(ctx.t("outreach.title"))</h1><p>\(ctx.t("outreach.intro"))</p>
      <form method="get" action="/manage/outreach" class="card">
      <input type="hidden" name="cohort" value="\(cohort)">
      <label for="from">\(ctx.t("outreach.from"))</label><input type="date" id="from" name="from" value="\(Dates.day(from))">
      <label for="to">\(ctx.t("outreach.to"))</label><input type="date" id="to" name="to" value="\(Dates.day(to))">
      <p><button>\(ctx.t("outreach.show"))</button></p></form>
      """
    let q =
      "?from=\(Dates.day(from))&to=\(Dates.day(to))\(ManageRoutes.cohortQuery(ctx, prefix: "&"))"
    body +=
      "<p><a class=\"btn secondary\" href=\"/manage/export/outreach.csv\(q)\">\(ctx.t("outreach.csv"))</a></p>"
    let known = try knowledge(app, ctx)
    for r in reports { body += section(r, knowledge: known[r.cohortID], ctx) }
    return .page(Layout.page(ctx, title: ctx.t("outreach.title"), body))
  }

  static func section(
    _ r: OutreachReport, knowledge: (pre: Double?, post: Double?)?, _ ctx: Context
  ) -> HTML {
    var out: HTML = """
      <h2><bdi>\(r.cohortName)</bdi></h2><p class="meta">\(ctx.t("outreach.learners", String(r.learners)))</p>
      """
    guard !r.suppressed else {
      return out + "<p class=\"notice\">\(ctx.t("outreach.suppressed"))</p>"
    }
    out += """
      <table><tbody>
      <tr><th scope="row">\(ctx.t("outreach.sent"))</th><td>\(r.briefingsSent)</td></tr>
      <tr><th scope="row">\(ctx.t("outreach.readRate"))</th><td>\(rate(r.reads, r.possible, ctx))</td></tr>
      <tr><th scope="row">\(ctx.t("outreach.shareRate"))</th><td>\(rate(r.shares, r.possible, ctx))</td></tr>
      <tr><th scope="row">\(ctx.t("outreach.questions"))</th><td>\(number(r.questions, ctx))</td></tr>
      <tr><th scope="row">\(ctx.t("outreach.referrals"))</th><td>\(number(r.referrals, ctx))</td></tr>
      <tr><th scope="row">\(ctx.t("outreach.knowledge"))</th><td>\(ctx.t("outreach.knowledgeValue", percent(knowledge?.pre, ctx), percent(knowledge?.post, ctx)))</td></tr>
      </tbody></table>
      """
    out += "<h3>\(ctx.t("outreach.weeks"))</h3>"
    if r.weeks.isEmpty {
      out += "<p>\(ctx.t("outreach.none"))</p>"
    } else {
      let rows: [HTML] = r.weeks.map {
        "<tr><td>\(Dates.long($0.start, ctx.ui))</td><td>\(number($0.entries, ctx))</td><td>\(number($0.reach, ctx))</td></tr>"
      }
      out += """
        <table><thead><tr><th scope="col">\(ctx.t("outreach.week"))</th><th scope="col">\(ctx.t("outreach.entries"))</th><th scope="col">\(ctx.t("outreach.reach"))</th></tr></thead><tbody>\(rows)</tbody></table>
        """
    }
    if !r.platforms.isEmpty {
      let rows: [HTML] = r.platforms.map {
        "<tr><td>\(ctx.t("platform.\($0.platform)"))</td><td>\(number($0.entries, ctx))</td><td>\(number($0.reach, ctx))</td><td>\(number($0.engagement, ctx))</td></tr>"
      }
      out += """
        <h3>\(ctx.t("outreach.platforms"))</h3>
        <table><thead><tr><th scope="col">\(ctx.t("activity.platform"))</th><th scope="col">\(ctx.t("outreach.entries"))</th><th scope="col">\(ctx.t("outreach.reach"))</th><th scope="col">\(ctx.t("outreach.engagement"))</th></tr></thead><tbody>\(rows)</tbody></table>
        """
    }
    return out
  }

  /// One row per cohort and measure: `cohort_id, cohort, from, to, measure, key, value, of`
  /// (knowledge as average percent scores, over all time: tests are not tied to a period).
  /// A suppressed value is empty (never 0, which would be a claim).
  static func csv(_ app: App, _ ctx: inout Context) throws -> HTTPResponse {
    try ExportRoutes.audit(app, ctx, "outreach")
    let (reports, from, to) = try reports(app, ctx)
    let known = try knowledge(app, ctx)
    let header = ["cohort_id", "cohort", "from", "to", "measure", "key", "value", "of"]
    return CSV.download(filename: "outreach.csv", header: header) { csv in
      func row(_ r: OutreachReport, _ measure: String, _ key: String, _ v: Int?, _ of: Int?)
        throws
      {
        csv.cell(r.cohortID)
        csv.cell(r.cohortName)
        csv.day(from)
        csv.day(to)
        csv.cell(measure)
        csv.cell(key)
        if let v { csv.cell(v) } else { csv.cell("") }
        if let of { csv.cell(of) } else { csv.cell("") }
        try csv.endRow()
      }
      for r in reports {
        try row(r, "learners", "", r.learners, nil)
        if r.suppressed { continue }
        try row(r, "briefings_sent", "", r.briefingsSent, nil)
        try row(r, "briefings_read", "", r.reads, r.possible)
        try row(r, "briefings_shared", "", r.shares, r.possible)
        try row(r, "questions", "", r.questions, nil)
        try row(r, "protection_referrals", "", r.referrals, nil)
        let k = known[r.cohortID]
        func pct(_ d: Double?) -> Int? { d.map { Int(($0 * 100).rounded()) } }
        try row(r, "knowledge_pre_percent", "", pct(k?.pre), nil)
        try row(r, "knowledge_post_percent", "", pct(k?.post), nil)
        for w in r.weeks {
          try row(r, "entries_per_week", Dates.day(w.start), w.entries, nil)
          try row(r, "reach_per_week", Dates.day(w.start), w.reach, nil)
        }
        for p in r.platforms {
          try row(r, "entries_by_platform", p.platform, p.entries, nil)
          try row(r, "reach_by_platform", p.platform, p.reach, nil)
          try row(r, "engagement_by_platform", p.platform, p.engagement, nil)
        }
      }
    }
  }
}
