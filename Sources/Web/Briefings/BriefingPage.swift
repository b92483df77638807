import Academy
import Catalog
import Foundation
import HTTPServer

/// One briefing (opening it marks it read), the archive, and "I shared this".
enum BriefingPage {
  static func render(_ app: App, _ ctx: inout Context, error: String? = nil, status: Int = 200)
    throws -> HTTPResponse
  {
    guard let u = ctx.user, let slug = ctx.request.parameters["slug"] else {
      throw AcademyError.notFound
    }
    let received = try app.academy.openBriefing(userID: u.id, slug: slug)
    let b = received.briefing
    guard let (text, lang) = b.text.resolve(ctx.language) else { throw AcademyError.notFound }
    var body: HTML = "<h1>\(text.title)</h1>"
    body += "<p class=\"meta\">\(badges(received, ctx))\(dates(b, ctx))</p>"
    if !received.current {
      body +=
        "<p class=\"notice\">\(ctx.t("briefing.expired", Dates.long(b.validUntil, ctx.ui)))</p>"
    }
    if lang != ctx.language {
      body += "<p class=\"notice\">\(ctx.t("common.fallback"))</p>"
    }
    // The body as rendered, each ready-to-post slot replaced by its box.
    var html = text.html
    for (i, post) in text.posts.enumerated() {
      html = html.replacingOccurrences(
        of: BriefingText.slot(i), with: postBox(post, index: i, lang: lang, ctx).description)
    }
    body += HTML(trusted: "<div lang=\"\(lang.rawValue)\">\(html)</div>")
    if ctx.query("shared") != nil {
      body += "<p class=\"ok\" role=\"status\">\(ctx.t("briefing.sharedDone"))</p>"
    }
    if let error { body += "<p class=\"bad\" role=\"alert\">\(ctx.t(error))</p>" }
    body += shareForm(b.slug, ctx)
    body += """
      <p><a class="btn secondary" href="/me/activity?topic=briefing:\(b.slug)">\(ctx.t("briefing.logActivity"))</a></p>
      <p><a href="/briefings">\(ctx.t("home.briefingsArchive"))</a></p>
      <script src="\(BriefingScript.path)" defer></script>
      """
    return .page(Layout.page(ctx, title: text.title, body), status: status)
  }

  /// A ready-to-post text: the text itself, a copy button (with JavaScript) and a WhatsApp
  /// link that carries the text (without).
  static func postBox(_ post: String, index: Int, lang: Language, _ ctx: Context) -> HTML {
    let id = "post-\(index)"
    let wa = "https://wa.me/?text=" + ManageRoutes.percentEncode(post)
    return """
      <div class="card"><h3>\(ctx.t("briefing.post"))</h3>
      <pre id="\(id)" lang="\(lang.rawValue)" dir="auto" class="post">\(post)</pre>
      <p class="actions"><button type="button" hidden data-copy="\(id)" data-done="\(ctx.t("briefing.copied"))">\(ctx.t("briefing.copy"))</button>
      <a class="btn" href="\(wa)" rel="noopener noreferrer" target="_blank">\(ctx.t("briefing.whatsapp"))</a></p></div>
      """
  }

  static func shareForm(_ slug: String, _ ctx: Context) -> HTML {
    let options: [HTML] = Platform.allCases.map {
      "<option value=\"\($0.rawValue)\">\(ctx.t("platform.\($0.rawValue)"))</option>"
    }
    return """
      <form method="post" action="/briefings/\(slug)/shared" class="card" id="share">\(ctx.csrfField)
      <h2>\(ctx.t("briefing.shareTitle"))</h2>
      <p class="hint">\(ctx.t("briefing.shareExplain"))</p>
      <label for="platform">\(ctx.t("briefing.platform"))</label>
      <select id="platform" name="platform" required>\(options)</select>
      <label for="link">\(ctx.t("briefing.link"))</label>
      <input type="url" id="link" name="link" maxlength="\(PostLink.maxLength)" inputmode="url" dir="ltr">
      <p><button class="primary">\(ctx.t("briefing.shareSubmit"))</button></p>
      </form>
      """
  }

  static func shared(_ app: App, _ ctx: inout Context) throws -> HTTPResponse {
    guard let u = ctx.user, let slug = ctx.request.parameters["slug"] else {
      throw AcademyError.notFound
    }
    do {
      try app.academy.shareBriefing(
        userID: u.id, slug: slug, platform: ctx.form["platform"] ?? "", link: ctx.form["link"])
    } catch let e as AcademyError where e != .notFound && e != .forbidden {
      return try render(app, &ctx, error: e.key, status: 400)
    }
    return .redirect(to: "/briefings/\(slug)?shared=1#share")
  }

  static func badges(_ r: ReceivedBriefing, _ ctx: Context) -> HTML {
    var out: HTML = .empty
    if r.briefing.urgent && r.current {
      out += "<span class=\"status late\">\(ctx.t("briefing.urgent"))</span> "
    }
    if r.shared {
      out += "<span class=\"status good\">\(ctx.t("briefing.sharedBadge"))</span> "
    } else if r.readAt != nil {
      out += "<span class=\"status\">\(ctx.t("briefing.read"))</span> "
    } else {
      out += "<span class=\"status warn\">\(ctx.t("briefing.new"))</span> "
    }
    return out
  }

  static func dates(_ b: Briefing, _ ctx: Context) -> HTML {
    "\(ctx.t("briefing.issued", Dates.long(b.date, ctx.ui))) · \(ctx.t("briefing.validUntil", Dates.long(b.validUntil, ctx.ui)))"
  }

  /// A briefing in a list (home page, archive).
  static func item(_ r: ReceivedBriefing, _ ctx: Context) -> HTML {
    let title = r.briefing.text[ctx.language]?.title ?? r.briefing.slug
    return """
      <div class="card"><h3><a href="/briefings/\(r.briefing.slug)">\(title)</a></h3>
      <p class="meta">\(badges(r, ctx))\(dates(r.briefing, ctx))</p></div>
      """
  }

  /// Current briefings for the home page: urgent unread first, then unread, then the rest.
  static func current(_ list: [ReceivedBriefing]) -> [ReceivedBriefing] {
    func rank(_ r: ReceivedBriefing) -> Int {
      (r.briefing.urgent ? 0 : 2) + (r.readAt == nil ? 0 : 1) + (r.shared ? 4 : 0)
    }
    return list.filter(\.current).enumerated().sorted {
      (rank($0.element), $0.offset) < (rank($1.element), $1.offset)
    }.map(\.element)
  }

  /// The home page's section (signed-in learners): current briefings only.
  static func homeSection(_ app: App, _ ctx: Context) throws -> HTML {
    guard let u = ctx.user else { return .empty }
    let all = try app.academy.briefings(userID: u.id)
    let now = current(all)
    var out: HTML = .empty
    if !now.isEmpty {
      out += "<h2>\(ctx.t("home.briefings"))</h2>"
      for r in now.prefix(5) { out += item(r, ctx) }
    }
    var links: [HTML] = []
    if !all.isEmpty { links.append("<a href=\"/briefings\">\(ctx.t("home.briefingsArchive"))</a>") }
    links.append("<a href=\"/me/activity\">\(ctx.t("home.activity"))</a>")
    out += "<p class=\"actions\">\(links.map { $0 + " " })</p>"
    return out
  }

  static func archive(_ app: App, _ ctx: inout Context) throws -> HTTPResponse {
    guard let u = ctx.user else { throw AcademyError.forbidden }
    let all = try app.academy.briefings(userID: u.id)
    var body: HTML =
      "<h1>\(ctx.t("briefing.archiveTitle"))</h1><p>\(ctx.t("briefing.archiveIntro"))</p>"
    if all.isEmpty { body += "<p>\(ctx.t("briefing.none"))</p>" }
    for r in all { body += item(r, ctx) }
    return .page(Layout.page(ctx, title: ctx.t("briefing.archiveTitle"), body))
  }
}
