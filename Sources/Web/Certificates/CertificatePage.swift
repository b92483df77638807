import Academy
import Catalog
import Crypto
import HTTPServer

/// The public verification page and the lookup form. Shows only what proves the
/// certificate: the name the learner chose, the module, the dates and the status.
enum CertificatePage {
  static func lookup(_ app: App, _ ctx: inout Context) throws -> HTTPResponse {
    var message: HTML = .empty
    var status = 200
    if let typed = ctx.query("code"), !typed.trimmingCharacters(in: .whitespaces).isEmpty {
      if let r = CertificateRoutes.limited(app, &ctx) { return r }
      if let code = CertificateCode.normalize(typed) {
        if try CertificateRoutes.find(app, ctx, code) != nil {
          return .redirect(to: "/certificates/\(code)")
        }
        message = "<p class=\"bad\" role=\"alert\">\(ctx.t("cert.lookup.unknown"))</p>"
        status = 404
      } else {
        message = "<p class=\"bad\" role=\"alert\">\(ctx.t("cert.lookup.invalid"))</p>"
        status = 400
      }
    }
    let body: HTML = """
      <h1>\(ctx.t("cert.lookup.title"))</h1>
      \(message)
      <form method="get" action="/certificates">
      <label for="code">\(ctx.t("cert.lookup.code"))</label>
      <p class="hint" id="code-hint">\(ctx.t("cert.lookup.explain"))</p>
      <input type="text" id="code" name="code" class="code" aria-describedby="code-hint" autocapitalize="characters" autocomplete="off" spellcheck="false" placeholder="RLX-7KQ4-M2PD" value="\(ctx.query("code") ?? "")">
      <div class="actions"><button class="primary">\(ctx.t("cert.lookup.submit"))</button></div>
      </form>
      """
    return .page(Layout.page(ctx, title: ctx.t("cert.lookup.title"), body), status: status)
  }

  static func render(_ app: App, _ ctx: inout Context, code: String) throws -> HTTPResponse {
    guard let cert = try CertificateRoutes.find(app, ctx, code) else { throw AcademyError.notFound }
    let now = app.academy.now
    let status = cert.status(at: now)
    let moduleTitle =
      app.academy.catalog.module(cert.module)?.text.resolve(ctx.language)?.value.title
      ?? cert.module
    let statusClass = status == .valid ? "ok" : "bad"
    let holder: HTML =
      cert.holderName.isEmpty ? "<em>\(ctx.t("cert.erased"))</em>" : HTML.isolated(cert.holderName)
    let endLabel = status == .expired ? "cert.expired.on" : "cert.expires"
    var rows: [HTML] = [
      "<tr><th scope=\"row\">\(ctx.t("cert.holder"))</th><td>\(holder)</td></tr>",
      "<tr><th scope=\"row\">\(ctx.t("cert.module"))</th><td>\(moduleTitle)</td></tr>",
      "<tr><th scope=\"row\">\(ctx.t("cert.issued"))</th><td>\(Dates.long(cert.issuedAt, ctx.ui))</td></tr>",
      "<tr><th scope=\"row\">\(ctx.t(endLabel))</th><td>\(Dates.long(cert.expiresAt, ctx.ui))</td></tr>",
    ]
    if let revoked = cert.revokedAt {
      rows.append(
        "<tr><th scope=\"row\">\(ctx.t("cert.revoked.on"))</th><td>\(Dates.long(revoked, ctx.ui))</td></tr>"
      )
      // A re-mark is said to everyone; a manager's own words only to who may read details.
      if cert.revokedReason == Academy.regradedReason {
        rows.append(
          "<tr><th scope=\"row\">\(ctx.t("cert.revoked.reason"))</th><td>\(ctx.t("cert.revoked.regraded"))</td></tr>"
        )
      } else if let reason = cert.revokedReason, let user = ctx.user,
        try app.academy.may(user, .viewCertificateDetails, .certificate(cert.code))
      {
        rows.append(
          "<tr><th scope=\"row\">\(ctx.t("cert.revoked.reason"))</th><td>\(reason)</td></tr>")
      }
    }
    var body: HTML = """
      <h1>\(ctx.t("cert.title", cert.code))</h1>
      <p class="\(statusClass)" role="status"><strong>\(ctx.t("cert.status")): \(ctx.t("cert.status.\(status.rawValue)"))</strong> — \(ctx.t("cert.\(status.rawValue).explain"))</p>
      <table><tbody>\(rows)</tbody></table>
      <p class="code">\(cert.code)</p>
      <div class="actions">
      <a class="btn" href="/certificates/\(cert.code).pdf">\(ctx.t("cert.pdf"))</a>
      <a class="btn secondary" href="/certificates/\(cert.code)/badge.json">\(ctx.t("cert.badge"))</a>
      </div>
      """
    let history = try app.academy.certificateHistory(code: code)
    if history.count > 1 {
      let items: [HTML] = history.map {
        "<li>\(Dates.long($0.at, ctx.ui)): \(ctx.t("cert.event.\($0.event)"))</li>"
      }
      body += "<h2>\(ctx.t("cert.history"))</h2><ul>\(items)</ul>"
    }
    if let user = ctx.user, cert.revokedAt == nil,
      try app.academy.may(user, .revokeCertificate, .certificate(cert.code))
    {
      body += """
        <form method="post" action="/certificates/\(cert.code)/revoke" class="card">\(ctx.csrfField)
        <h2>\(ctx.t("cert.revoke.title"))</h2>
        <label for="reason">\(ctx.t("cert.revoke.reason"))</label>
        <input type="text" id="reason" name="reason" required maxlength="500">
        <div class="actions"><button class="primary">\(ctx.t("cert.revoke.submit"))</button></div>
        </form>
        """
    }
    return .page(Layout.page(ctx, title: ctx.t("cert.title", cert.code), body))
  }

  /// A manager of one of the holder's cohorts (or an admin) withdraws a certificate, with a
  /// reason; `revokeCertificate` checks the policy, writes the history event and the audit.
  static func revoke(_ app: App, _ ctx: inout Context) throws -> HTTPResponse {
    guard let user = ctx.user,
      let code = ctx.request.parameters["code"].flatMap(CertificateCode.normalize)
    else { throw AcademyError.notFound }
    try app.academy.authorize(user, .revokeCertificate, .certificate(code))
    let reason = (ctx.form["reason"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
    guard !reason.isEmpty else { throw AcademyError("cert.revoke.noReason") }
    try app.academy.revokeCertificate(code: code, reason: String(reason.prefix(500)), by: user)
    return .redirect(to: "/certificates/\(code)")
  }
}
