import Academy
import Catalog
import GIFT
import HTTPServer

/// The result of an attempt: score, pass or fail, and each question with the learner's
/// answer, the right answer and the feedback. Who may see it is the policy's `viewResult`:
/// its learner, staff of their cohorts, an admin; anyone else gets the unknown id's 404.
enum ResultPage {
  static func render(_ app: App, _ ctx: inout Context) throws -> HTTPResponse {
    guard let u = ctx.user, let id = ctx.request.parameters["id"] else {
      throw AcademyError.notFound
    }
    let result = try app.academy.attemptResult(attemptID: id, viewer: u)
    guard result.attempt.submittedAt != nil,
      let m = app.academy.catalog.module(result.attempt.module), let mt = m.text[ctx.language]
    else { throw AcademyError.notFound }
    let a = result.attempt
    let pct = Int(((a.score ?? 0) * 100).rounded())
    var body: HTML = "<h1>\(ctx.t("result.title", mt.title))</h1>"
    body += "<p class=\"meta\">\(ctx.t("quiz.title.\(a.kind.rawValue)", mt.title))</p>"
    switch a.passed {
    case true?:
      body += "<p class=\"ok\"><strong>\(ctx.t("result.passed", String(pct)))</strong></p>"
    case false?:
      body +=
        "<p class=\"bad\"><strong>\(ctx.t("result.failed", String(pct), String(result.passMark)))</strong></p>"
    case nil: body += "<p class=\"ok\"><strong>\(ctx.t("result.score", String(pct)))</strong></p>"
    }
    if let code = try app.academy.progress(userID: a.userID)[m.slug]?.certificate?.code,
      a.passed == true
    {
      body +=
        "<p><a class=\"btn\" href=\"/certificates/\(code)\">\(ctx.t("result.certificate"))</a></p>"
    } else if a.passed == true {
      body += "<p class=\"notice\">\(ctx.t("result.readLessons"))</p>"
    }
    let marks = try app.academy.essayMarks(attemptID: a.id)
    for (i, answered) in result.answers.enumerated() {
      body += question(answered, number: i + 1, mark: marks[answered.question.id], ctx)
    }
    var actions: [HTML] = [
      "<a class=\"btn secondary\" href=\"/modules/\(m.slug)\">\(ctx.t("quiz.backToModule"))</a>"
    ]
    if a.passed == false && a.userID == u.id {
      actions.append(
        "<a class=\"btn\" href=\"/modules/\(m.slug)/quiz?kind=\(a.kind.rawValue)\">\(ctx.t("result.retry"))</a>"
      )
    }
    body += "<div class=\"actions\">\(actions)</div>"
    return .page(Layout.page(ctx, title: ctx.t("result.title", mt.title), body))
  }

  static func question(_ a: AnsweredQuestion, number: Int, mark: EssayMark? = nil, _ ctx: Context)
    -> HTML
  {
    let q = a.question
    if case .description = q.kind { return .empty }
    let verdict: HTML
    if let mark {
      verdict =
        "<span class=\"status\">\(ctx.t("result.marked", String(Int((mark.fraction * 100).rounded()))))</span>"
    } else if a.grade.needsManualGrading {
      verdict = "<span class=\"status\">\(ctx.t("result.pending"))</span>"
    } else if a.grade.fraction >= 0.999 {
      verdict = "<span class=\"status good\">\(ctx.t("result.right"))</span>"
    } else if a.grade.fraction > 0 {
      verdict =
        "<span class=\"status warn\">\(ctx.t("result.partly", String(Int((a.grade.fraction * 100).rounded()))))</span>"
    } else {
      verdict = "<span class=\"status late\">\(ctx.t("result.wrong"))</span>"
    }
    var prompt = QuizForm.text(q.text, format: q.format)
    if !q.textAfter.isEmpty { prompt += " … " + QuizForm.text(q.textAfter, format: q.format) }
    var out: HTML = """
      <div class="card"><h2>\(ctx.t("quiz.questionN", String(number))) \(verdict)</h2><div>\(prompt)</div>
      <p><strong>\(ctx.t("result.yourAnswer"))</strong> \(yourAnswer(a, ctx))</p>
      """
    if a.grade.fraction < 0.999, !a.grade.needsManualGrading {
      out += "<p><strong>\(ctx.t("result.rightAnswer"))</strong> \(rightAnswer(q, ctx))</p>"
    }
    let feedback =
      a.grade.feedback.filter { !$0.isEmpty }
      + (q.generalFeedback.isEmpty ? [] : [q.generalFeedback])
    for f in feedback { out += "<p class=\"hint\">\(QuizForm.inline(f, format: q.format))</p>" }
    if let mark, !mark.feedback.isEmpty {
      out +=
        "<p class=\"hint\"><strong>\(ctx.t("result.trainerSays"))</strong> \(mark.feedback)</p>"
    }
    return out + "</div>"
  }

  static func yourAnswer(_ a: AnsweredQuestion, _ ctx: Context) -> HTML {
    let q = a.question
    switch (q.kind, a.response) {
    case (.multipleChoice(let answers, _), .choice(let i)) where answers.indices.contains(i):
      return QuizForm.inline(answers[i].text, format: q.format)
    case (.multipleChoice(let answers, _), .choices(let set)) where !set.isEmpty:
      return set.sorted().filter { answers.indices.contains($0) }.map {
        QuizForm.inline(answers[$0].text, format: q.format)
      }.joined(separator: "; ")
    case (_, .trueFalse(let b)): return "\(ctx.t(b ? "quiz.true" : "quiz.false"))"
    case (_, .text(let t)): return "\(t)"
    case (_, .number(let n)): return "\(format(n))"
    case (.matching(let pairs), .matches(let m)) where !m.isEmpty:
      return pairs.enumerated().map { i, p in
        "\(p.text) \(ctx.ui.isRightToLeft ? "←" : "→") \(m[i] ?? "—")" as HTML
      }.joined(
        separator: "; ")
    default: return "<em>\(ctx.t("result.noAnswer"))</em>"
    }
  }

  static func rightAnswer(_ q: Question, _ ctx: Context) -> HTML {
    switch q.kind {
    case .multipleChoice(let answers, _):
      let right = answers.filter { $0.fraction > 0 }.sorted { $0.fraction > $1.fraction }
      return right.map { QuizForm.inline($0.text, format: q.format) }.joined(separator: "; ")
    case .trueFalse(let correct, _, _): return "\(ctx.t(correct ? "quiz.true" : "quiz.false"))"
    case .shortAnswer(let answers):
      return "\(answers.filter { $0.fraction >= 1 }.map(\.text).joined(separator: " / "))"
    case .numerical(let answers):
      guard let best = answers.max(by: { $0.fraction < $1.fraction }) else { return .empty }
      switch best.target {
      case .value(let v, let tol): return tol > 0 ? "\(format(v)) ± \(format(tol))" : "\(format(v))"
      case .range(let lo, let hi): return "\(format(lo))–\(format(hi))"
      }
    case .matching(let pairs):
      return pairs.map { "\($0.text) \(ctx.ui.isRightToLeft ? "←" : "→") \($0.match)" as HTML }
        .joined(separator: "; ")
    case .essay, .description: return .empty
    }
  }

  static func format(_ d: Double) -> String {
    d == d.rounded() && abs(d) < 1e15 ? String(Int(d)) : String(d)
  }
}

extension Array where Element == HTML {
  func joined(separator: String) -> HTML {
    HTML(trusted: map(\.text).joined(separator: HTML.escape(separator)))
  }
}
