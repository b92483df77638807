import Academy
import Catalog
import HTTPServer

/// A module: introduction, lessons with read marks, pre-test and quiz.
enum ModulePage {
  static func render(_ app: App, _ ctx: inout Context) throws -> HTTPResponse {
    let m = try LearnerRoutes.module(app, ctx)
    guard let (text, lang) = m.text.resolve(ctx.language) else { throw AcademyError.notFound }
    let progress = try ctx.user.map { try app.academy.progress(userID: $0.id)[m.slug] } ?? nil
    var body: HTML = "<h1 lang=\"\(lang.rawValue)\" dir=\"\(lang.direction)\">\(text.title)</h1>"
    if lang != ctx.language { body += "<p class=\"notice\">\(ctx.t("common.fallback"))</p>" }
    if let p = progress {
      body += Layout.progress(p.fraction, label: ctx.t("progress.label", text.title))
      body +=
        "<p class=\"meta\">\(ctx.t("module.progress", String(p.lessonsRead.count), String(p.lessonCount)))</p>"
    }
    body +=
      "<div lang=\"\(lang.rawValue)\" dir=\"\(lang.direction)\">\(HTML(trusted: text.introHTML))</div>"
    if ctx.user != nil, m.quizzes[.pre] != nil, progress?.preTestDone == false,
      progress?.started == false
    {
      body += """
        <div class="card"><h2>\(ctx.t("module.pretest"))</h2><p>\(ctx.t("module.pretestExplain"))</p>
        <p><a class="btn secondary" href="/modules/\(m.slug)/quiz?kind=pre">\(ctx.t("module.pretestStart"))</a></p></div>
        """
    }
    body +=
      "<h2>\(ctx.t("module.lessons"))</h2><ol class=\"lessons\" data-labels=\"\(OfflineAssets.labels(ctx, OfflineAssets.moduleKeys))\">"
    for lesson in m.lessons {
      guard let lt = lesson.text[ctx.language] else { continue }
      let read = progress?.lessonsRead.contains(lesson.slug) == true
      let mark: HTML = read ? " <span class=\"status good\">\(ctx.t("lesson.read"))</span>" : .empty
      body +=
        "<li><a href=\"/modules/\(m.slug)/\(lesson.slug)\">\(lt.title)</a> <span class=\"meta\">\(ctx.t("common.minutes", String(lt.minutes)))</span>\(mark)</li>"
    }
    body += "</ol>"
    if m.quizzes[.certifying] != nil {
      body +=
        "<h2>\(ctx.t("module.quiz"))</h2><p>\(ctx.t("module.quizExplain", String(m.passMark)))</p>"
      if let c = progress?.certificate {
        body +=
          "<p class=\"ok\">\(ctx.t("module.certified")) <a href=\"/certificates/\(c.code)\">\(c.code)</a></p>"
      }
      body +=
        "<p><a class=\"btn\" href=\"/modules/\(m.slug)/quiz\">\(ctx.t("module.quizStart"))</a></p>"
    }
    return .page(Layout.page(ctx, title: text.title, body))
  }
}
