import Catalog
import Foundation
import GIFT
import Storage

/// An essay answer waiting for a trainer's mark.
public struct PendingEssay: Sendable {
  public var attemptID: String
  public var questionID: String
  public var module: String
  public var kind: QuizKind
  public var learnerName: String
  public var submittedAt: Int64
  /// The question text (from the current quiz; empty if the question was removed since).
  public var question: String
  public var answer: String
}

/// A trainer's mark on an essay answer.
public struct EssayMark: Sendable, Equatable {
  public var fraction: Double
  public var feedback: String
  public var markedBy: String?
  public var markedAt: Int64
}

extension Academy {
  /// Essay answers of submitted attempts that no trainer has marked yet, oldest first.
  public func pendingEssays(limit: Int = 200) throws -> [PendingEssay] {
    let catalog = self.catalog
    return try database.read { c in
      try c.query(
        """
        SELECT a.attempt_id, a.question_id, a.response, t.module, t.kind, t.locale, t.submitted_at, u.display_name
        FROM answers a JOIN attempts t ON t.id = a.attempt_id JOIN users u ON u.id = t.user_id
        WHERE a.needs_grading = 1 AND t.submitted_at IS NOT NULL
        ORDER BY t.submitted_at, a.attempt_id, a.position LIMIT ?
        """, [limit]
      ).map { r in
        let module = r.string("module") ?? ""
        let kind = QuizKind(rawValue: r.string("kind") ?? "") ?? .certifying
        let lang = Language(rawValue: r.string("locale") ?? "") ?? .reference
        let qid = r.string("question_id") ?? ""
        let text =
          catalog.module(module).flatMap { Academy.quiz($0, kind, lang) }?.question(qid)?.text ?? ""
        var answer = ""
        if case .text(let t) = ResponseCodec.decode(r.string("response") ?? "") { answer = t }
        return PendingEssay(
          attemptID: r.string("attempt_id") ?? "", questionID: qid, module: module, kind: kind,
          learnerName: r.string("display_name") ?? "",
          submittedAt: Int64(r.int("submitted_at") ?? 0),
          question: text, answer: answer)
      }
    }
  }

  /// The mark given to an essay answer, if any.
  public func essayMark(attemptID: String, questionID: String) throws -> EssayMark? {
    try database.read { c in
      try c.first(
        "SELECT * FROM essay_marks WHERE attempt_id = ? AND question_id = ?",
        [attemptID, questionID]
      ).map {
        EssayMark(
          fraction: $0.double("fraction") ?? 0, feedback: $0.string("feedback") ?? "",
          markedBy: $0.string("marked_by"), markedAt: Int64($0.int("marked_at") ?? 0))
      }
    }
  }

  /// Every mark of an attempt by question id: for the result page to show the learner the
  /// trainer's feedback.
  public func essayMarks(attemptID: String) throws -> [String: EssayMark] {
    try database.read { c in
      var out: [String: EssayMark] = [:]
      for r in try c.query("SELECT * FROM essay_marks WHERE attempt_id = ?", [attemptID]) {
        out[r.string("question_id") ?? ""] = EssayMark(
          fraction: r.double("fraction") ?? 0, feedback: r.string("feedback") ?? "",
          markedBy: r.string("marked_by"), markedAt: Int64(r.int("marked_at") ?? 0))
      }
      return out
    }
  }

  /// Marks an essay answer (0…1) with feedback, then recomputes the attempt's score as the
  /// mean fraction of its graded questions (descriptions excluded, as when it was submitted)
  /// and whether it passes; a certifying or refresher attempt that now passes earns its
  /// certificate. Returns the new score.
  @discardableResult
  public func markEssay(
    attemptID: String, questionID: String, fraction: Double, feedback: String, by trainer: String
  ) throws -> Double {
    guard fraction.isFinite, (0...1).contains(fraction) else {
      throw AcademyError("teach.error.fraction")
    }
    let now = self.now
    let catalog = self.catalog
    return try database.write { c in
      guard
        let row = try c.first(
          "SELECT * FROM attempts WHERE id = ? AND submitted_at IS NOT NULL", [attemptID]),
        try c.first(
          "SELECT 1 FROM answers WHERE attempt_id = ? AND question_id = ?", [attemptID, questionID])
          != nil
      else { throw AcademyError.notFound }
      let attempt = Academy.attempt(row)
      try c.execute(
        "UPDATE answers SET fraction = ?, needs_grading = 0 WHERE attempt_id = ? AND question_id = ?",
        [fraction, attemptID, questionID])
      try c.execute(
        """
        INSERT INTO essay_marks(attempt_id, question_id, fraction, feedback, marked_by, marked_at) VALUES (?,?,?,?,?,?)
        ON CONFLICT(attempt_id, question_id) DO UPDATE SET fraction = excluded.fraction, feedback = excluded.feedback,
          marked_by = excluded.marked_by, marked_at = excluded.marked_at
        """, [attemptID, questionID, fraction, String(feedback.prefix(4000)), trainer, now])
      let module = catalog.module(attempt.module)
      let quiz = module.flatMap { Academy.quiz($0, attempt.kind, attempt.language) }
      var total = 0.0
      var counted = 0
      for a in try c.query(
        "SELECT question_id, fraction FROM answers WHERE attempt_id = ?", [attemptID])
      {
        if quiz?.question(a.string("question_id") ?? "")?.moodleType == "description" { continue }
        total += a.double("fraction") ?? 0
        counted += 1
      }
      let score = counted == 0 ? 0 : total / Double(counted)
      var passed: Bool? = nil
      if attempt.kind != .pre, let module {
        passed = score * 100 + 1e-9 >= Double(module.passMark)
      }
      try c.execute(
        "UPDATE attempts SET score = ?, passed = ? WHERE id = ?",
        [score, passed.map { $0 ? 1 : 0 } ?? (attempt.passed.map { $0 ? 1 : 0 }), attemptID])
      if passed == true, attempt.passed != true, let module {
        _ = try Certificates.award(
          c, userID: attempt.userID, module: module, attemptID: attemptID,
          renewal: attempt.kind == .refresher, now: now)
      }
      try Audit.record(
        c, at: now, actor: trainer, action: "essay.mark", subject: attemptID,
        detail: "\(questionID) \(fraction)")
      return score
    }
  }
}
