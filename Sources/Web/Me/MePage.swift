import Academy
import Catalog
import HTTPServer

/// `/me`: everything Relais stores about the signed-in person, with the forms to correct
/// it, set a passphrase, sign out everywhere, download it all, or ask for deletion.
enum MePage {
  static func render(_ app: App, _ ctx: inout Context, error: String? = nil, status: Int = 200)
    throws -> HTTPResponse
  {
    guard let u = ctx.user else { throw AcademyError.forbidden }
    let data = try app.academy.myData(userID: u.id)
    var body: HTML = "<h1>\(ctx.t("me.title"))</h1><p>\(ctx.t("me.intro"))</p>"
    if let error { body += "<p class=\"bad\" role=\"alert\">\(ctx.t(error))</p>" }
    if ctx.query("saved") != nil {
      body += "<p class=\"ok\" role=\"status\">\(ctx.t("me.saved"))</p>"
    }
    body +=
      "<p><a class=\"btn secondary\" href=\"/me/export.json\" download>\(ctx.t("me.export"))</a></p>"
    body += profile(data, ctx)
    body += progress(app, data, ctx)
    body += attempts(app, data, ctx)
    body += certificates(app, data, ctx)
    body += SessionPages.attendedSection(app, try app.academy.attendance(userID: u.id), ctx)
    body += acknowledgements(data, ctx)
    body += MeOutreach.section(app, data, ctx)
    body += dataUse(ctx)
    body += signIn(data, ctx)
    body += deletion(data, ctx)
    return .page(Layout.page(ctx, title: ctx.t("me.title"), body), status: status)
  }

  /// Filled in by the script from what this phone counted (nothing is stored on the server);
  /// hidden without it, since without the script there is nothing to show or switch.
  static func dataUse(_ ctx: Context) -> HTML {
    """
    <section id="data-use" hidden><h2>\(ctx.t("offline.dataTitle"))</h2>
    <p data-used="\(ctx.t("offline.dataUsed", "{1}"))"></p>
    <label class="choice"><input type="checkbox" id="data-saver"> \(ctx.t("offline.saver"))</label></section>
    """
  }

  static func date(_ t: Int64?, _ ctx: Context) -> String {
    t.map { Dates.long($0, ctx.ui) } ?? ctx.t("me.notSaid")
  }

  static func row(_ label: String, _ value: HTML) -> HTML {
    "<tr><th scope=\"row\">\(label)</th><td>\(value)</td></tr>"
  }

  static func profile(_ d: MyData, _ ctx: Context) -> HTML {
    let u = d.user
    func said(_ prefix: String, _ v: String?) -> HTML {
      "\(v.map { ctx.t("join.\(prefix).\($0)") } ?? ctx.t("me.notSaid"))"
    }
    let rows: [HTML] = [
      row(ctx.t("me.name"), HTML.isolated(u.displayName)),
      row(ctx.t("me.language"), "\(u.locale.nativeName)"),
      row(ctx.t("join.age"), said("age", u.ageBand)),
      row(ctx.t("join.gender"), said("gender", u.gender)),
      row(ctx.t("join.disability"), said("disability", u.disability)),
      row(
        ctx.t("me.cohorts"),
        "\(d.cohorts.isEmpty ? ctx.t("me.none") : d.cohorts.joined(separator: ", "))"),
      row(ctx.t("me.joined"), "\(date(u.createdAt, ctx))"),
      row(ctx.t("me.consent"), "\(date(u.consentAt, ctx))"),
    ]
    func options(_ field: String, _ values: [String], _ chosen: String?) -> HTML {
      let opts: [HTML] = values.map { v in
        "<option value=\"\(v)\"\(HTML(trusted: chosen == v ? " selected" : ""))>\(ctx.t("join.\(field).\(v)"))</option>"
      }
      return """
        <label for="\(field)">\(ctx.t("join.\(field)"))</label><select id="\(field)" name="\(field)"><option value="">\(ctx.t("join.preferNot"))</option>\(opts)</select>
        """
    }
    let langs: [HTML] = ctx.ui.offered.map { l, name in
      "<label class=\"choice\"><input type=\"radio\" name=\"locale\" value=\"\(l.rawValue)\"\(HTML(trusted: u.locale == l ? " checked" : ""))> <span lang=\"\(l.rawValue)\">\(name)</span></label>"
    }
    return """
      <h2 id="profile">\(ctx.t("me.profile"))</h2>
      <table><tbody>\(rows)</tbody></table>
      <details class="card"><summary>\(ctx.t("me.editProfile"))</summary>
      <form method="post" action="/me/profile">\(ctx.csrfField)
      <label for="name">\(ctx.t("join.name"))</label>
      <p class="hint" id="name-hint">\(ctx.t("join.nameHint"))</p>
      <input type="text" id="name" name="name" value="\(u.displayName)" required maxlength="80" autocomplete="nickname" aria-describedby="name-hint">
      <fieldset><legend>\(ctx.t("join.locale"))</legend>\(langs)</fieldset>
      <fieldset><legend>\(ctx.t("join.optional"))</legend>
      <p class="hint">\(ctx.t("join.optionalWhy"))</p>
      \(options("age", Profile.ageBands, u.ageBand))
      \(options("gender", Profile.genders, u.gender))
      \(options("disability", Profile.disabilities, u.disability))
      </fieldset>
      <div class="actions"><button class="primary">\(ctx.t("common.save"))</button></div>
      </form></details>
      """
  }

  static func moduleTitle(_ app: App, _ slug: String, _ ctx: Context) -> String {
    app.academy.catalog.module(slug)?.text.resolve(ctx.language)?.value.title ?? slug
  }

  static func progress(_ app: App, _ d: MyData, _ ctx: Context) -> HTML {
    let items: [HTML] = d.progress.map { p in
      let title = moduleTitle(app, p.module, ctx)
      var meta = ctx.t("me.lessonsRead", String(p.lessonsRead.count), String(p.lessonCount))
      if let best = p.bestScore {
        meta += " · " + ctx.t("me.bestScore", String(Int((best * 100).rounded())))
      }
      return """
        <li><a href="/modules/\(p.module)">\(title)</a> \(LearnerRoutes.status(p, now: app.academy.now, ctx))
        \(Layout.progress(p.fraction, label: ctx.t("progress.label", title)))<span class="meta">\(meta)</span></li>
        """
    }
    return "<h2 id=\"progress\">\(ctx.t("me.progress"))</h2><ul>\(items)</ul>"
  }

  static func attempts(_ app: App, _ d: MyData, _ ctx: Context) -> HTML {
    var out: HTML = "<h2 id=\"attempts\">\(ctx.t("me.attempts"))</h2>"
    guard !d.attempts.isEmpty else { return out + "<p>\(ctx.t("me.nothing"))</p>" }
    let rows: [HTML] = d.attempts.reversed().map { a in
      let submitted = a.submittedAt != nil
      let score: HTML = submitted ? "\(String(Int(((a.score ?? 0) * 100).rounded())))%" : "—"
      let result: String =
        !submitted
        ? ctx.t("me.attempt.open")
        : a.passed == true
          ? ctx.t("me.attempt.passed") : a.passed == false ? ctx.t("me.attempt.failed") : "—"
      let link: HTML =
        submitted ? "<a href=\"/attempts/\(a.id)\">\(ctx.t("me.attempt.view"))</a>" : .empty
      return """
        <tr><td>\(moduleTitle(app, a.module, ctx))</td><td>\(ctx.t("me.kind.\(a.kind)"))</td><td>\(date(a.submittedAt ?? a.startedAt, ctx))</td><td>\(score)</td><td>\(result)</td><td>\(link)</td></tr>
        """
    }
    out += """
      <table><thead><tr><th scope="col">\(ctx.t("me.attempt.module"))</th><th scope="col">\(ctx.t("me.attempt.kind"))</th><th scope="col">\(ctx.t("me.attempt.date"))</th><th scope="col">\(ctx.t("me.attempt.score"))</th><th scope="col">\(ctx.t("me.attempt.result"))</th><th scope="col"><span class="sr">\(ctx.t("me.attempt.view"))</span></th></tr></thead><tbody>\(rows)</tbody></table>
      """
    return out
  }

  static func certificates(_ app: App, _ d: MyData, _ ctx: Context) -> HTML {
    var out: HTML = "<h2 id=\"certificates\">\(ctx.t("me.certificates"))</h2>"
    guard !d.certificates.isEmpty else { return out + "<p>\(ctx.t("me.nothing"))</p>" }
    let items: [HTML] = d.certificates.map { c in
      let status = c.status(at: app.academy.now)
      var line: HTML = """
        <li><a href="/certificates/\(c.code)" class="code">\(c.code)</a> — \(moduleTitle(app, c.module, ctx)) · \(ctx.t("cert.status.\(status.rawValue)")) · \(ctx.t("me.cert.until", date(c.expiresAt, ctx)))
        """
      if let reason = c.revokedReason { line += " · \(ctx.t("me.cert.reason", reason))" }
      return line + "</li>"
    }
    out += "<ul>\(items)</ul>"
    return out
  }

  static func acknowledgements(_ d: MyData, _ ctx: Context) -> HTML {
    var out: HTML = "<h2 id=\"acknowledgements\">\(ctx.t("me.acks"))</h2>"
    guard !d.acknowledgements.isEmpty else { return out + "<p>\(ctx.t("me.nothing"))</p>" }
    let items: [HTML] = d.acknowledgements.map {
      "<li>\(ctx.t("me.ack.item", $0.document, $0.version, HTML.isolate($0.name), date($0.at, ctx)))</li>"
    }
    out += "<ul>\(items)</ul>"
    return out
  }

  static func signIn(_ d: MyData, _ ctx: Context) -> HTML {
    let current: HTML =
      d.handle.map { "<p>\(ctx.t("me.signin.current", $0))</p>" }
      ?? "<p>\(ctx.t("me.signin.none"))</p>"
    return """
      <h2 id="signin">\(ctx.t("me.signin"))</h2>
      <p class="hint">\(ctx.t("me.signin.explain"))</p>
      \(current)
      <form method="post" action="/me/passphrase" class="card">\(ctx.csrfField)
      \(currentPassphraseField(d, ctx))
      <label for="handle">\(ctx.t("me.signin.handle"))</label>
      <input type="text" id="handle" name="handle" value="\(d.handle ?? "")" required minlength="3" maxlength="40" autocomplete="username" autocapitalize="none" spellcheck="false">
      <label for="passphrase">\(ctx.t("me.signin.passphrase"))</label>
      <input type="password" id="passphrase" name="passphrase" required minlength="12" autocomplete="new-password">
      <label for="confirm">\(ctx.t("me.signin.confirm"))</label>
      <input type="password" id="confirm" name="confirm" required minlength="12" autocomplete="new-password">
      <div class="actions"><button class="primary">\(ctx.t("me.signin.submit"))</button></div>
      </form>
      <p>\(ctx.t("me.sessions", String(d.sessions.count)))</p>
      <form method="post" action="/signout/everywhere">\(ctx.csrfField)<button class="secondary">\(ctx.t("me.signoutEverywhere"))</button></form>
      """
  }

  /// Changing an existing passphrase asks for it (unless the sign-in is recent: the
  /// server decides); either way, saving ends the other sessions.
  static func currentPassphraseField(_ d: MyData, _ ctx: Context) -> HTML {
    guard d.user.hasPassphrase else {
      return "<p class=\"hint\">\(ctx.t("me.signin.othersEnd"))</p>"
    }
    return """
      <label for="current">\(ctx.t("me.signin.currentPassphrase"))</label>
      <p class="hint" id="current-hint">\(ctx.t("me.signin.currentHint"))</p>
      <input type="password" id="current" name="current" autocomplete="current-password" aria-describedby="current-hint">
      """
  }

  static func deletion(_ d: MyData, _ ctx: Context) -> HTML {
    var out: HTML =
      "<h2 id=\"delete\">\(ctx.t("me.delete"))</h2><p>\(ctx.t("me.delete.explain"))</p>"
    switch d.deletionRequest?.state {
    case .pending?:
      out += """
        <p class="notice" role="status">\(ctx.t("me.delete.pendingDue", date(d.deletionRequest?.requestedAt, ctx), date(d.deletionRequest?.dueAt, ctx)))</p>
        <form method="post" action="/me/delete/cancel">\(ctx.csrfField)<button class="secondary">\(ctx.t("me.delete.cancel"))</button></form>
        """
      return out
    case .confirmed?:
      return out
        + "<p class=\"notice\">\(ctx.t("me.delete.confirmed", date(d.deletionRequest?.decidedAt, ctx)))</p>"
    case .cancelled?:
      out += "<p class=\"meta\">\(ctx.t("me.delete.cancelled"))</p>"
    case .declined?:
      let r = d.deletionRequest
      out +=
        "<p class=\"notice\" role=\"status\">\(ctx.t("me.delete.declined", date(r?.requestedAt, ctx), date(r?.decidedAt, ctx), r?.reason ?? ""))</p>"
    case nil: break
    }
    return out
      + "<form method=\"post\" action=\"/me/delete\">\(ctx.csrfField)<button class=\"secondary\">\(ctx.t("me.delete.request"))</button></form>"
  }
}
