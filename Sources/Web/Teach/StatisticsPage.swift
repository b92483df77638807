import Academy
import Catalog
import Foundation
import HTTPServer

/// `/teach/modules/:m/statistics`: item analysis of the certifying quiz for a chosen cohort
/// and period (a GET form, so a view can be bookmarked), and the same as CSV.
enum StatisticsPage {
  /// Groups smaller than this are not shown (DESIGN: small-cell suppression), so a small
  /// cohort's statistics cannot be read back to one learner's answers.
  static let minimumGroup = 5

  /// The chosen cohort and period, limited to the cohorts the viewer is attached to (an
  /// admin sees all); another cohort's id is answered as not found.
  static func filter(_ app: App, _ ctx: Context) throws -> (
    filter: ItemAnalysisFilter, cohorts: [(id: String, name: String)]
  ) {
    guard let viewer = ctx.user else { throw AcademyError.forbidden }
    let cohorts = try app.academy.cohorts(visibleTo: viewer, for: .viewStatistics).map {
      (id: $0.id, name: $0.name)
    }
    let chosen = ItemAnalysisFilter(
      cohortID: ctx.query("cohort").flatMap { $0.isEmpty ? nil : $0 },
      from: Dates.parseDayStart(ctx.query("from")), to: Dates.parseDay(ctx.query("to")))
    return (try app.academy.statisticsFilter(chosen, viewer: viewer), cohorts)
  }

  static func percent(_ v: Double?) -> String {
    v.map { String(Int(($0 * 100).rounded())) + " %" } ?? "–"
  }
  static func decimal(_ v: Double?) -> String { v.map { String(format: "%.2f", $0) } ?? "–" }

  static func render(_ app: App, _ ctx: inout Context) throws -> HTTPResponse {
    let m = try TeachRoutes.moduleSlug(app, ctx)
    let (f, visible) = try filter(app, ctx)
    let a = try app.academy.itemAnalysis(module: m, filter: f)
    let cohorts: [HTML] = visible.map {
      "<option value=\"\($0.id)\"\(f.cohortID == $0.id ? HTML(" selected") : .empty)>\($0.name)</option>"
    }
    let query = ctx.request.rawQuery
    var body: HTML = """
      \(TeachRoutes.stylesheet)
      <p class="meta"><a href="/teach">\(ctx.t("teach.title"))</a> · <code>\(m)</code></p>
      <h1>\(ctx.t("teach.stats.title"))</h1>
      <form method="get" action="/teach/modules/\(m)/statistics" class="card">
      <label for="cohort">\(ctx.t("teach.stats.cohort"))</label>
      <select id="cohort" name="cohort"><option value="">\(ctx.t(f.withinCohorts == nil ? "teach.stats.everyone" : "teach.stats.mine"))</option>\(cohorts)</select>
      <label for="from">\(ctx.t("teach.stats.from"))</label><input type="date" id="from" name="from" value="\(ctx.query("from") ?? "")">
      <label for="to">\(ctx.t("teach.stats.to"))</label><input type="date" id="to" name="to" value="\(ctx.query("to") ?? "")">
      <div class="actions"><button class="primary">\(ctx.t("teach.stats.show"))</button>
      <a class="btn secondary" href="/teach/modules/\(m)/statistics.csv\(query.isEmpty ? "" : "?" + query)" download>\(ctx.t("teach.stats.csv"))</a></div>
      </form>
      \(f.withinCohorts?.isEmpty == true ? "<p class=\"hint\">\(ctx.t("teach.stats.noCohorts"))</p>" : HTML.empty)
      <p>\(ctx.t("teach.stats.attempts", String(a.attempts)))</p>
      <h2>\(ctx.t("teach.stats.prePost"))</h2>
      \(prePost(ctx, a.prePost))
      <h2>\(ctx.t("teach.stats.questions"))</h2>
      <p class="hint">\(ctx.t("teach.stats.explain"))</p>
      """
    guard a.learners >= minimumGroup else {
      body += "<p class=\"notice\">\(ctx.t("teach.stats.suppressed", String(minimumGroup)))</p>"
      return .page(Layout.page(ctx, title: ctx.t("teach.stats.title"), body))
    }
    // One card per question: a wide table reads badly at 360 px (the CSV has the table).
    for (i, q) in a.questions.enumerated() {
      let flags: [HTML] = q.flags.sorted { $0.rawValue < $1.rawValue }.map {
        "<span class=\"status warn\">\(ctx.t("teach.stats.flag.\($0.rawValue)"))</span> "
      }
      let wrong: [HTML] = q.wrongAnswers.map {
        "<li>\($0.answer.isEmpty ? ctx.t("teach.stats.noAnswer") : String($0.answer.prefix(120))): \($0.count)</li>"
      }
      body += """
        <section class="card" aria-labelledby="q\(i)">
        <h3 id="q\(i)"><code>\(q.id)</code></h3>
        <p class="hint">\(String(q.text.prefix(160)))</p>
        <dl class="stats">
        <dt>\(ctx.t("teach.stats.answers"))</dt><dd>\(q.attempts)</dd>
        <dt>\(ctx.t("teach.stats.facility"))</dt><dd>\(percent(q.facility))</dd>
        <dt>\(ctx.t("teach.stats.discrimination"))</dt><dd>\(decimal(q.discrimination))</dd>
        </dl>
        \(flags.isEmpty ? .empty : HTML("<p>\(flags)</p>"))
        \(wrong.isEmpty ? .empty : HTML("<p>\(ctx.t("teach.stats.wrong"))</p><ul>\(wrong)</ul>"))
        </section>
        """
    }
    return .page(Layout.page(ctx, title: ctx.t("teach.stats.title"), body))
  }

  /// Learners with both tests, the two means and the gain; hidden for small groups.
  static func prePost(_ ctx: Context, _ p: PrePostComparison) -> HTML {
    let shown = p.learners >= minimumGroup
    let learners = shown || p.learners == 0 ? String(p.learners) : "< \(minimumGroup)"
    // Percentage points, not a relative change.
    let gain =
      shown
      ? p.gain.map {
        ctx.t("teach.stats.points", ($0 >= 0 ? "+" : "−") + String(Int(abs($0 * 100).rounded())))
      } ?? "–"
      : "–"
    return """
      <dl class="stats">
      <dt>\(ctx.t("teach.stats.learners"))</dt><dd>\(learners)</dd>
      <dt>\(ctx.t("teach.stats.preMean"))</dt><dd>\(shown ? percent(p.preMean) : "–")</dd>
      <dt>\(ctx.t("teach.stats.postMean"))</dt><dd>\(shown ? percent(p.postMean) : "–")</dd>
      <dt>\(ctx.t("teach.stats.gain"))</dt><dd>\(gain)</dd>
      </dl>
      """
  }

  static func csv(_ app: App, _ ctx: inout Context) throws -> HTTPResponse {
    let m = try TeachRoutes.moduleSlug(app, ctx)
    let a = try app.academy.itemAnalysis(module: m, filter: try filter(app, ctx).filter)
    func decimal(_ d: Double?) -> String { d.map { String(format: "%.4f", $0) } ?? "" }
    var csv = CSV(header: [
      "question", "type", "attempts", "facility", "discrimination", "flags", "wrong_answers",
    ])
    // Small groups: the header only (see `minimumGroup`).
    for q in a.learners >= minimumGroup ? a.questions : [] {
      let wrong = q.wrongAnswers.map {
        "\($0.answer.isEmpty ? "(no answer)" : $0.answer): \($0.count)"
      }.joined(separator: "; ")
      try csv.row([
        q.id, q.type, String(q.attempts), decimal(q.facility), decimal(q.discrimination),
        q.flags.map(\.rawValue).sorted().joined(separator: " "), wrong,
      ])
    }
    try csv.endRow()
    var p = a.prePost
    if p.learners < minimumGroup {
      p = PrePostComparison(learners: 0, preMean: nil, postMean: nil, gain: nil)
    }
    try csv.row(["pre_post_learners", "pre_mean", "post_mean", "gain"])
    try csv.row([String(p.learners), decimal(p.preMean), decimal(p.postMean), decimal(p.gain)])
    return csv.response(filename: "\(m)-statistics.csv")
  }
}
