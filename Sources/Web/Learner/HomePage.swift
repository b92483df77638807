import Academy
import Catalog
import HTTPServer

/// Home: "continue where I stopped", then every module with its progress.
enum HomePage {
  static func render(_ app: App, _ ctx: inout Context) throws -> HTTPResponse {
    let catalog = app.academy.catalog
    let progress = try ctx.user.map { try app.academy.progress(userID: $0.id) } ?? [:]
    let now = app.academy.now
    var body: HTML = "<h1>\(ctx.user == nil ? ctx.t("home.welcome") : ctx.t("home.title"))</h1>"
    if ctx.user == nil {
      body += "<p>\(ctx.t("home.intro"))</p>"
    }
    if let last = progress.values.filter({ $0.lastOpenedLesson != nil }).max(by: {
      ($0.lastOpenedAt ?? 0) < ($1.lastOpenedAt ?? 0)
    }),
      let m = catalog.module(last.module), let lesson = m.lesson(last.lastOpenedLesson!),
      let text = lesson.text[ctx.language], let mt = m.text[ctx.language]
    {
      body += """
        <div class="card"><h2>\(ctx.t("home.continue"))</h2>
        <p><a class="btn" href="/modules/\(m.slug)/\(lesson.slug)">\(text.title)</a></p>
        <p class="meta">\(mt.title)</p></div>
        """
    }
    body += "<h2>\(ctx.t("home.modules"))</h2>"
    for m in catalog.modules {
      guard let text = m.text[ctx.language] else { continue }
      let p = progress[m.slug]
      let bar: HTML =
        p.map { Layout.progress($0.fraction, label: ctx.t("progress.label", text.title)) } ?? .empty
      body += """
        <div class="card">
        <h3><a href="/modules/\(m.slug)">\(text.title)</a></h3>
        <p>\(text.summary)</p>
        <p class="meta">\(ctx.t("home.lessonCount", String(m.lessons.count))) \(LearnerRoutes.status(ctx.user == nil ? nil : p, now: now, ctx))</p>
        \(bar)
        </div>
        """
    }
    return .page(Layout.page(ctx, title: ctx.t("home.title"), body))
  }
}
