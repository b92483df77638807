import Catalog
import Crypto
import Foundation
import GIFT
import Storage

/// An essay answer waiting for a trainer's mark. It carries no name: marking is blind, and
/// `reference` lets a trainer speak of one answer without knowing whose it is.
public struct PendingEssay: Sendable {
  public var attemptID: String
  public var questionID: String
  public var module: String
  public var kind: QuizKind
  public var reference: String
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
  /// Essay answers `viewer` may mark that no one has marked yet, oldest first: those of the
  /// learners of their cohorts (all but their own for an admin). Names are not read.
  public func pendingEssays(viewer: User, limit: Int = 200) throws -> [PendingEssay] {
    let catalog = self.catalog
    let scope = try cohortScope(viewer, .viewEssay)
    if scope?.isEmpty == true { return [] }
    let within =
      scope == nil
      ? ""
      : """
      AND t.user_id IN (SELECT m.user_id FROM json_each(?) j JOIN cohort_members m ON m.cohort_id = j.value
        JOIN users u ON u.id = m.user_id AND u.role = 'learner')
      """
    let params: [ValueConvertible] =
      [viewer.id] + (scope.map { [ScopeSQL.jsonArray($0)] } ?? []) + [limit]
    return try database.read { c in
      try c.query(
        """
        SELECT a.attempt_id, a.question_id, a.response, t.module, t.kind, t.locale, t.submitted_at
        FROM answers a JOIN attempts t ON t.id = a.attempt_id
        WHERE a.needs_grading = 1 AND t.submitted_at IS NOT NULL AND t.user_id <> ? \(within)
        ORDER BY t.submitted_at, a.attempt_id, a.position LIMIT ?
        """, params
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
          reference: Academy.essayReference(r.string("attempt_id") ?? ""),
          submittedAt: Int64(r.int("submitted_at") ?? 0),
          question: text, answer: answer)
      }
    }
  }

  /// A short opaque label for an attempt's essays ("E-3F9A1C"): stable, and telling nothing
  /// about the learner.
  public static func essayReference(_ attemptID: String) -> String {
    "E-" + Hex.encode(Array(SHA256.hash("essay:" + attemptID).prefix(3))).uppercased()
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
}
