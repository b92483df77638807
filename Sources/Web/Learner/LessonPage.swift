import Academy
import Catalog
import Dispatch
import HTTPServer

/// A lesson: title, minutes, objectives, content, progress, previous/next and "Done, next".
enum LessonPage {
  /// "Opened" marks are convenience data (for "continue where I stopped"): written off the
  /// request path so a page view never waits for a disk flush.
  static let background = DispatchQueue(label: "relais.lesson-opened")

  static func render(_ app: App, _ ctx: inout Context) throws -> HTTPResponse {
    let m = try LearnerRoutes.module(app, ctx)
    guard let slug = ctx.request.parameters["lesson"],
      let index = m.lessons.firstIndex(where: { $0.slug == slug }),
      let (text, lang) = m.lessons[index].text.resolve(ctx.language), let mt = m.text[ctx.language]
    else { throw AcademyError.notFound }
    var progress: ModuleProgress?
    if let u = ctx.user {
      progress = try app.academy.progress(userID: u.id)[m.slug]
      let academy = app.academy
      background.async { try? academy.lessonOpened(userID: u.id, module: m.slug, lesson: slug) }
    }
    let readCount = progress?.lessonsRead.count ?? index
    var body: HTML = """
      <p class="meta"><a href="/modules/\(m.slug)">\(mt.title)</a> · \(ctx.t("lesson.position", String(index + 1), String(m.lessons.count)))</p>
      \(Layout.progress(Double(readCount) / Double(max(m.lessons.count, 1)), label: ctx.t("progress.label", mt.title)))
      <h1 lang="\(lang.rawValue)" dir="\(lang.direction)">\(text.title)</h1>
      <p class="meta">\(ctx.t("common.minutes", String(text.minutes)))</p>
      """
    if lang != ctx.language { body += "<p class=\"notice\">\(ctx.t("common.fallback"))</p>" }
    if index == 0, let p = progress, !p.preTestDone, p.lessonsRead.isEmpty, m.quizzes[.pre] != nil {
      body += """
        <div class="card"><h2>\(ctx.t("module.pretest"))</h2><p>\(ctx.t("module.pretestExplain"))</p>
        <p><a class="btn secondary" href="/modules/\(m.slug)/quiz?kind=pre">\(ctx.t("module.pretestStart"))</a></p></div>
        """
    }
    if !text.objectives.isEmpty {
      let items: [HTML] = text.objectives.map { "<li>\($0)</li>" }
      body += "<div class=\"card\"><h2>\(ctx.t("lesson.objectives"))</h2><ul>\(items)</ul></div>"
    }
    body +=
      "<article lang=\"\(lang.rawValue)\" dir=\"\(lang.direction)\">\(HTML(trusted: text.html))</article>"
    let next = index + 1 < m.lessons.count ? m.lessons[index + 1] : nil
    if ctx.user != nil {
      let label = next == nil ? ctx.t("lesson.doneQuiz") : ctx.t("lesson.doneNext")
      body += """
        <form method="post" action="/modules/\(m.slug)/\(slug)/done" class="actions">\(ctx.csrfField)<button class="primary">\(label)</button></form>
        """
    }
    var pager: [HTML] = []
    // Arrows point the way the page reads: "back" is to the right in a right-to-left page.
    let (back, forward) = ctx.ui.isRightToLeft ? ("→", "←") : ("←", "→")
    if index > 0, let prev = m.lessons[index - 1].text[ctx.language] {
      pager.append(
        "<a rel=\"prev\" href=\"/modules/\(m.slug)/\(m.lessons[index - 1].slug)\">\(back) \(prev.title)</a>"
      )
    }
    if let next, let nt = next.text[ctx.language] {
      pager.append(
        "<a rel=\"next\" href=\"/modules/\(m.slug)/\(next.slug)\">\(nt.title) \(forward)</a>")
    } else if m.quizzes[.certifying] != nil {
      pager.append(
        "<a rel=\"next\" href=\"/modules/\(m.slug)/quiz\">\(ctx.t("module.quizStart")) \(forward)</a>"
      )
    }
    body += "<nav class=\"pager\" aria-label=\"\(ctx.t("lesson.pager"))\">\(pager)</nav>"
    return .page(Layout.page(ctx, title: text.title, body))
  }

  /// Marks the lesson read and moves on: next lesson, or the quiz after the last one.
  static func done(_ app: App, _ ctx: inout Context) throws -> HTTPResponse {
    let m = try LearnerRoutes.module(app, ctx)
    guard let u = ctx.user, let slug = ctx.request.parameters["lesson"],
      let index = m.lessons.firstIndex(where: { $0.slug == slug })
    else {
      throw AcademyError.notFound
    }
    let issued = try app.academy.lessonRead(userID: u.id, module: m.slug, lesson: slug)
    if let code = issued { return .redirect(to: "/certificates/\(code)") }
    if index + 1 < m.lessons.count {
      return .redirect(to: "/modules/\(m.slug)/\(m.lessons[index + 1].slug)")
    }
    return .redirect(
      to: m.quizzes[.certifying] != nil ? "/modules/\(m.slug)/quiz" : "/modules/\(m.slug)")
  }
}
