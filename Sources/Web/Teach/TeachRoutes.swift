import Academy
import Catalog
import Foundation
import HTTPServer

/// The trainers' area: the content tree and its problems, the lesson editor with a phone-
/// width preview, new content from templates, picture uploads, essay marking and question
/// statistics. Every route is for trainers (and admins); any trainer may edit any module.
enum TeachRoutes {
  static func routes(_ app: App) -> [Route] {
    [
      Route("GET", "/teach", .trainers, offload: true) { ctx in try TeachHomePage.render(app, &ctx)
      },
      Route("GET", "/teach/teach.css", .trainers) { _ in TeachAssets.css() },
      Route("GET", "/teach/editor.js", .trainers) { _ in TeachAssets.script() },
      Route("POST", "/teach/modules", .trainers) { ctx in try TeachHomePage.newModule(app, &ctx) },
      Route("POST", "/teach/modules/:m/lessons", .trainers) { ctx in
        try TeachHomePage.newLesson(app, &ctx)
      },
      Route("POST", "/teach/modules/:m/translations", .trainers) { ctx in
        try TeachHomePage.newTranslation(app, &ctx)
      },
      Route("POST", "/teach/modules/:m/media", .trainers, bodyLimit: 1024 * 1024) { ctx in
        try MediaUpload.upload(app, &ctx)
      },
      Route("GET", "/teach/edit/:m/:file", .trainers) { ctx in
        try LessonEditorPage.render(app, &ctx)
      },
      Route("POST", "/teach/edit/:m/:file", .trainers, bodyLimit: 512 * 1024) { ctx in
        try LessonEditorPage.submit(app, &ctx)
      },
      Route("POST", "/teach/preview/:m/:file", .trainers, bodyLimit: 512 * 1024) { ctx in
        try LessonEditorPage.livePreview(app, &ctx)
      },
      Route("GET", "/teach/briefings", .trainers) { ctx in
        try BriefingPublishPage.render(app, &ctx)
      },
      Route("POST", "/teach/briefings", .trainers, bodyLimit: 512 * 1024) { ctx in
        try BriefingPublishPage.publish(app, &ctx)
      },
      Route("GET", "/teach/review/:m/:file", .trainers, offload: true) { ctx in
        try QuizReviewPage.render(app, &ctx)
      },
      Route("GET", "/teach/quiz/:m/:file", .trainers) { ctx in
        try QuizEditorPage.render(app, &ctx)
      },
      Route("POST", "/teach/quiz/:m/:file", .trainers, bodyLimit: 512 * 1024) { ctx in
        try QuizEditorPage.submit(app, &ctx)
      },
      Route("GET", "/teach/essays", .trainers) { ctx in try EssaysPage.render(app, &ctx) },
      Route("POST", "/teach/essays", .trainers) { ctx in
        try EssaysPage.mark(app, &ctx)
      },
      Route("GET", "/teach/modules/:m/statistics", .trainers, offload: true) { ctx in
        try StatisticsPage.render(app, &ctx)
      },
      Route("GET", "/teach/modules/:m/statistics.csv", .trainers, offload: true) { ctx in
        try StatisticsPage.csv(app, &ctx)
      },
    ]
  }

  /// The module slug in the URL, checked to be a plain name with a `module.md`.
  static func moduleSlug(_ app: App, _ ctx: Context) throws -> String {
    guard let m = ctx.request.parameters["m"],
      let folder = try? app.academy.content.loader.moduleFolder(m),
      FileManager.default.fileExists(atPath: folder.appendingPathComponent("module.md").path)
    else { throw AcademyError.notFound }
    return m
  }

  /// A 303 back to a page with a message key (`?done=…` / `?problem=…`), after a POST.
  static func back(_ path: String, done: String? = nil, problem: String? = nil) -> HTTPResponse {
    var q: [String] = []
    if let done { q.append("done=\(done)") }
    if let problem { q.append("problem=\(problem)") }
    return .redirect(to: q.isEmpty ? path : path + "?" + q.joined(separator: "&"))
  }

  /// The notice a `?done=` or `?problem=` key asks for (only known keys are shown).
  static func notice(_ ctx: Context) -> HTML {
    if let k = ctx.query("done"), Strings.english["teach.done.\(k)"] != nil {
      return "<div class=\"ok\" role=\"status\"><p>\(ctx.t("teach.done.\(k)"))</p></div>"
    }
    if let k = ctx.query("problem"), Strings.english[k] != nil, k.hasPrefix("teach.error.") {
      return "<div class=\"bad\" role=\"alert\"><p>\(ctx.t(k))</p></div>"
    }
    return .empty
  }

  /// The page's own stylesheet: a `<link>` in the body is valid HTML and allowed by the CSP.
  static var stylesheet: HTML { "<link rel=\"stylesheet\" href=\"/teach/teach.css\">" }
}
