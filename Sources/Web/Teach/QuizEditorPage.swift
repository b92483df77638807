import Academy
import Catalog
import Foundation
import GIFT
import HTTPServer

/// `/teach/quiz/:m/:file`: a quiz's GIFT text next to its questions as a phone shows them
/// and the problems `relais check` reports for the file, computed from the text in the box
/// (so a fixed key's warning disappears on Preview, before saving). Saving goes through the
/// verified write path, refuses a text with errors (the last good version stays served) and
/// a file changed on disk since it was opened, and is audited.
enum QuizEditorPage {
  struct Target {
    var module: String
    var file: String
    var url: URL
    /// `Assessments/file`, as problems name it.
    var path: String
    var language: Language
    var action: String { "/teach/quiz/\(module)/\(file)" }
  }

  /// One of the module's quiz files that exists, by exact name (never a path from input).
  static func target(_ app: App, _ ctx: Context) throws -> Target {
    let loader = app.academy.content.loader
    let m = try TeachRoutes.moduleSlug(app, ctx)
    guard let file = ctx.request.parameters["file"],
      loader.quizFileNames(module: m).contains(file)
    else { throw AcademyError.notFound }
    let url = loader.assessments.appendingPathComponent(file)
    guard FileManager.default.fileExists(atPath: url.path) else { throw AcademyError.notFound }
    // `m.pre.fr.gift` → fr: what is left once the module and kind are taken off.
    let rest = file.dropFirst(m.count).split(separator: ".").filter {
      !["gift", "pre", "refresher"].contains($0)
    }
    let language = rest.last.flatMap { Language(rawValue: String($0)) } ?? .reference
    return Target(
      module: m, file: file, url: url, path: "\(loader.assessments.lastPathComponent)/\(file)",
      language: language)
  }

  static func render(_ app: App, _ ctx: inout Context) throws -> HTTPResponse {
    let t = try target(app, ctx)
    let notice = TeachRoutes.notice(ctx)
    return try EditorText.open(t.url, ctx) { text, hash in
      page(app, ctx, t, text: text, hash: hash, notice: notice)
    }
  }

  static func page(
    _ app: App, _ ctx: Context, _ t: Target, text: String, hash: String, notice: HTML,
    disk: String? = nil
  ) -> HTML {
    let check = app.academy.content.loader.checkQuiz(
      module: t.module, file: t.file, text: EditorText.lineFeeds(text))
    let problems: [HTML] = check.problems.map { p in
      let kind: HTML = p.severity == .warning ? HTML("\(ctx.t("teach.quiz.warning")): ") : .empty
      return
        "<li class=\"\(p.severity.rawValue)\">\(ctx.t("teach.review.line", String(p.line))): \(kind)\(p.message)</li>"
    }
    let checked: HTML =
      problems.isEmpty
      ? "<p class=\"ok\" role=\"status\">\(ctx.t("teach.quiz.noProblems"))</p>"
      : "<ul class=\"problems\">\(problems)</ul>"
    let diskVersion: HTML =
      disk.map {
        "<section aria-labelledby=\"disk-title\"><h2 id=\"disk-title\">\(ctx.t("teach.conflict.disk"))</h2><pre>\($0)</pre></section>"
      } ?? .empty
    let body: HTML = """
      \(TeachRoutes.stylesheet)
      <p class="meta"><a href="/teach">\(ctx.t("teach.title"))</a> · <code>\(t.module)</code> · <a href="/teach/review/\(t.module)/\(t.file)">\(ctx.t("teach.review.link"))</a></p>
      <h1>\(ctx.t("teach.quiz.title", t.file))</h1>
      \(notice)
      <h2>\(ctx.t("teach.problems"))</h2>
      \(checked)
      <div class="editor">
      <form method="post" action="\(t.action)">\(ctx.csrfField)
      <input type="hidden" name="hash" value="\(hash)">
      <label for="source">\(ctx.t("teach.quiz.source"))</label>
      \(EditorText.textarea(id: "source", name: "source", text, label: ctx.t("teach.quiz.source")))
      <div class="actions">
      <button class="primary" name="action" value="save">\(ctx.t("common.save"))</button>
      <button class="btn secondary" name="action" value="preview">\(ctx.t("teach.edit.preview"))</button>
      </div>
      <p class="hint">\(ctx.t("teach.quiz.hint"))</p>
      </form>
      <section aria-labelledby="preview-title">
      <h2 id="preview-title">\(ctx.t("teach.edit.previewTitle"))</h2>
      <div class="phone" id="preview-body" lang="\(t.language.rawValue)" dir="\(t.language.direction)">\(preview(ctx, check.questions))</div>
      </section>
      \(diskVersion)
      </div>
      """
    return Layout.page(ctx, title: ctx.t("teach.quiz.title", t.file), body)
  }

  /// Each question as the learner's quiz form draws it, answers in file order (controls
  /// outside any form: nothing here can be submitted).
  static func preview(_ ctx: Context, _ questions: [Question]) -> HTML {
    var out: [HTML] = []
    var number = 0
    for q in questions {
      if q.moodleType != "description" { number += 1 }
      let order: [Int]
      switch q.kind {
      case .multipleChoice(let answers, _): order = Array(answers.indices)
      case .matching(let pairs): order = Array(Set(pairs.map(\.match)).sorted().indices)
      default: order = []
      }
      out.append(
        QuizForm.question(
          q, shown: ShownQuestion(id: q.id, order: order), number: max(number, 1), ctx))
    }
    return "<div class=\"quiz\">\(out)</div>"
  }

  static func submit(_ app: App, _ ctx: inout Context) throws -> HTTPResponse {
    let t = try target(app, ctx)
    let current = try EditorText.read(t.url)
    let source = ctx.form["source"] ?? ""
    let sentHash = ctx.form["hash"] ?? ""
    if ctx.form["action"] == "preview" {
      return .page(page(app, ctx, t, text: source, hash: sentHash, notice: .empty))
    }
    let currentHash = EditorText.hash(current)
    guard currentHash == sentHash else {
      let notice: HTML = "<div class=\"bad\" role=\"alert\"><p>\(ctx.t("teach.conflict"))</p></div>"
      return .page(
        page(
          app, ctx, t, text: source, hash: currentHash, notice: notice,
          disk: String(decoding: current, as: UTF8.self)), status: 409)
    }
    let bytes = EditorText.fromBrowser(source, crlf: EditorText.usesCRLF(current))
    if bytes == current { return TeachRoutes.back(t.action, done: "unchanged") }
    // What the typed text means (line endings are not meaning) is what must read back.
    let meant = EditorText.lineFeeds(source)
    let check = app.academy.content.loader.checkQuiz(module: t.module, file: t.file, text: meant)
    guard check.parseErrors.isEmpty, !check.hasErrors else {
      let notice: HTML =
        "<div class=\"bad\" role=\"alert\"><p>\(ctx.t("teach.quiz.refused"))</p></div>"
      return .page(page(app, ctx, t, text: source, hash: sentHash, notice: notice), status: 400)
    }
    do {
      // The bytes decode losslessly: they came from the form's UTF-8 text.
      try CatalogLoader.writeQuiz(
        String(decoding: bytes, as: UTF8.self), meaning: check.questions,
        settings: check.settings, to: t.url)
    } catch let e as AuthoringError {
      return TeachRoutes.back(t.action, problem: e.key)
    }
    try app.academy.audit(
      actor: ctx.user?.id, action: "content.save", subject: t.path,
      detail:
        "\(currentHash.prefix(12)) → \(EditorText.hash(bytes).prefix(12)), \(bytes.count) bytes")
    app.academy.content.reloadIfChanged()
    return TeachRoutes.back(t.action, done: "saved")
  }
}
