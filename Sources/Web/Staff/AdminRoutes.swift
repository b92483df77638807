import Academy
import Catalog
import Foundation
import HTTPServer

/// The admin's page: make invitation links (learners and staff) and sign-in links.
enum AdminRoutes {
  static func routes(_ app: App) -> [Route] {
    [
      Route("GET", "/admin", .admins) { ctx in page(app, &ctx) },
      Route("POST", "/admin/invites", .managers) { ctx in try createInvite(app, &ctx) },
    ]
  }

  static func inviteForm(_ ctx: Context, roles: [Role]) -> HTML {
    let roleOptions: [HTML] = roles.map {
      "<option value=\"\($0.rawValue)\">\(ctx.t("role.\($0.rawValue)"))</option>"
    }
    let langs: [HTML] = ctx.ui.offered.map {
      "<option value=\"\($0.language.rawValue)\" lang=\"\($0.language.rawValue)\">\($0.name)</option>"
    }
    return """
      <form method="post" action="/admin/invites">\(ctx.csrfField)
      <label for="role">\(ctx.t("invite.role"))</label><select id="role" name="role">\(roleOptions)</select>
      <label for="name">\(ctx.t("invite.name"))</label><input type="text" id="name" name="name" maxlength="80">
      <label for="locale">\(ctx.t("invite.locale"))</label><select id="locale" name="locale">\(langs)</select>
      <div class="actions"><button class="primary">\(ctx.t("invite.create"))</button></div>
      </form>
      """
  }

  static func page(_ app: App, _ ctx: inout Context, created: HTML = .empty) -> HTTPResponse {
    let deletions =
      ctx.user.flatMap { try? DeletionRequestsPage.link(app, ctx, viewer: $0) } ?? .empty
    let body: HTML = """
      <h1>\(ctx.t("admin.title"))</h1>
      \(created)
      \(deletions)
      <h2>\(ctx.t("invite.title"))</h2>
      <p>\(ctx.t("invite.explain"))</p>
      \(inviteForm(ctx, roles: Role.allCases))
      """
    return .page(Layout.page(ctx, title: ctx.t("admin.title"), body))
  }

  static func createInvite(_ app: App, _ ctx: inout Context) throws -> HTTPResponse {
    guard let u = ctx.user else { throw AcademyError.forbidden }
    let role = ctx.form["role"].flatMap(Role.init(rawValue:)) ?? .learner
    // Managers invite learners; staff accounts are the policy's `inviteStaff` (an admin).
    if role != .learner { try app.academy.authorize(u, .inviteStaff, .programme) }
    let name = (ctx.form["name"] ?? "").trimmingCharacters(in: .whitespaces)
    let token = try app.academy.createInvite(
      role: role, displayName: name.isEmpty ? nil : String(name.prefix(80)),
      locale: app.academy.catalog.offeredLanguage(ctx.form["locale"]), createdBy: u.id)
    let link = app.absoluteURL("/join/\(token)", ctx.request)
    let created: HTML = """
      <div class="ok" role="status"><p>\(ctx.t("invite.created"))</p>
      <p><input type="text" readonly value="\(link)" aria-label="\(ctx.t("invite.link"))"></p></div>
      """
    if Access.admins.allows(u.role) { return page(app, &ctx, created: created) }
    return .page(
      Layout.page(
        ctx, title: ctx.t("invite.title"),
        "<h1>\(ctx.t("invite.title"))</h1>\(created)<p><a href=\"/manage\">\(ctx.t("nav.manage"))</a></p>"
      ))
  }
}
