import Academy
import Catalog
import HTTPServer

/// `/teach/briefings`: publish a briefing (English first, then its translations) without
/// touching the files by hand. What is written is checked as `relais check` would, and
/// appears on learners' home pages at the next reload (at once here).
enum BriefingPublishPage {
  static let template = """
    ## Key facts

    - [FACT CONFIRMED BY THE ORGANISATION]

    ## What to say

    ## Rumours now, and the facts that answer them

    | Rumour | Fact to share |
    |---|---|
    | "…" | … |

    ## What NOT to share

    ## Ready-to-post text

    ```post
    [TEXT INFLUENCERS CAN COPY]
    ```

    ## Where to send people

    - [OFFICIAL CHANNELS]
    """

  static func render(_ app: App, _ ctx: inout Context, error: String? = nil, status: Int = 200)
    throws -> HTTPResponse
  {
    guard let u = ctx.user else { throw AcademyError.forbidden }
    let now = app.academy.now
    let today = now - now % 86_400
    let cohorts = try app.academy.cohorts(visibleTo: u)
    let typed = ctx.request.method == "POST" && ctx.form["translation_of"] == nil
    func value(_ name: String, _ fallback: String) -> String {
      typed ? (ctx.form[name] ?? "") : fallback
    }
    let chosen = Set(typed ? ctx.form.all("cohort") : [])
    let boxes: [HTML] = cohorts.map { k in
      """
      <label class="choice"><input type="checkbox" name="cohort" value="\(k.id)"\(HTML(trusted: chosen.contains(k.id) ? " checked" : ""))> <bdi>\(k.name)</bdi></label>
      """
    }
    var body: HTML = """
      \(TeachRoutes.stylesheet)
      <p class="meta"><a href="/teach">\(ctx.t("teach.title"))</a></p>
      <h1>\(ctx.t("teach.briefings.title"))</h1><p>\(ctx.t("teach.briefings.intro"))</p>
      \(TeachRoutes.notice(ctx))
      """
    if let error {
      body +=
        "<div class=\"bad\" role=\"alert\"><p>\(ctx.t("teach.error.briefing"))</p><pre>\(error)</pre></div>"
    }
    let title = value("title", "")
    let text = value("body", template)
    body += """
      <h2>\(ctx.t("teach.briefings.new"))</h2>
      <form method="post" action="/teach/briefings" class="card">\(ctx.csrfField)
      <label for="b-title">\(ctx.t("teach.titleField"))</label>
      <input type="text" id="b-title" name="title" required maxlength="200" value="\(title)">
      <label for="b-date">\(ctx.t("activity.day"))</label>
      <input type="date" id="b-date" name="date" required value="\(value("date", Dates.day(today)))">
      <label for="b-until">\(ctx.t("teach.briefings.validUntil"))</label>
      <input type="date" id="b-until" name="valid_until" required value="\(value("valid_until", Dates.day(today + 14 * 86_400)))">
      <fieldset><legend>\(ctx.t("teach.briefings.cohorts"))</legend>
      <p class="hint">\(ctx.t("teach.briefings.everyone"))</p>\(boxes)</fieldset>
      <label class="choice"><input type="checkbox" name="urgent" value="true"\(HTML(trusted: typed && ctx.form["urgent"] == "true" ? " checked" : ""))> \(ctx.t("teach.briefings.urgent"))</label>
      <label for="b-body">\(ctx.t("teach.briefings.body"))</label>
      \(EditorText.textarea(id: "b-body", name: "body", text, label: ctx.t("teach.briefings.body")))
      <p><button class="primary">\(ctx.t("teach.briefings.publish"))</button></p>
      </form>
      """
    let languages = app.academy.catalog.languages.filter { $0 != .reference }
    let briefings = app.academy.catalog.briefings
    if !briefings.isEmpty {
      body += "<h2>\(ctx.t("teach.briefings.existing"))</h2>"
      for b in briefings {
        let missing = languages.filter { b.text.values[$0] == nil }
        let options: [HTML] = missing.map {
          "<option value=\"\($0.rawValue)\">\(app.academy.catalog.languageName($0))</option>"
        }
        let translate: HTML =
          missing.isEmpty
          ? .empty
          : """
          <details><summary>\(ctx.t("teach.briefings.translate"))</summary>
          <form method="post" action="/teach/briefings">\(ctx.csrfField)
          <input type="hidden" name="translation_of" value="\(b.slug)">
          <label for="l-\(b.slug)">\(ctx.t("teach.language"))</label><select id="l-\(b.slug)" name="language">\(options)</select>
          <label for="t-\(b.slug)">\(ctx.t("teach.titleField"))</label><input type="text" id="t-\(b.slug)" name="title" required maxlength="200">
          <label for="x-\(b.slug)">\(ctx.t("teach.briefings.body"))</label>
          \(EditorText.textarea(id: "x-\(b.slug)", name: "body", "", label: ctx.t("teach.briefings.body")))
          <p><button class="primary">\(ctx.t("teach.briefings.publish"))</button></p>
          </form></details>
          """
        let langs = b.text.values.keys.sorted().map(\.rawValue).joined(separator: ", ")
        body += """
          <div class="card"><h3><a href="/briefings/\(b.slug)">\(b.text[ctx.language]?.title ?? b.slug)</a></h3>
          <p class="meta">\(BriefingPage.dates(b, ctx)) · <code>\(langs)</code></p>\(translate)</div>
          """
      }
    }
    return .page(Layout.page(ctx, title: ctx.t("teach.briefings.title"), body), status: status)
  }

  static func publish(_ app: App, _ ctx: inout Context) throws -> HTTPResponse {
    guard let u = ctx.user else { throw AcademyError.forbidden }
    let loader = app.academy.content.loader
    let slug: String
    do {
      if let original = ctx.form["translation_of"] {
        guard let lang = app.academy.catalog.offeredLanguage(ctx.form["language"]),
          lang != .reference
        else { throw AcademyError("error.badRequest") }
        slug = try loader.publishBriefing(
          BriefingDraft(
            title: ctx.form["title"] ?? "", date: "", validUntil: "", cohorts: [], urgent: false,
            body: ctx.form["body"] ?? ""), language: lang, translationOf: original)
      } else {
        // Only cohorts the trainer works with (an admin: any).
        let visible = Set(try app.academy.cohorts(visibleTo: u).map(\.id))
        let cohorts = ctx.form.all("cohort")
        guard cohorts.allSatisfy(visible.contains) else { throw AcademyError.notFound }
        slug = try loader.publishBriefing(
          BriefingDraft(
            title: ctx.form["title"] ?? "", date: ctx.form["date"] ?? "",
            validUntil: ctx.form["valid_until"] ?? "", cohorts: cohorts,
            urgent: ctx.form["urgent"] == "true", body: ctx.form["body"] ?? ""),
          language: .reference)
      }
    } catch let e as AuthoringError {
      return try render(app, &ctx, error: e.description, status: 400)
    }
    try app.academy.audit(actor: u.id, action: "briefing.publish", subject: slug)
    app.academy.content.reloadIfChanged()
    return TeachRoutes.back("/teach/briefings", done: "briefing")
  }
}
