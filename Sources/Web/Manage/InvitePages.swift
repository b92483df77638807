import Academy
import Catalog
import HTTPServer

/// Inviting learners into a cohort, one or many at once ("Display name, fr" per line).
/// Links are shown once (only their hash is stored), so the result is the POST's own page,
/// not a redirect; the printable sheet is made from those links by a second POST, so the
/// tokens never rest on the server.
enum InvitePages {
  static let maxBulk = 200

  static func form(_ ctx: Context, cohortID: String) -> HTML {
    """
    <h2>\(ctx.t("manage.invite.title"))</h2>
    <form method="post" action="/manage/cohorts/\(cohortID)/invites">\(ctx.csrfField)
    <label for="i-lines">\(ctx.t("manage.invite.lines"))</label>
    <textarea id="i-lines" name="lines" rows="6" aria-describedby="i-hint" required></textarea>
    <p class="hint" id="i-hint">\(ctx.t("manage.invite.hint"))</p>
    <div class="actions"><button class="primary">\(ctx.t("manage.invite.submit"))</button></div>
    </form>
    """
  }

  /// Parses "Name, fr" lines: the language after the last comma if the site offers it,
  /// else English; blank lines skipped.
  static func parse(_ text: String, offered: (Language) -> Bool) -> [(
    name: String, locale: Language
  )] {
    var out: [(String, Language)] = []
    for raw in text.split(whereSeparator: { $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) {
      var name = raw.trimmingCharacters(in: .whitespaces)
      var locale = Language.en
      if let comma = name.lastIndex(of: ",") {
        let tail = name[name.index(after: comma)...].trimmingCharacters(in: .whitespaces)
          .lowercased()
        if let l = Language(rawValue: tail), offered(l) {
          locale = l
          name = name[..<comma].trimmingCharacters(in: .whitespaces)
        }
      }
      guard !name.isEmpty else { continue }
      out.append((String(name.prefix(80)), locale))
    }
    return out
  }

  static func create(_ app: App, _ ctx: inout Context) throws -> HTTPResponse {
    let viewer = try ManageRoutes.viewer(ctx)
    let k = try CohortPages.cohort(app, ctx)
    let people = parse(ctx.form["lines"] ?? "", offered: app.academy.catalog.offers)
    guard !people.isEmpty else { throw AcademyError("manage.invite.empty") }
    guard people.count <= maxBulk else { throw AcademyError("manage.invite.tooMany") }
    var rows: [HTML] = []
    var hidden: [HTML] = []
    for (i, p) in people.enumerated() {
      let token = try app.academy.inviteLearner(
        cohortID: k.id, displayName: p.name, locale: p.locale, viewer: viewer)
      let link = app.absoluteURL("/join/\(token)", ctx.request)
      rows.append(
        """
        <tr><th scope="row">\(HTML.isolated(p.name))</th><td>\(p.locale.nativeName)</td>\
        <td><input type="text" readonly value="\(link)" aria-label="\(ctx.t("manage.invite.linkFor", HTML.isolate(p.name)))" id="link-\(i)"></td></tr>
        """)
      hidden.append(
        "<input type=\"hidden\" name=\"n\" value=\"\(p.name)\"><input type=\"hidden\" name=\"l\" value=\"\(p.locale.rawValue)\"><input type=\"hidden\" name=\"t\" value=\"\(link)\">"
      )
    }
    let body: HTML = """
      <h1>\(ctx.t("manage.invite.done", String(people.count)))</h1>
      <div class="ok" role="status"><p>\(ctx.t("manage.invite.once"))</p></div>
      <table tabindex="0"><thead><tr><th scope="col">\(ctx.t("manage.cohort.person"))</th><th scope="col">\(ctx.t("invite.locale"))</th>\
      <th scope="col">\(ctx.t("invite.link"))</th></tr></thead><tbody>\(rows)</tbody></table>
      <form method="post" action="/manage/cohorts/\(k.id)/sheet">\(ctx.csrfField)\(hidden)
      <div class="actions"><button class="secondary">\(ctx.t("manage.invite.sheet"))</button>
      <a class="btn" href="/manage/cohorts/\(k.id)">\(ctx.t("manage.invite.back", HTML.isolate(k.name)))</a></div>
      </form>
      """
    return .page(Layout.page(ctx, title: ctx.t("manage.invite.title"), body))
  }

  /// A sheet to print and hand out: one block per person with their link written out.
  static func sheet(_ app: App, _ ctx: inout Context) throws -> HTTPResponse {
    let k = try CohortPages.cohort(app, ctx)
    let names = ctx.form.all("n")
    let langs = ctx.form.all("l")
    let links = ctx.form.all("t")
    guard names.count == links.count, names.count == langs.count, !names.isEmpty,
      names.count <= maxBulk
    else {
      throw AcademyError("manage.invite.empty")
    }
    let origin = app.absoluteURL("/join/", ctx.request)
    var blocks: [HTML] = []
    for i in names.indices where links[i].hasPrefix(origin) {
      let lang = app.academy.catalog.offeredLanguage(langs[i]) ?? .reference
      blocks.append(
        """
        <div class="card"><h2>\(names[i])</h2>
        <p lang="\(lang.rawValue)" dir="\(app.academy.catalog.interface(lang).direction)">\(app.academy.catalog.interface(lang).text("manage.sheet.instructions"))</p>
        <p class="code">\(links[i])</p></div>
        """)
    }
    let body: HTML = """
      <h1>\(ctx.t("manage.sheet.title", HTML.isolate(k.name)))</h1>
      <p class="hint">\(ctx.t("manage.sheet.print"))</p>
      \(blocks)
      """
    return .page(Layout.page(ctx, title: ctx.t("manage.sheet.title", HTML.isolate(k.name)), body))
  }
}
