import Academy
import Catalog
import Foundation
import HTTPServer

/// `/teach`: the content tree (modules, lessons, quizzes, languages, pictures) with the
/// problems of the latest load, and the forms that create content from templates.
enum TeachHomePage {
  static func render(_ app: App, _ ctx: inout Context) throws -> HTTPResponse {
    let store = app.academy.content
    let problems = store.problems.sorted { ($0.path, $0.line) < ($1.path, $1.line) }
    let served = store.catalog
    let errors = problems.filter { $0.severity == .error }
    var body: HTML = """
      \(TeachRoutes.stylesheet)
      <h1>\(ctx.t("teach.title"))</h1>
      \(TeachRoutes.notice(ctx))
      <p><a href="/teach/essays">\(ctx.t("teach.essays.title"))</a> · <a href="/teach/briefings">\(ctx.t("teach.briefings.link"))</a></p>
      <p><a href="/sessions">\(ctx.t("session.list"))</a></p>
      """
    body += problemList(ctx, problems, errors: errors.count)
    body += coverageTable(ctx, served.coverage)
    let tree = ContentTree.scan(store.loader)
    body += "<h2>\(ctx.t("teach.tree"))</h2><div class=\"tree\">"
    for m in tree.modules {
      body += moduleCard(ctx, m, served: served.module(m.slug), problems: problems)
    }
    body += "</div>"
    body += """
      <h2>\(ctx.t("teach.newModule"))</h2>
      <form method="post" action="/teach/modules" class="card">\(ctx.csrfField)
      <label for="nm-slug">\(ctx.t("teach.slug"))</label>
      <input type="text" id="nm-slug" name="slug" required pattern="[a-z0-9][a-z0-9-]*" maxlength="60" aria-describedby="nm-slug-hint">
      <p class="hint" id="nm-slug-hint">\(ctx.t("teach.slug.hint"))</p>
      <label for="nm-title">\(ctx.t("teach.titleField"))</label>
      <input type="text" id="nm-title" name="title" required maxlength="120">
      <div class="actions"><button class="primary">\(ctx.t("teach.create"))</button></div>
      </form>
      """
    return .page(Layout.page(ctx, title: ctx.t("teach.title"), body))
  }

  /// The latest load's problems as `path:line: message`, errors first.
  static func problemList(_ ctx: Context, _ problems: [ContentProblem], errors: Int) -> HTML {
    guard !problems.isEmpty else {
      return "<div class=\"ok\"><p>\(ctx.t("teach.noProblems"))</p></div>"
    }
    let items: [HTML] =
      (problems.filter { $0.severity == .error } + problems.filter { $0.severity == .warning })
      .map { "<li>\($0.description)</li>" }
    let head: HTML =
      errors > 0
      ? "<div class=\"bad\" role=\"alert\"><p>\(ctx.t("teach.errorsServing", String(errors)))</p></div>"
      : "<div class=\"notice\"><p>\(ctx.t("teach.warningsOnly", String(problems.count)))</p></div>"
    return "\(head)<h2>\(ctx.t("teach.problems"))</h2><ul class=\"problems\">\(items)</ul>"
  }

  /// Translation coverage of the served content: module × language, present/total.
  static func coverageTable(_ ctx: Context, _ rows: [TranslationCoverage]) -> HTML {
    guard !rows.isEmpty else { return .empty }
    func cell(_ present: Int, _ missing: Int) -> HTML {
      let text = "\(present)/\(present + missing)"
      return missing == 0
        ? "<td class=\"num\">\(text)</td>"
        : "<td class=\"num\"><span class=\"status warn\">\(text)</span></td>"
    }
    let lines: [HTML] = rows.map {
      "<tr><th scope=\"row\">\($0.module)</th><td lang=\"\($0.language.rawValue)\">\($0.language.nativeName)</td>\(cell($0.lessonsPresent, $0.lessonsMissing))\(cell($0.questionsPresent, $0.questionsMissing))</tr>"
    }
    return """
      <h2>\(ctx.t("teach.coverage"))</h2>
      <table tabindex="0"><tr><th scope="col">\(ctx.t("teach.coverage.module"))</th><th scope="col">\(ctx.t("teach.language"))</th><th scope="col">\(ctx.t("teach.coverage.lessons"))</th><th scope="col">\(ctx.t("teach.coverage.questions"))</th></tr>
      \(lines)</table>
      """
  }

  static func moduleCard(
    _ ctx: Context, _ m: ContentTree.ModuleEntry, served: Module?, problems: [ContentProblem]
  ) -> HTML {
    let title = served?.text[ctx.language]?.title ?? m.slug
    let prefixes = ["Curriculum/\(m.slug)/", "Assessments/\(m.slug)."]
    let count = problems.filter { p in prefixes.contains { p.path.hasPrefix($0) } }.count
    var files: [HTML] = []
    for (stem, langs) in m.files {
      let links: [HTML] = ctx.ui.offered.map(\.language).map { l in
        let name = "\(stem)\(l.fileSuffix).md"
        if langs.contains(l) {
          return
            "<a href=\"/teach/edit/\(m.slug)/\(name)\" lang=\"\(l.rawValue)\">\(l.rawValue.uppercased())</a> "
        }
        return
          "<span class=\"status warn\">\(ctx.t("teach.missingLanguage", l.rawValue.uppercased()))</span> "
      }
      files.append("<li><code>\(stem)</code> \(links)</li>")
    }
    let quizzes: [HTML] = m.quizzes.map {
      "<li><code>Assessments/\($0)</code> <a href=\"/teach/review/\(m.slug)/\($0)\">\(ctx.t("teach.review.link"))</a> · <a href=\"/teach/quiz/\(m.slug)/\($0)\">\(ctx.t("teach.quiz.link"))</a></li>"
    }
    let media: [HTML] = m.media.map { "<li><code>![](media/\($0))</code></li>" }
    let lessonOptions: [HTML] = m.files.map { "<option value=\"\($0.stem)\">\($0.stem)</option>" }
    let langOptions: [HTML] = ctx.ui.offered.filter { $0.language != .reference }.map {
      "<option value=\"\($0.language.rawValue)\">\($0.name)</option>"
    }
    let id = "m-\(m.slug)"
    return """
      <section class="card" aria-labelledby="\(id)">
      <h3 id="\(id)">\(title) <code>\(m.slug)</code></h3>
      \(served == nil ? HTML("<p class=\"status late\">\(ctx.t("teach.notServed"))</p>") : .empty)
      \(count > 0 ? HTML("<p class=\"status warn\">\(ctx.t("teach.moduleProblems", String(count)))</p>") : .empty)
      <ul>\(files)</ul>
      <p>\(ctx.t("teach.quizzes"))</p><ul>\(quizzes)</ul>
      \(media.isEmpty ? .empty : HTML("<p>\(ctx.t("teach.media"))</p><ul>\(media)</ul>"))
      <p><a href="/teach/modules/\(m.slug)/statistics">\(ctx.t("teach.stats.title"))</a></p>
      <details><summary>\(ctx.t("teach.newLesson"))</summary>
      <form method="post" action="/teach/modules/\(m.slug)/lessons">\(ctx.csrfField)
      <label for="\(id)-lt">\(ctx.t("teach.titleField"))</label><input type="text" id="\(id)-lt" name="title" required maxlength="120">
      <div class="actions"><button class="primary">\(ctx.t("teach.create"))</button></div></form></details>
      <details><summary>\(ctx.t("teach.newTranslation"))</summary>
      <form method="post" action="/teach/modules/\(m.slug)/translations">\(ctx.csrfField)
      <label for="\(id)-tl">\(ctx.t("teach.lesson"))</label><select id="\(id)-tl" name="lesson">\(lessonOptions)</select>
      <label for="\(id)-tg">\(ctx.t("teach.language"))</label><select id="\(id)-tg" name="language">\(langOptions)</select>
      <div class="actions"><button class="primary">\(ctx.t("teach.create"))</button></div></form></details>
      <details><summary>\(ctx.t("teach.upload"))</summary>
      <form method="post" action="/teach/modules/\(m.slug)/media" enctype="multipart/form-data">\(ctx.csrfField)
      <label for="\(id)-up">\(ctx.t("teach.upload.file"))</label><input type="file" id="\(id)-up" name="file" accept="image/png,image/jpeg,image/gif" required aria-describedby="\(id)-up-hint">
      <p class="hint" id="\(id)-up-hint">\(ctx.t("teach.upload.hint"))</p>
      <div class="actions"><button class="primary">\(ctx.t("teach.upload.send"))</button></div></form></details>
      </section>
      """
  }

  static func newModule(_ app: App, _ ctx: inout Context) throws -> HTTPResponse {
    let slug = (ctx.form["slug"] ?? "").trimmingCharacters(in: .whitespaces)
    let title = (ctx.form["title"] ?? "").trimmingCharacters(in: .whitespaces)
    guard !title.isEmpty else { return TeachRoutes.back("/teach", problem: "teach.error.title") }
    return try create(app, ctx, back: "/teach", subject: slug) {
      try $0.newModule(slug: slug, title: String(title.prefix(120)))
    }
  }

  static func newLesson(_ app: App, _ ctx: inout Context) throws -> HTTPResponse {
    let m = try TeachRoutes.moduleSlug(app, ctx)
    let title = (ctx.form["title"] ?? "").trimmingCharacters(in: .whitespaces)
    guard !title.isEmpty else { return TeachRoutes.back("/teach", problem: "teach.error.title") }
    return try create(app, ctx, back: "/teach", subject: m, editAfter: m) {
      [try $0.newLesson(module: m, title: String(title.prefix(120)))]
    }
  }

  static func newTranslation(_ app: App, _ ctx: inout Context) throws -> HTTPResponse {
    let m = try TeachRoutes.moduleSlug(app, ctx)
    guard let lang = ctx.form["language"].flatMap(Language.init(rawValue:)),
      let lesson = ctx.form["lesson"]
    else {
      return TeachRoutes.back("/teach", problem: "teach.error.language")
    }
    return try create(app, ctx, back: "/teach", subject: m, editAfter: m) {
      [try $0.newTranslation(module: m, lesson: lesson, language: lang)]
    }
  }

  /// Runs a template action, audits it, and opens the new file in the editor (or goes back
  /// with the reason it was refused).
  static func create(
    _ app: App, _ ctx: Context, back: String, subject: String, editAfter module: String? = nil,
    _ action: (CatalogLoader) throws -> [URL]
  ) throws -> HTTPResponse {
    let loader = app.academy.content.loader
    do {
      let urls = try action(loader)
      app.academy.content.reloadIfChanged()  // the next page shows the new files' problems
      try app.academy.audit(
        actor: ctx.user?.id, action: "content.create", subject: subject,
        detail: urls.map { $0.lastPathComponent }.joined(separator: " "))
      if let module, let first = urls.first {
        return .redirect(to: "/teach/edit/\(module)/\(first.lastPathComponent)?done=created")
      }
      return TeachRoutes.back(back, done: "created")
    } catch let e as AuthoringError {
      return TeachRoutes.back(back, problem: e.key)
    }
  }
}
