import Academy
import Crypto
import HTTPServer

/// Certificates anyone can check: the lookup form, the verification page and its PDF, the
/// Open Badges documents; and revocation by a manager of the holder's cohort.
enum CertificateRoutes {
  static func routes(_ app: App) -> [Route] {
    [
      Route("GET", "/certificates", .anyone) { ctx in try CertificatePage.lookup(app, &ctx) },
      // One pattern serves the page and `RLX-….pdf` (the router has no suffix patterns);
      // offloaded because the PDF is composed on the spot.
      Route("GET", "/certificates/:code", .anyone, offload: true) { ctx in try show(app, &ctx) },
      Route("GET", "/certificates/:code/badge.json", .anyone) { ctx in try assertion(app, &ctx) },
      Route("POST", "/certificates/:code/revoke", .managers) { ctx in
        try CertificatePage.revoke(app, &ctx)
      },
      Route("GET", "/badges/:file", .anyone) { ctx in try badgeFile(app, &ctx) },
    ]
  }

  /// Codes carry ~40 random bits, and each miss from an address counts: guessing codes to
  /// harvest the names on certificates stops after a few tries (429), as sign-in does.
  static func limited(_ app: App, _ ctx: inout Context) -> HTTPResponse? {
    app.refuseIfLimited([limiterKey(ctx)], ctx, title: ctx.t("cert.lookup.title"))
  }

  static func limiterKey(_ ctx: Context) -> String {
    "certificate-miss:" + ctx.request.remoteAddress
  }

  /// The certificate with this code; an unknown code counts as a miss for the address.
  static func find(_ app: App, _ ctx: Context, _ code: String) throws -> Certificate? {
    let cert = try app.academy.certificate(code: code)
    if cert == nil { app.limiter.fail(limiterKey(ctx)) }
    return cert
  }

  static func show(_ app: App, _ ctx: inout Context) throws -> HTTPResponse {
    if let r = limited(app, &ctx) { return r }
    let raw = ctx.request.parameters["code"] ?? ""
    if raw.hasSuffix(".pdf") {
      let code = String(raw.dropLast(4))
      guard code == CertificateCode.normalize(code) else { throw AcademyError.notFound }
      return try pdf(app, &ctx, code: code)
    }
    guard let code = CertificateCode.normalize(raw) else { throw AcademyError.notFound }
    if code != raw { return .redirect(to: "/certificates/\(code)", status: 301) }
    return try CertificatePage.render(app, &ctx, code: code)
  }

  static func pdf(_ app: App, _ ctx: inout Context, code: String) throws -> HTTPResponse {
    guard let cert = try find(app, ctx, code) else { throw AcademyError.notFound }
    let title =
      app.academy.catalog.module(cert.module)?.text.resolve(cert.holderLocale)?.value.title
      ?? cert.module
    let bytes = CertificatePDF.render(
      cert, moduleTitle: title, issuer: app.configuration.issuerName,
      verifyURL: app.absoluteURL("/certificates/\(code)", ctx.request), now: app.academy.now,
      ui: app.academy.catalog.interface(cert.holderLocale))
    var r = HTTPResponse(status: 200, headers: HTTPHeaders(), body: bytes)
    r.headers.set("Content-Type", "application/pdf")
    r.headers.set("Content-Disposition", "inline; filename=\"\(code).pdf\"")
    r.headers.set("Cache-Control", "no-cache")
    return r
  }

  static func assertion(_ app: App, _ ctx: inout Context) throws -> HTTPResponse {
    if let r = limited(app, &ctx) { return r }
    guard let code = ctx.request.parameters["code"].flatMap(CertificateCode.normalize),
      let cert = try find(app, ctx, code)
    else { throw AcademyError.notFound }
    let body = OpenBadges.assertion(cert, app: app, request: ctx.request)
    return OpenBadges.response(body, status: cert.revokedAt == nil ? 200 : 410)
  }

  /// `/badges/issuer.json`, `/badges/{module}.json`, `/badges/{module}.svg`.
  static func badgeFile(_ app: App, _ ctx: inout Context) throws -> HTTPResponse {
    let file = ctx.request.parameters["file"] ?? ""
    if file == "issuer.json" {
      return OpenBadges.response(OpenBadges.issuer(app: app, request: ctx.request))
    }
    if file.hasSuffix(".json"), let m = app.academy.catalog.module(String(file.dropLast(5))),
      let body = OpenBadges.badgeClass(m, app: app, request: ctx.request)
    {
      return OpenBadges.response(body)
    }
    if file.hasSuffix(".svg"), let m = app.academy.catalog.module(String(file.dropLast(4))) {
      var r = HTTPResponse(
        status: 200, contentType: "image/svg+xml; charset=utf-8",
        body: OpenBadges.svg(m, issuer: app.configuration.issuerName))
      r.headers.set("Access-Control-Allow-Origin", "*")
      r.headers.set("Cache-Control", "public, max-age=86400")
      return r
    }
    throw AcademyError.notFound
  }
}
