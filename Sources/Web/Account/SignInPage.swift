import Academy
import Catalog
import HTTPServer

/// Signing in: with a sign-in name and passphrase, or with a one-time link. A one-time link
/// is used by a POST (a button), so link previews in chat apps can't burn it.
enum SignInPage {
  static func form(_ app: App, _ ctx: inout Context, error: HTML = .empty, status: Int = 200)
    -> HTTPResponse
  {
    let body: HTML = """
      <h1>\(ctx.t("signin.title"))</h1>
      \(error)
      <form method="post" action="/signin">\(ctx.csrfField)
      <label for="handle">\(ctx.t("signin.handle"))</label>
      <input type="text" id="handle" name="handle" required autocomplete="username" autocapitalize="none" value="\(ctx.form["handle"] ?? "")">
      <label for="passphrase">\(ctx.t("signin.passphrase"))</label>
      <input type="password" id="passphrase" name="passphrase" required autocomplete="current-password">
      <div class="actions"><button class="primary">\(ctx.t("signin.submit"))</button></div>
      </form>
      <p class="hint">\(ctx.t("signin.noAccount"))</p>
      """
    return .page(Layout.page(ctx, title: ctx.t("signin.title"), body), status: status)
  }

  static func signIn(_ app: App, _ ctx: inout Context) throws -> HTTPResponse {
    let handle = (ctx.form["handle"] ?? "").lowercased()
    let ipKey = "signin-ip:" + ctx.request.remoteAddress
    let accountKey = "signin-account:" + handle
    if let wait = app.limiter.blocked(ipKey) ?? app.limiter.blocked(accountKey) {
      var r = form(
        app, &ctx,
        error: "<p class=\"bad\" role=\"alert\">\(ctx.t("signin.limited", String(wait)))</p>",
        status: 429)
      r.headers.set("Retry-After", String(wait * 60))
      return r
    }
    guard
      let user = try app.academy.verifyPassphrase(
        handle: handle, passphrase: ctx.form["passphrase"] ?? "")
    else {
      app.limiter.fail(ipKey)
      app.limiter.fail(accountKey)
      return form(
        app, &ctx, error: "<p class=\"bad\" role=\"alert\">\(ctx.t("signin.failed"))</p>",
        status: 401)
    }
    app.limiter.reset(accountKey)
    try AccountRoutes.startSession(app, &ctx, user: user)
    return .redirect(to: user.role == .learner ? "/" : home(user.role))
  }

  static func home(_ role: Role) -> String {
    switch role {
    case .admin: return "/admin"
    case .manager: return "/manage"
    case .trainer: return "/teach"
    case .learner: return "/"
    }
  }

  static func linkForm(_ app: App, _ ctx: inout Context) throws -> HTTPResponse {
    guard let token = ctx.request.parameters["token"], try app.academy.invite(token: token) != nil
    else {
      return .page(Layout.error(ctx, status: 404, messageKey: "signin.link.invalid"), status: 404)
    }
    let body: HTML = """
      <h1>\(ctx.t("signin.link.title"))</h1>
      <p>\(ctx.t("signin.link.explain"))</p>
      <form method="post" action="/signin/link/\(token)">\(ctx.csrfField)
      <div class="actions"><button class="primary">\(ctx.t("signin.submit"))</button></div></form>
      """
    return .page(Layout.page(ctx, title: ctx.t("signin.link.title"), body))
  }

  static func useLink(_ app: App, _ ctx: inout Context) throws -> HTTPResponse {
    guard let token = ctx.request.parameters["token"] else { throw AcademyError.notFound }
    let ipKey = "link-ip:" + ctx.request.remoteAddress
    if let refused = app.refuseIfLimited([ipKey], ctx, title: ctx.t("signin.title")) {
      return refused
    }
    guard let invite = try app.academy.invite(token: token), invite.userID != nil else {
      app.limiter.fail(ipKey)
      return .page(Layout.error(ctx, status: 404, messageKey: "signin.link.invalid"), status: 404)
    }
    let user = try app.academy.redeem(token: token, profile: nil)
    try AccountRoutes.startSession(app, &ctx, user: user)
    return .redirect(to: home(user.role))
  }
}
