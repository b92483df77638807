import Academy
import Catalog
import HTTPServer

/// `/join/{token}`: a manager's one-time invitation creates the learner's account.
enum JoinPage {
  static func form(_ app: App, _ ctx: inout Context, error: String? = nil) throws -> HTTPResponse {
    guard let token = ctx.request.parameters["token"],
      let invite = try app.academy.invite(token: token)
    else {
      return .page(Layout.error(ctx, status: 404, messageKey: "join.invalid"), status: 404)
    }
    if invite.userID != nil { return .redirect(to: "/signin/link/\(token)") }
    let name = ctx.form["name"] ?? invite.displayName ?? ""
    func options(_ field: String, _ values: [String]) -> HTML {
      let chosen = ctx.form[field] ?? ""
      let opts: [HTML] = values.map { v in
        "<option value=\"\(v)\"\(HTML(trusted: chosen == v ? " selected" : ""))>\(ctx.t("join.\(field).\(v)"))</option>"
      }
      return
        "<label for=\"\(field)\">\(ctx.t("join.\(field)"))</label><select id=\"\(field)\" name=\"\(field)\"><option value=\"\">\(ctx.t("join.preferNot"))</option>\(opts)</select>"
    }
    let langs: [HTML] = ctx.ui.offered.map { l, name in
      let selected = (invite.locale ?? ctx.language) == l ? " checked" : ""
      return
        "<label class=\"choice\"><input type=\"radio\" name=\"locale\" value=\"\(l.rawValue)\"\(HTML(trusted: selected))> <span lang=\"\(l.rawValue)\">\(name)</span></label>"
    }
    let err: HTML = error.map { "<p class=\"bad\" role=\"alert\">\(ctx.t($0))</p>" } ?? .empty
    let body: HTML = """
      <h1>\(ctx.t("join.title"))</h1>
      <p>\(ctx.t("join.intro"))</p>
      \(err)
      <form method="post" action="/join/\(token)">\(ctx.csrfField)
      <label for="name">\(ctx.t("join.name"))</label>
      <p class="hint" id="name-hint">\(ctx.t("join.nameHint"))</p>
      <input type="text" id="name" name="name" value="\(name)" required maxlength="80" autocomplete="nickname" aria-describedby="name-hint">
      <fieldset><legend>\(ctx.t("join.locale"))</legend>\(langs)</fieldset>
      <fieldset><legend>\(ctx.t("join.optional"))</legend>
      <p class="hint">\(ctx.t("join.optionalWhy"))</p>
      \(options("age", Profile.ageBands))
      \(options("gender", Profile.genders))
      \(options("disability", Profile.disabilities))
      </fieldset>
      <label class="choice"><input type="checkbox" name="consent" value="yes" required> <span>\(ctx.t("join.consent")) <a href="/privacy">\(ctx.t("footer.privacy"))</a></span></label>
      <div class="actions"><button class="primary">\(ctx.t("join.submit"))</button></div>
      </form>
      """
    return .page(Layout.page(ctx, title: ctx.t("join.title"), body))
  }

  static func join(_ app: App, _ ctx: inout Context) throws -> HTTPResponse {
    guard let token = ctx.request.parameters["token"] else { throw AcademyError.notFound }
    let ip = "join:" + ctx.request.remoteAddress
    if let refused = app.refuseIfLimited([ip], ctx, title: ctx.t("join.title")) { return refused }
    let profile = Profile(
      displayName: ctx.form["name"] ?? "",
      locale: app.academy.catalog.offeredLanguage(ctx.form["locale"]) ?? ctx.language,
      ageBand: ctx.form["age"], gender: ctx.form["gender"], disability: ctx.form["disability"],
      consent: ctx.form["consent"] == "yes")
    do {
      let user = try app.academy.redeem(token: token, profile: profile)
      try AccountRoutes.startSession(app, &ctx, user: user)
      ctx.use(user.locale, app.academy.catalog)
      return .redirect(to: "/")
    } catch let e as AcademyError where e.key == "invite.invalid" {
      app.limiter.fail(ip)
      return .page(Layout.error(ctx, status: 404, messageKey: "join.invalid"), status: 404)
    } catch let e as AcademyError {
      var r = try form(app, &ctx, error: e.key)
      r.status = 400
      return r
    }
  }
}
