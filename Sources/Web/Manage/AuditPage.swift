import Academy
import HTTPServer

/// The audit log: every staff action (an admin sees all; a manager their own), and its CSV.
enum AuditPage {
  static func render(_ app: App, _ ctx: inout Context) throws -> HTTPResponse {
    let entries = try app.academy.auditLog(viewer: try ManageRoutes.viewer(ctx), limit: 500)
    let rows: [HTML] = entries.map {
      "<tr><td>\(Dates.instant($0.at))</td><td>\($0.actorName ?? "–")</td><td>\($0.action)</td><td>\($0.subject ?? "")</td><td>\($0.detail ?? "")</td></tr>"
    }
    let body: HTML = """
      <h1>\(ctx.t("manage.audit.title"))</h1>
      <p><a href="/manage">\(ctx.t("manage.back"))</a> · <a href="/manage/export/audit.csv">\(ctx.t("manage.audit.csv"))</a></p>
      <p class="hint">\(ctx.t("manage.audit.explain"))</p>
      <div class="scroll" role="region" tabindex="0" aria-label="\(ctx.t("manage.audit.title"))"><table><thead><tr><th scope="col">\(ctx.t("manage.audit.at"))</th><th scope="col">\(ctx.t("manage.audit.actor"))</th>\
      <th scope="col">\(ctx.t("manage.audit.action"))</th><th scope="col">\(ctx.t("manage.audit.subject"))</th>\
      <th scope="col">\(ctx.t("manage.audit.detail"))</th></tr></thead><tbody>\(rows)</tbody></table></div>
      """
    return .page(Layout.page(ctx, title: ctx.t("manage.audit.title"), body))
  }

  static func csv(_ app: App, _ ctx: inout Context) throws -> HTTPResponse {
    let entries = try app.academy.auditLog(viewer: try ManageRoutes.viewer(ctx), limit: nil)
    var csv = CSV(header: ["at", "actor_id", "actor_name", "action", "subject", "detail"])
    for e in entries {
      csv.instant(e.at)
      try csv.row([e.actorID ?? "", e.actorName ?? "", e.action, e.subject ?? "", e.detail ?? ""])
    }
    return csv.response(filename: "audit.csv")
  }
}
