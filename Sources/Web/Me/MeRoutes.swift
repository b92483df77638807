import Academy
import Catalog
import HTTPServer

/// The learner's own data: see it, download it, correct it, set a passphrase, ask for
/// deletion. Every route acts only on the signed-in person (no id in the URL to guess).
enum MeRoutes {
  static func routes(_ app: App) -> [Route] {
    [
      Route("GET", "/me", .signedIn) { ctx in try MePage.render(app, &ctx) },
      Route("GET", "/me/export.json", .signedIn, offload: true) { ctx in
        try MeExport.json(app, &ctx)
      },
      Route("POST", "/me/profile", .signedIn) { ctx in try updateProfile(app, &ctx) },
      // PBKDF2 is deliberately slow: off the event loop (POST routes are offloaded).
      Route("POST", "/me/passphrase", .signedIn) { ctx in try setPassphrase(app, &ctx) },
      Route("POST", "/me/delete", .signedIn) { ctx in try requestDeletion(app, &ctx) },
      Route("POST", "/me/delete/cancel", .signedIn) { ctx in try cancelDeletion(app, &ctx) },
    ] + OfflineRoutes.routes(app)
  }

  static func updateProfile(_ app: App, _ ctx: inout Context) throws -> HTTPResponse {
    guard let u = ctx.user else { throw AcademyError.forbidden }
    let locale = app.academy.catalog.offeredLanguage(ctx.form["locale"]) ?? u.locale
    do {
      try app.academy.updateProfile(
        userID: u.id, displayName: ctx.form["name"] ?? "", locale: locale, ageBand: ctx.form["age"],
        gender: ctx.form["gender"],
        disability: ctx.form["disability"])
    } catch let e as AcademyError {
      return try MePage.render(app, &ctx, error: e.key, status: 400)
    }
    ctx.setCookies.append(
      Cookies.make(
        Cookies.language, locale.rawValue, maxAge: 365 * 86_400,
        secure: app.configuration.secureCookies))
    return .redirect(to: "/me?saved=profile#profile")
  }

  static func setPassphrase(_ app: App, _ ctx: inout Context) throws -> HTTPResponse {
    guard let token = ctx.sessionToken, let session = try app.academy.session(token: token) else {
      throw AcademyError.forbidden
    }
    // Guessing the current passphrase here is limited like sign-in (per account).
    let key = "reauth:" + session.user.id
    if let refused = app.refuseIfLimited([key], ctx, title: ctx.t("me.signin")) {
      return refused
    }
    let passphrase = ctx.form["passphrase"] ?? ""
    do {
      guard passphrase == ctx.form["confirm"] else { throw AcademyError("me.signin.mismatch") }
      try app.academy.changeSignIn(
        session: session, keepToken: token, handle: ctx.form["handle"] ?? "",
        passphrase: passphrase, currentPassphrase: ctx.form["current"])
    } catch let e as AcademyError {
      if e.key == "passphrase.currentWrong" { app.limiter.fail(key) }
      return try MePage.render(
        app, &ctx, error: e.key, status: e.key == "passphrase.currentWrong" ? 403 : 400)
    }
    return .redirect(to: "/me?saved=passphrase#signin")
  }

  static func requestDeletion(_ app: App, _ ctx: inout Context) throws -> HTTPResponse {
    guard let u = ctx.user else { throw AcademyError.forbidden }
    try app.academy.requestDeletion(userID: u.id)
    return .redirect(to: "/me#delete")
  }

  static func cancelDeletion(_ app: App, _ ctx: inout Context) throws -> HTTPResponse {
    guard let u = ctx.user else { throw AcademyError.forbidden }
    try app.academy.cancelDeletion(userID: u.id)
    return .redirect(to: "/me#delete")
  }
}
