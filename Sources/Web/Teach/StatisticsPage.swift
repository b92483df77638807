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

  static func filter(_ ctx: Context) -> ItemAnalysisFilter {
    let cohort = ctx.query("cohort").flatMap { $0.isEmpty ? nil : $0 }
    return ItemAnalysisFilter(
      cohortID: cohort, from: ctx.query("from").flatMap(day),
      to: ctx.query("to").flatMap(day).map { $0 + 86_399 })
  }

  /// `2026-03-01` → Unix seconds at 00:00 UTC.
  static func day(_ s: String) -> Int64? {
    let p = s.split(separator: "-").compactMap { Int($0) }
    guard p.count == 3, (1...12).contains(p[1]), (1...31).contains(p[2]) else { return nil }
    // Days from civil (Howard Hinnant's algorithm).
    let y = p[1] <= 2 ? p[0] - 1 : p[0]
    let era = (y >= 0 ? y : y - 399) / 400
    let yoe = y - era * 400
    let mp = (p[1] + 9) % 12
    let doy = (153 * mp + 2) / 5 + p[2] - 1
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
    return Int64(era * 146_097 + doe - 719_468) * 86_400
  }

  static func percent(_ v: Double?) -> String {
    v.map { String(Int(($0 * 100).rounded())) + " %" } ?? "–"
  }
  static func decimal(_ v: Double?) -> String { v.map { String(format: "%.2f", $0) } ?? "–" }

  static func render(_ app: App, _ ctx: inout Context) throws -> HTTPResponse {
    let m = try TeachRoutes.moduleSlug(app, ctx)
    let f = filter(ctx)
    let a = try app.academy.itemAnalysis(module: m, filter: f)
    let cohorts: [HTML] = try app.academy.cohortNames().map {
      "<option value=\"\($0.id)\"\(f.cohortID == $0.id ? HTML(" selected") : .empty)>\($0.name)</option>"
    }
    let query = ctx.request.rawQuery
    var body: HTML = """
      \(TeachRoutes.stylesheet)
      <p class="meta"><a href="/teach">\(ctx.t("teach.title"))</a> · <code>\(m)</code></p>
      <h1>\(ctx.t("teach.stats.title"))</h1>
      <form method="get" action="/teach/modules/\(m)/statistics" class="card">
      <label for="cohort">\(ctx.t("teach.stats.cohort"))</label>
      <select id="cohort" name="cohort"><option value="">\(ctx.t("teach.stats.everyone"))</option>\(cohorts)</select>
      <label for="from">\(ctx.t("teach.stats.from"))</label><input type="date" id="from" name="from" value="\(ctx.query("from") ?? "")">
      <label for="to">\(ctx.t("teach.stats.to"))</label><input type="date" id="to" name="to" value="\(ctx.query("to") ?? "")">
      <div class="actions"><button class="primary">\(ctx.t("teach.stats.show"))</button>
      <a class="btn secondary" href="/teach/modules/\(m)/statistics.csv\(query.isEmpty ? "" : "?" + query)" download>\(ctx.t("teach.stats.csv"))</a></div>
      </form>
      <p>\(ctx.t("teach.stats.attempts", String(a.attempts)))</p>
      <h2>\(ctx.t("teach.stats.prePost"))</h2>
      <table><tr><th scope="col">\(ctx.t("teach.stats.learners"))</th><th scope="col">\(ctx.t("teach.stats.preMean"))</th><th scope="col">\(ctx.t("teach.stats.postMean"))</th><th scope="col">\(ctx.t("teach.stats.gain"))</th></tr>
      \(prePostRow(a.prePost))</table>
      <h2>\(ctx.t("teach.stats.questions"))</h2>
      <p class="hint">\(ctx.t("teach.stats.explain"))</p>
      """
    guard a.learners >= minimumGroup else {
      body += "<p class=\"notice\">\(ctx.t("teach.stats.suppressed", String(minimumGroup)))</p>"
      return .page(Layout.page(ctx, title: ctx.t("teach.stats.title"), body))
    }
    var rows: [HTML] = []
    for q in a.questions {
      let flags: [HTML] = q.flags.sorted { $0.rawValue < $1.rawValue }.map {
        "<span class=\"status warn\">\(ctx.t("teach.stats.flag.\($0.rawValue)"))</span> "
      }
      let wrong: [HTML] = q.wrongAnswers.map {
        "<li>\($0.answer.isEmpty ? ctx.t("teach.stats.noAnswer") : String($0.answer.prefix(80))): \($0.count)</li>"
      }
      rows.append(
        """
        <tr><th scope="row"><code>\(q.id)</code><br><span class="hint">\(String(q.text.prefix(100)))</span></th>
        <td class="num">\(q.attempts)</td><td class="num">\(percent(q.facility))</td><td class="num">\(decimal(q.discrimination))</td>
        <td>\(flags)</td><td>\(wrong.isEmpty ? .empty : HTML("<ul>\(wrong)</ul>"))</td></tr>
        """)
    }
    body += """
      <table><tr><th scope="col">\(ctx.t("teach.stats.question"))</th><th scope="col">\(ctx.t("teach.stats.answers"))</th><th scope="col">\(ctx.t("teach.stats.facility"))</th><th scope="col">\(ctx.t("teach.stats.discrimination"))</th><th scope="col">\(ctx.t("teach.stats.flags"))</th><th scope="col">\(ctx.t("teach.stats.wrong"))</th></tr>
      \(rows)</table>
      """
    return .page(Layout.page(ctx, title: ctx.t("teach.stats.title"), body))
  }

  static func prePostRow(_ p: PrePostComparison) -> HTML {
    guard p.learners >= minimumGroup else {
      return
        "<tr><td class=\"num\">\(p.learners < 1 ? "0" : "< \(minimumGroup)")</td><td>–</td><td>–</td><td>–</td></tr>"
    }
    let gain = p.gain.map { ($0 >= 0 ? "+" : "") + percent($0) } ?? "–"
    return """
      <tr><td class="num">\(p.learners)</td><td class="num">\(percent(p.preMean))</td><td class="num">\(percent(p.postMean))</td><td class="num">\(gain)</td></tr>
      """
  }

  static func csv(_ app: App, _ ctx: inout Context) throws -> HTTPResponse {
    let m = try TeachRoutes.moduleSlug(app, ctx)
    let a = try app.academy.itemAnalysis(module: m, filter: filter(ctx))
    var out = "question,type,attempts,facility,discrimination,flags,wrong_answers\r\n"
    // Small groups: the header only (see `minimumGroup`).
    for q in a.learners >= minimumGroup ? a.questions : [] {
      let wrong = q.wrongAnswers.map {
        "\($0.answer.isEmpty ? "(no answer)" : $0.answer): \($0.count)"
      }.joined(separator: "; ")
      let cells = [
        field(q.id), field(q.type), String(q.attempts),
        q.facility.map { String(format: "%.4f", $0) } ?? "",
        q.discrimination.map { String(format: "%.4f", $0) } ?? "",
        field(q.flags.map(\.rawValue).sorted().joined(separator: " ")), field(wrong),
      ]
      out += cells.joined(separator: ",") + "\r\n"
    }
    out += "\r\npre_post_learners,pre_mean,post_mean,gain\r\n"
    var p = a.prePost
    if p.learners < minimumGroup {
      p = PrePostComparison(learners: 0, preMean: nil, postMean: nil, gain: nil)
    }
    out +=
      "\(p.learners),\([p.preMean, p.postMean, p.gain].map { $0.map { String(format: "%.4f", $0) } ?? "" }.joined(separator: ","))\r\n"
    var r = HTTPResponse(status: 200, contentType: "text/csv; charset=utf-8", body: out)
    r.headers.set("Content-Disposition", "attachment; filename=\"\(m)-statistics.csv\"")
    r.headers.set("Cache-Control", "no-store")
    return r
  }

  /// A CSV text cell: quoted, quotes doubled, and a leading = + - @ neutralised so a
  /// spreadsheet does not run it as a formula.
  static func field(_ s: String) -> String {
    var v = s
    if let c = v.first, "=+-@\t\r".contains(c) { v = "'" + v }
    return "\"" + v.replacingOccurrences(of: "\"", with: "\"\"") + "\""
  }
}
