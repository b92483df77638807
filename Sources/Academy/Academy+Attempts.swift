import Catalog
import Foundation
import GIFT
import Storage

extension Academy {
  /// The open attempt of this quiz for the learner, or a new one drawn from the bank.
  /// Refuses when the attempts allowed are used up or the wait since the last one isn't over.
  public func startAttempt(userID: String, module slug: String, kind: QuizKind, language: Language)
    throws -> Attempt
  {
    guard let module = catalog.module(slug) else { throw AcademyError.notFound }
    let quiz = kind == .refresher ? module.refresherQuiz(language) : module.quiz(kind, language)
    guard let quiz else { throw AcademyError.notFound }
    let now = self.now
    return try database.write { c in
      if let open = try c.first(
        "SELECT * FROM attempts WHERE user_id = ? AND module = ? AND kind = ? AND submitted_at IS NULL ORDER BY started_at DESC LIMIT 1",
        [userID, slug, kind.rawValue]), open.string("quiz_hash") == quiz.hash
      {
        return Academy.attempt(open)
      }
      try c.execute(
        "DELETE FROM attempts WHERE user_id = ? AND module = ? AND kind = ? AND submitted_at IS NULL",
        [userID, slug, kind.rawValue])
      let settings = kind == .certifying ? module.settings : quiz.settings
      let past = try c.query(
        "SELECT submitted_at, passed FROM attempts WHERE user_id = ? AND module = ? AND kind = ? AND submitted_at IS NOT NULL ORDER BY submitted_at DESC",
        [userID, slug, kind.rawValue])
      if let max = settings.maxAttempts, past.count >= max {
        throw AcademyError("quiz.noAttemptsLeft", String(max))
      }
      if let wait = settings.waitMinutes, let last = past.first, last.int("passed") != 1,
        let at = last.int("submitted_at"), Int64(at) + Int64(wait) * 60 > now
      {
        throw AcademyError(
          "quiz.waitBeforeRetry", String((Int64(at) + Int64(wait) * 60 - now + 59) / 60))
      }
      let shown = Academy.draw(quiz, settings: settings)
      let attempt = Attempt(
        id: RandomID.make(), userID: userID, module: slug, kind: kind, language: quiz.language,
        quizHash: quiz.hash, shown: shown, startedAt: now)
      let layout = String(decoding: try JSONEncoder().encode(shown), as: UTF8.self)
      try c.execute(
        "INSERT INTO attempts(id, user_id, module, kind, locale, quiz_hash, layout, started_at) VALUES (?,?,?,?,?,?,?,?)",
        [attempt.id, userID, slug, kind.rawValue, quiz.language.rawValue, quiz.hash, layout, now])
      return attempt
    }
  }

  /// Draws the questions (all, or `draw` at random) and orders their answers.
  static func draw(_ quiz: Quiz, settings: QuizSettings) -> [ShownQuestion] {
    var rng = SystemRandomNumberGenerator()
    var questions = quiz.questions
    if let n = settings.draw, n < questions.count {
      questions = Array(questions.shuffled(using: &rng).prefix(n))
      // Keep the author's order among the drawn questions: it often tells a story.
      let position = Dictionary(
        quiz.questions.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
      questions.sort { position[$0.id, default: 0] < position[$1.id, default: 0] }
    }
    let shuffle = settings.shufflesAnswers
    return questions.map { q in
      var order: [Int]
      switch q.kind {
      case .multipleChoice(let answers, _): order = Array(answers.indices)
      case .matching(let pairs): order = Array(Set(pairs.map(\.match)).sorted().indices)
      default: order = []
      }
      if case .matching = q.kind {
        order.shuffle(using: &rng)  // matching choices are always mixed, or the answer shows
      } else if shuffle {
        order.shuffle(using: &rng)
      }
      return ShownQuestion(id: q.id, order: order)
    }
  }

  /// Grades and stores a submission. Idempotent: submitting an attempt again returns the
  /// stored result and records nothing twice, so a phone may resend answers it kept offline
  /// as often as its connection drops. `answeredAt` is when the learner pressed "Submit"
  /// (offline, that can be long before it arrives); it is clamped to the attempt's start and
  /// now, so a wrong or forged clock can neither predate the attempt nor postdate the server.
  public func submit(
    attemptID: String, userID: String, responses: [String: Response], answeredAt: Int64? = nil
  ) throws -> AttemptResult {
    let serverNow = self.now
    let catalog = self.catalog
    var certificate: String?
    try database.write { c in
      guard
        let row = try c.first(
          "SELECT * FROM attempts WHERE id = ? AND user_id = ?", [attemptID, userID])
      else {
        throw AcademyError.notFound
      }
      let attempt = Academy.attempt(row)
      if attempt.submittedAt != nil { return }
      let now = Swift.min(Swift.max(answeredAt ?? serverNow, attempt.startedAt), serverNow)
      guard let module = catalog.module(attempt.module),
        let quiz = Academy.quiz(module, attempt.kind, attempt.language)
      else { throw AcademyError.notFound }
      var total = 0.0
      var counted = 0
      for (position, shown) in attempt.shown.enumerated() {
        guard let q = quiz.question(shown.id) else { continue }
        let response = ResponseCodec.storable(responses[shown.id] ?? .none)
        let grade = GIFT.grade(q, response)
        if q.moodleType != "description" {
          total += grade.fraction
          counted += 1
        }
        try c.execute(
          "INSERT INTO answers(attempt_id, question_id, position, response, fraction, needs_grading) VALUES (?,?,?,?,?,?)",
          [
            attemptID, shown.id, position, ResponseCodec.encode(response),
            grade.needsManualGrading ? nil : grade.fraction, grade.needsManualGrading,
          ])
      }
      let score = counted == 0 ? 0 : total / Double(counted)
      let passed = attempt.kind == .pre ? nil : score * 100 + 1e-9 >= Double(module.passMark)
      try c.execute(
        "UPDATE attempts SET submitted_at = ?, score = ?, passed = ? WHERE id = ?",
        [now, score, passed.map { $0 ? 1 : 0 }, attemptID])
      if passed == true {
        certificate = try Certificates.award(
          c, userID: userID, module: module, attemptID: attemptID,
          renewal: attempt.kind == .refresher, now: now)
      }
    }
    guard var result = try attemptResult(attemptID: attemptID) else { throw AcademyError.notFound }
    result.certificateCode = certificate
    return result
  }

  /// An attempt's result as `viewer` may see it (`viewResult`): their own, or a learner's of
  /// their cohorts; `notFound` for anyone else's, as for an unknown id.
  public func attemptResult(attemptID: String, viewer: User) throws -> AttemptResult {
    try authorize(viewer, .viewResult, .attempt(attemptID))
    guard let result = try attemptResult(attemptID: attemptID) else {
      throw AcademyError.notFound
    }
    return result
  }

  /// A submitted or open attempt with its graded answers, unchecked: for the domain itself
  /// and the command line; pages use `attemptResult(attemptID:viewer:)`.
  public func attemptResult(attemptID: String) throws -> AttemptResult? {
    let catalog = self.catalog
    return try database.read { c in
      guard let row = try c.first("SELECT * FROM attempts WHERE id = ?", [attemptID]) else {
        return nil
      }
      let attempt = Academy.attempt(row)
      guard let module = catalog.module(attempt.module),
        let quiz = Academy.quiz(module, attempt.kind, attempt.language)
      else { return nil }
      let stored = try c.query(
        "SELECT question_id, response FROM answers WHERE attempt_id = ?", [attemptID])
      var responses: [String: Response] = [:]
      for r in stored {
        responses[r.string("question_id") ?? ""] = ResponseCodec.decode(r.string("response") ?? "")
      }
      let answers = attempt.shown.compactMap { shown -> AnsweredQuestion? in
        guard let q = quiz.question(shown.id) else { return nil }
        let response = ResponseCodec.storable(responses[shown.id] ?? .none)
        return AnsweredQuestion(
          question: q, shown: shown, response: response, grade: GIFT.grade(q, response))
      }
      return AttemptResult(attempt: attempt, answers: answers, passMark: module.passMark)
    }
  }

  /// Submitted attempts of a learner for a module, newest first.
  public func attempts(userID: String, module: String? = nil) throws -> [Attempt] {
    try database.read { c in
      if let module {
        return try c.query(
          "SELECT * FROM attempts WHERE user_id = ? AND module = ? AND submitted_at IS NOT NULL ORDER BY submitted_at DESC",
          [userID, module]
        ).map(Academy.attempt)
      }
      return try c.query(
        "SELECT * FROM attempts WHERE user_id = ? AND submitted_at IS NOT NULL ORDER BY submitted_at DESC",
        [userID]
      ).map(Academy.attempt)
    }
  }

  static func quiz(_ module: Module, _ kind: QuizKind, _ language: Language) -> Quiz? {
    kind == .refresher ? module.refresherQuiz(language) : module.quiz(kind, language)
  }

  static func attempt(_ row: Row) -> Attempt {
    let layout =
      (try? JSONDecoder().decode(
        [ShownQuestion].self, from: Data((row.string("layout") ?? "[]").utf8))) ?? []
    return Attempt(
      id: row.string("id") ?? "", userID: row.string("user_id") ?? "",
      module: row.string("module") ?? "",
      kind: QuizKind(rawValue: row.string("kind") ?? "") ?? .certifying,
      language: Language(rawValue: row.string("locale") ?? "") ?? .reference,
      quizHash: row.string("quiz_hash") ?? "", shown: layout,
      startedAt: Int64(row.int("started_at") ?? 0),
      submittedAt: row["submitted_at"].int.map(Int64.init), score: row.double("score"),
      passed: row["passed"].int.map { $0 == 1 })
  }
}
