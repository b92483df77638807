import Academy
import Catalog
import Foundation
import HTTPServer

/// The lesson editor: Markdown in a textarea next to the lesson as a phone shows it. The
/// Preview button works without JavaScript; `editor.js` makes the preview live. Saving is
/// atomic, refuses to overwrite a file changed since it was opened, and is audited.
enum LessonEditorPage {
  struct Target {
    var module: String
    var file: String
    var url: URL
    /// `Curriculum/m/file.md`, as problems name it.
    var path: String
    var stem: String
    /// The file's language: the preview and the text box take its direction.
    var language: Language = .reference

    /// Where learners see it (the served version).
    var sitePath: String { stem == "module" ? "/modules/\(module)" : "/modules/\(module)/\(stem)" }
  }

  /// The file named in the URL: a lesson or `module` file of an existing module.
  static func target(_ app: App, _ ctx: Context) throws -> Target {
    let loader = app.academy.content.loader
    let m = try TeachRoutes.moduleSlug(app, ctx)
    guard let file = ctx.request.parameters["file"], let (stem, lang) = ContentTree.split(file),
      let url = try? loader.lessonFile(module: m, lesson: stem, language: lang),
      url.lastPathComponent == file
    else { throw AcademyError.notFound }
    return Target(
      module: m, file: file, url: url, path: "Curriculum/\(m)/\(file)", stem: stem, language: lang)
  }

  static func render(_ app: App, _ ctx: inout Context) throws -> HTTPResponse {
    let t = try target(app, ctx)
    let notice = TeachRoutes.notice(ctx)
    return try EditorText.open(t.url, ctx) { text, hash in
      page(app, ctx, t, text: text, hash: hash, notice: notice)
    }
  }

  static func page(
    _ app: App, _ ctx: Context, _ t: Target, text: String, hash: String, notice: HTML
  ) -> HTML {
    let problems = app.academy.content.problems.filter { $0.path == t.path }.sorted {
      $0.line < $1.line
    }
    let problemItems: [HTML] = problems.map { "<li>\($0.description)</li>" }
    let body: HTML = """
      \(TeachRoutes.stylesheet)
      <p class="meta"><a href="/teach">\(ctx.t("teach.title"))</a> · <code>\(t.module)</code> · <a href="\(t.sitePath)">\(ctx.t("teach.edit.onSite"))</a></p>
      <h1>\(ctx.t("teach.edit.title", t.file))</h1>
      \(notice)
      \(problems.isEmpty ? .empty : HTML("<h2>\(ctx.t("teach.problems"))</h2><ul class=\"problems\">\(problemItems)</ul>"))
      <div class="editor">
      <form method="post" action="/teach/edit/\(t.module)/\(t.file)" id="editor" data-preview="/teach/preview/\(t.module)/\(t.file)">\(ctx.csrfField)
      <input type="hidden" name="hash" value="\(hash)">
      <label for="source">\(ctx.t("teach.edit.source"))</label>
      \(EditorText.textarea(id: "source", name: "source", text, label: ctx.t("teach.edit.source")))
      <div class="actions">
      <button class="primary" name="action" value="save">\(ctx.t("common.save"))</button>
      <button class="btn secondary" name="action" value="preview">\(ctx.t("teach.edit.preview"))</button>
      </div>
      <p class="hint">\(ctx.t("teach.edit.hint"))</p>
      </form>
      <section aria-labelledby="preview-title">
      <h2 id="preview-title">\(ctx.t("teach.edit.previewTitle"))</h2>
      <div class="phone" id="preview-body" aria-live="polite" lang="\(t.language.rawValue)" dir="\(t.language.direction)">\(preview(app, t, text))</div>
      </section>
      </div>
      <script src="/teach/editor.js" defer></script>
      """
    return Layout.page(ctx, title: ctx.t("teach.edit.title", t.file), body)
  }

  /// The rendered lesson (title and sanitised body) and the problems of its front matter.
  static func preview(_ app: App, _ t: Target, _ source: String) -> HTML {
    let p = app.academy.content.loader.preview(source, module: t.module, path: t.path)
    let problems: [HTML] = p.problems.map { "<li>\($0.description)</li>" }
    return """
      \(problems.isEmpty ? .empty : HTML("<ul class=\"problems bad\">\(problems)</ul>"))
      <h1>\(p.title)</h1>
      <article>\(HTML(trusted: p.html))</article>
      """
  }

  /// The live preview's fragment (for `editor.js`).
  static func livePreview(_ app: App, _ ctx: inout Context) throws -> HTTPResponse {
    let t = try target(app, ctx)
    var r = HTTPResponse.html(preview(app, t, ctx.form["source"] ?? "").text)
    r.headers.set("Cache-Control", "no-store")
    return r
  }

  static func submit(_ app: App, _ ctx: inout Context) throws -> HTTPResponse {
    let t = try target(app, ctx)
    let current = try EditorText.read(t.url)
    let source = ctx.form["source"] ?? ""
    let sentHash = ctx.form["hash"] ?? ""
    if ctx.form["action"] == "preview" {
      return .page(page(app, ctx, t, text: source, hash: sentHash, notice: .empty))
    }
    let bytes = EditorText.fromBrowser(source, crlf: EditorText.usesCRLF(current))
    let currentHash = EditorText.hash(current)
    guard currentHash == sentHash else {
      return .page(
        conflict(app, ctx, t, mine: source, disk: current, diskHash: currentHash), status: 409)
    }
    if bytes == current {
      return TeachRoutes.back("/teach/edit/\(t.module)/\(t.file)", done: "unchanged")
    }
    do {
      try CatalogLoader.writeMarkdown(bytes, meaning: source, to: t.url)
    } catch let e as AuthoringError {
      return TeachRoutes.back("/teach/edit/\(t.module)/\(t.file)", problem: e.key)
    }
    try app.academy.audit(
      actor: ctx.user?.id, action: "content.save", subject: t.path,
      detail:
        "\(currentHash.prefix(12)) → \(EditorText.hash(bytes).prefix(12)), \(bytes.count) bytes")
    // Reload now rather than at the next poll, so the page we return to shows this
    // version's problems. (A poll running at the same time is harmless: a stale result is
    // replaced at the next poll, as its fingerprint no longer matches the files.)
    app.academy.content.reloadIfChanged()
    return TeachRoutes.back("/teach/edit/\(t.module)/\(t.file)", done: "saved")
  }

  /// Both versions side by side: the trainer's (still editable; saving it now replaces the
  /// disk version on purpose) and the one on disk.
  static func conflict(
    _ app: App, _ ctx: Context, _ t: Target, mine: String, disk: [UInt8], diskHash: String
  ) -> HTML {
    let body: HTML = """
      \(TeachRoutes.stylesheet)
      <p class="meta"><a href="/teach">\(ctx.t("teach.title"))</a> · <code>\(t.module)</code></p>
      <h1>\(ctx.t("teach.edit.title", t.file))</h1>
      <div class="bad" role="alert"><p>\(ctx.t("teach.conflict"))</p></div>
      <div class="versions">
      <form method="post" action="/teach/edit/\(t.module)/\(t.file)">\(ctx.csrfField)
      <input type="hidden" name="hash" value="\(diskHash)">
      <h2><label for="source">\(ctx.t("teach.conflict.mine"))</label></h2>
      \(EditorText.textarea(id: "source", name: "source", mine, label: ctx.t("teach.conflict.mine")))
      <div class="actions"><button class="primary" name="action" value="save">\(ctx.t("teach.conflict.keepMine"))</button>
      <a class="btn secondary" href="/teach/edit/\(t.module)/\(t.file)">\(ctx.t("teach.conflict.takeDisk"))</a></div>
      </form>
      <section aria-labelledby="disk-title"><h2 id="disk-title">\(ctx.t("teach.conflict.disk"))</h2>
      <pre>\(String(decoding: disk, as: UTF8.self))</pre></section>
      </div>
      """
    return Layout.page(ctx, title: ctx.t("teach.edit.title", t.file), body)
  }
}
