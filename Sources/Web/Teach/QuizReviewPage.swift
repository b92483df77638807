import Academy
import Catalog
import Foundation
import GIFT
import HTTPServer

/// `/teach/review/:m/:file`: a quiz's answer key for a second reader, the same lines as
/// `relais quiz review` (question, keyed answer, its feedback), read from the file on disk
/// so a quiz not yet served (with errors) can be reviewed too.
enum QuizReviewPage {
  static func render(_ app: App, _ ctx: inout Context) throws -> HTTPResponse {
    let module = try TeachRoutes.moduleSlug(app, ctx)
    let loader = app.academy.content.loader
    // Only a quiz file of this module, by its exact name in Assessments/ (no path).
    guard let file = ctx.request.parameters["file"],
      ContentTree.scan(loader).modules.first(where: { $0.slug == module })?.quizzes
        .contains(file) == true,
      let data = FileManager.default.contents(
        atPath: loader.assessments.appendingPathComponent(file).path)
    else { throw AcademyError.notFound }
    let result = GIFT.parse(String(decoding: data, as: UTF8.self), path: "Assessments/\(file)")
    var body: HTML = """
      \(TeachRoutes.stylesheet)
      <p class="meta"><a href="/teach">\(ctx.t("teach.title"))</a></p>
      <h1>\(ctx.t("teach.review.title", file))</h1>
      <p>\(ctx.t("teach.review.explain"))</p>
      <p>\(ctx.t(result.settings.shufflesAnswers ? "teach.review.shuffled" : "teach.review.fixed"))</p>
      """
    if !result.errors.isEmpty {
      let items: [HTML] = result.errors.map { "<li><code>\($0.description)</code></li>" }
      body += "<div class=\"bad\" role=\"alert\"><ul>\(items)</ul></div>"
    }
    var rows: [HTML] = []
    for line in GIFT.keySheet(result.questions) {
      let keys: [HTML] = line.keys.map {
        "<li><strong>\($0.answer)</strong>\($0.feedback.isEmpty ? HTML.empty : HTML("<br>\($0.feedback)"))</li>"
      }
      rows.append(
        """
        <tr><td><code>\(line.id)</code><br><small>\(ctx.t("teach.review.line", String(line.line))) · \(line.type)</small></td>\
        <td>\(line.text)</td><td><ul>\(keys)</ul></td></tr>
        """)
    }
    body += """
      <table tabindex="0"><tr><th scope="col">\(ctx.t("teach.review.question"))</th>\
      <th scope="col">\(ctx.t("teach.review.text"))</th>\
      <th scope="col">\(ctx.t("teach.review.key"))</th></tr>\(rows)</table>
      """
    return .page(Layout.page(ctx, title: ctx.t("teach.review.title", file), body))
  }
}
