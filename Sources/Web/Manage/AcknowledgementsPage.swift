import Academy
import HTTPServer

/// Who has acknowledged which version of the code of conduct.
enum AcknowledgementsPage {
  static let limit = 1000

  static func render(_ app: App, _ ctx: inout Context) throws -> HTTPResponse {
    let all = try app.academy.acknowledgements(scope: try ManageRoutes.scope(app, ctx))
    let rows: [HTML] = all.prefix(limit).map {
      """
      <tr><th scope="row"><a href="/manage/learners/\($0.userID)">\($0.name.isEmpty ? ctx.t("manage.erasedName") : $0.name)</a></th>\
      <td>\($0.document)</td><td>\($0.version)</td><td>\(Dates.day($0.at))</td></tr>
      """
    }
    let body: HTML = """
      <h1>\(ctx.t("manage.ack.title"))</h1>
      <p><a href="/manage\(ManageRoutes.cohortQuery(ctx))">\(ctx.t("manage.back"))</a></p>
      <p>\(ctx.t("manage.ack.count", String(all.count), String(min(all.count, limit))))</p>
      <div class="scroll" role="region" tabindex="0" aria-label="\(ctx.t("manage.ack.title"))"><table><thead><tr><th scope="col">\(ctx.t("manage.matrix.learner"))</th><th scope="col">\(ctx.t("manage.ack.document"))</th>\
      <th scope="col">\(ctx.t("manage.ack.version"))</th><th scope="col">\(ctx.t("manage.ack.date"))</th></tr></thead><tbody>\(rows)</tbody></table></div>
      """
    return .page(Layout.page(ctx, title: ctx.t("manage.ack.title"), body))
  }
}
