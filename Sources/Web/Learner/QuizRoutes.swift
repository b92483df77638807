import Academy
import Catalog
import GIFT
import HTTPServer

/// Quizzes: the form (one attempt at a time), its submission, and the result.
enum QuizRoutes {
  static func routes(_ app: App) -> [Route] {
    [
      Route("GET", "/modules/:m/quiz", .signedIn, offload: true) { ctx in try form(app, &ctx) },
      Route("POST", "/modules/:m/quiz", .signedIn) { ctx in try submit(app, &ctx) },
      Route("GET", "/attempts/:id", .signedIn) { ctx in try ResultPage.render(app, &ctx) },
    ]
  }

  static func kind(_ s: String?) -> QuizKind {
    s.flatMap(QuizKind.init(rawValue:)) ?? .certifying
  }

  static func form(_ app: App, _ ctx: inout Context) throws -> HTTPResponse {
    let m = try LearnerRoutes.module(app, ctx)
    guard let u = ctx.user, let mt = m.text[ctx.language] else { throw AcademyError.notFound }
    let kind = kind(ctx.query("kind"))
    let attempt: Attempt
    do {
      attempt = try app.academy.startAttempt(
        userID: u.id, module: m.slug, kind: kind, language: ctx.language)
    } catch let e as AcademyError where e.key.hasPrefix("quiz.") {
      let body: HTML =
        "<h1>\(mt.title)</h1><p class=\"notice\">\(ctx.t(e.key, e.detail))</p><p><a href=\"/modules/\(m.slug)\">\(ctx.t("quiz.backToModule"))</a></p>"
      return .page(Layout.page(ctx, title: mt.title, body))
    }
    guard let quiz = Academy.quizFor(m, attempt) else { throw AcademyError.notFound }
    let title = ctx.t("quiz.title.\(kind.rawValue)", mt.title)
    var body: HTML = "<h1>\(title)</h1>"
    if quiz.language != ctx.language {
      body += "<p class=\"notice\">\(ctx.t("common.fallback"))</p>"
    }
    body +=
      "<p>\(ctx.t("quiz.intro", String(attempt.shown.count)))</p><p class=\"hint\">\(ctx.t("quiz.needsNetwork"))</p>"
    body += """
      <form method="post" action="/modules/\(m.slug)/quiz" data-outbox lang="\(quiz.language.rawValue)" dir="\(quiz.language.direction)">\(ctx.csrfField)
      <input type="hidden" name="attempt" value="\(attempt.id)">
      """
    for (i, shown) in attempt.shown.enumerated() {
      guard let q = quiz.question(shown.id) else { continue }
      body += QuizForm.question(q, shown: shown, number: i + 1, ctx)
    }
    body +=
      "<div class=\"actions\"><button class=\"primary\">\(ctx.t("quiz.submit"))</button></div></form>"
    return .page(Layout.page(ctx, title: title, body))
  }

  /// Grades and stores the answers, then shows the result. A repeated submission of the
  /// same attempt (double tap, resent form, answers kept offline and sent again after a lost
  /// reply) lands on the same result: the attempt id is the idempotency key.
  static func submit(_ app: App, _ ctx: inout Context) throws -> HTTPResponse {
    let m = try LearnerRoutes.module(app, ctx)
    guard let u = ctx.user, let attemptID = ctx.form["attempt"] else {
      throw AcademyError.notFound
    }
    try app.academy.authorize(u, .submitAttempt, .attempt(attemptID))
    guard let open = try app.academy.attemptResult(attemptID: attemptID),
      open.attempt.module == m.slug
    else { throw AcademyError.notFound }
    var responses: [String: Response] = [:]
    for shown in open.attempt.shown {
      guard let q = open.answers.first(where: { $0.question.id == shown.id })?.question else {
        continue
      }
      responses[shown.id] = QuizForm.response(q, shown: shown, form: ctx.form)
    }
    // Set by the script when the answers were kept offline: seconds since 1970, as the phone
    // saw them; the academy clamps it. Without the script the time of arrival counts.
    let answeredAt = ctx.form["answered_at"].flatMap { Int64($0) }
    let result = try app.academy.submit(
      attemptID: attemptID, userID: u.id, responses: responses, answeredAt: answeredAt)
    return .redirect(to: "/attempts/\(result.attempt.id)")
  }
}

extension Academy {
  static func quizFor(_ m: Module, _ a: Attempt) -> Quiz? {
    a.kind == .refresher ? m.refresherQuiz(a.language) : m.quiz(a.kind, a.language)
  }
}
