import Academy
import Catalog
import Crypto
import HTTPServer

/// Joining by invite, signing in (passphrase or one-time link), signing out.
enum AccountRoutes {
  static func routes(_ app: App) -> [Route] {
    [
      Route("GET", "/join/:token", .anyone) { ctx in try JoinPage.form(app, &ctx) },
      Route("POST", "/join/:token", .anyone) { ctx in try JoinPage.join(app, &ctx) },
      Route("GET", "/signin", .anyone) { ctx in SignInPage.form(app, &ctx) },
      Route("POST", "/signin", .anyone) { ctx in try SignInPage.signIn(app, &ctx) },
      Route("GET", "/signin/link/:token", .anyone) { ctx in try SignInPage.linkForm(app, &ctx) },
      Route("POST", "/signin/link/:token", .anyone) { ctx in try SignInPage.useLink(app, &ctx) },
      Route("POST", "/signout", .anyone) { ctx in try signOut(app, &ctx, everywhere: false) },
      Route("POST", "/signout/everywhere", .signedIn) { ctx in
        try signOut(app, &ctx, everywhere: true)
      },
    ]
  }

  /// Starts a fresh session (a new token at every sign-in) and sets its cookie.
  static func startSession(_ app: App, _ ctx: inout Context, user: User) throws {
    if let old = ctx.sessionToken { try app.academy.endSession(token: old) }
    let token = try app.academy.startSession(userID: user.id)
    let days = app.academy.policy.sessionDays(user.role)
    ctx.setCookies.append(
      Cookies.make(
        Cookies.session, token, maxAge: days * 86_400, secure: app.configuration.secureCookies))
    ctx.setCookies.append(
      Cookies.make(
        Cookies.language, user.locale.rawValue, maxAge: 365 * 86_400,
        secure: app.configuration.secureCookies))
  }

  static func signOut(_ app: App, _ ctx: inout Context, everywhere: Bool) throws -> HTTPResponse {
    if let u = ctx.user, everywhere {
      try app.academy.endAllSessions(userID: u.id)
    } else if let t = ctx.sessionToken {
      try app.academy.endSession(token: t)
    }
    ctx.setCookies.append(
      Cookies.make(Cookies.session, "", maxAge: 0, secure: app.configuration.secureCookies))
    return .redirect(to: "/")
  }
}
