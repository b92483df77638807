import Academy
import Catalog
import Foundation
import HTTPServer

/// `/teach/essays`: essay answers waiting for a mark from this trainer (the learners of their
/// cohorts), oldest first. Marking is blind: no name is read, an opaque reference stands in.
enum EssaysPage {
  static func render(_ app: App, _ ctx: inout Context) throws -> HTTPResponse {
    guard let u = ctx.user else { throw AcademyError.forbidden }
    let day = ISO8601DateFormatter()
    day.formatOptions = [.withFullDate]
    let pending = try app.academy.pendingEssays(viewer: u)
    var body: HTML = """
      <p class="meta"><a href="/teach">\(ctx.t("teach.title"))</a></p>
      <h1>\(ctx.t("teach.essays.title"))</h1>
      \(TeachRoutes.notice(ctx))
      """
    if pending.isEmpty { body += "<p>\(ctx.t("teach.essays.none"))</p>" }
    for (i, e) in pending.enumerated() {
      let date = day.string(from: Date(timeIntervalSince1970: Double(e.submittedAt)))
      body += """
        <section class="card" aria-labelledby="essay-\(i)">
        <h2 id="essay-\(i)">\(e.reference) · \(e.module) · \(ctx.t("teach.essays.kind.\(e.kind.rawValue)")) · \(date)</h2>
        <p><strong>\(ctx.t("teach.essays.question"))</strong> \(e.question)</p>
        <p><strong>\(ctx.t("teach.essays.answer"))</strong></p>
        <blockquote><p>\(e.answer)</p></blockquote>
        <form method="post" action="/teach/essays">\(ctx.csrfField)
        <input type="hidden" name="attempt" value="\(e.attemptID)"><input type="hidden" name="question" value="\(e.questionID)">
        <label for="pct-\(i)">\(ctx.t("teach.essays.mark"))</label>
        <input type="number" id="pct-\(i)" name="percent" min="0" max="100" step="1" required inputmode="numeric">
        <label for="fb-\(i)">\(ctx.t("teach.essays.feedback"))</label>
        <textarea id="fb-\(i)" name="feedback" maxlength="4000"></textarea>
        <div class="actions"><button class="primary">\(ctx.t("teach.essays.save"))</button></div>
        </form>
        </section>
        """
    }
    return .page(Layout.page(ctx, title: ctx.t("teach.essays.title"), body))
  }

  static func mark(_ app: App, _ ctx: inout Context) throws -> HTTPResponse {
    // Question ids are authors' free text: they travel in the form, not in the path.
    guard let u = ctx.user, let attempt = ctx.form["attempt"], let question = ctx.form["question"]
    else {
      throw AcademyError.notFound
    }
    guard let pct = Numbers.decimal(ctx.form["percent"], in: 0...100) else {
      return TeachRoutes.back("/teach/essays", problem: "teach.error.fraction")
    }
    try app.academy.markEssay(
      attemptID: attempt, questionID: question, fraction: pct / 100,
      feedback: ctx.form["feedback"] ?? "", by: u)
    return TeachRoutes.back("/teach/essays", done: "marked")
  }
}
