import Catalog
import GIFT
import Storage

/// One answer of a submitted attempt, for the xAPI export (`answered` per question).
public struct AnswerRecord: Sendable {
  public var attemptID: String
  public var userID: String
  public var module: String
  public var kind: String
  public var questionID: String
  /// The xAPI (SCORM 2004) interaction type: choice, true-false, fill-in, long-fill-in,
  /// matching, numeric or other.
  public var interactionType: String
  /// The response in that interaction type's format: choice positions joined by `[,]`,
  /// `true`/`false`, the text, the number, or `source[.]target` pairs.
  public var response: String
  /// The fraction of the marks, nil while an essay waits for a trainer.
  public var fraction: Double?
  public var submittedAt: Int64
}

extension Academy {
  /// Every answer of the submitted attempts in scope, one at a time (a programme has about
  /// ten per attempt: a million rows for 100,000 attempts), in attempt order.
  public func forEachAnswer(scope: ReportScope, _ body: (AnswerRecord) throws -> Void) throws {
    let sql = scope.sql
    let catalog = self.catalog
    try database.read { c in
      let learners = try ScopeLearners(c, sql)
      // Question types by module and question id, looked up once per question.
      var types: [String: String] = [:]
      func type(_ module: String, _ kind: String, _ question: String) -> String {
        let key = module + "\u{0}" + question
        if let t = types[key] { return t }
        let quizKind = QuizKind(rawValue: kind) ?? .certifying
        let q =
          catalog.module(module)?.quiz(quizKind, .reference)?.question(question)
          ?? catalog.module(module)?.quiz(.certifying, .reference)?.question(question)
        let t = q.map(AnswerRecord.interactionType) ?? "other"
        types[key] = t
        return t
      }
      try c.forEach(
        """
        SELECT a.attempt_id, t.user_id, t.module, t.kind, a.question_id, a.response, a.fraction,
          a.needs_grading, t.submitted_at
        FROM answers a JOIN attempts t ON t.id = a.attempt_id
        WHERE t.submitted_at IS NOT NULL \(sql.usersWhere == nil ? "AND t.user_id IN (\(sql.sql))" : "")
        ORDER BY t.rowid, a.position
        """, sql.usersWhere == nil ? sql.params : []
      ) { r in
        guard let u = r.withText(1, { $0.flatMap(learners.index.position) }) else { return }
        let module = r.string(2) ?? ""
        let kind = r.string(3) ?? ""
        let question = r.string(4) ?? ""
        try body(
          AnswerRecord(
            attemptID: r.string(0) ?? "", userID: learners.ids[u], module: module, kind: kind,
            questionID: question, interactionType: type(module, kind, question),
            response: AnswerRecord.format(ResponseCodec.decode(r.string(5) ?? "")),
            fraction: r.integer(7) == 1 ? nil : r.double(6), submittedAt: r.int64(8) ?? 0))
      }
    }
  }
}

extension AnswerRecord {
  static func interactionType(_ q: Question) -> String {
    switch q.kind {
    case .multipleChoice: return "choice"
    case .trueFalse: return "true-false"
    case .shortAnswer: return "fill-in"
    case .matching: return "matching"
    case .numerical: return "numeric"
    case .essay: return "long-fill-in"
    case .description: return "other"
    }
  }

  /// A response in the xAPI interaction format (positions stand for choice ids).
  static func format(_ r: Response) -> String {
    switch r {
    case .choice(let i): return String(i)
    case .choices(let set): return set.sorted().map(String.init).joined(separator: "[,]")
    case .trueFalse(let b): return b ? "true" : "false"
    case .text(let t): return t
    case .number(let n): return String(n)
    case .matches(let m):
      return m.sorted { $0.key < $1.key }.map { "\($0.key)[.]\($0.value)" }.joined(separator: "[,]")
    case .none: return ""
    }
  }
}
