import Catalog
import Foundation
import GIFT
import Storage

/// What a mark changed, for the page that gave it and for tests.
public struct MarkOutcome: Sendable, Equatable {
  public var scoreBefore: Double
  public var score: Double
  public var passedBefore: Bool?
  public var passed: Bool?
  /// The certificate issued (or reinstated) by this mark.
  public var issued: String?
  /// The certificate revoked by this mark.
  public var revoked: String?
}

extension Academy {
  /// Why a certificate was withdrawn when a re-mark turned a pass into a fail (public: the
  /// verification page says so in words, without the details).
  public static let regradedReason = "regraded"

  /// Marks an essay answer (0…1) with feedback. Certificates come only from grading, so the
  /// mark is refused unless it is one: the answer must be an essay's (waiting for a mark, or
  /// marked before), of a submitted attempt, and `marker` must be allowed to mark it (a
  /// trainer of the learner's cohort, or an admin; never their own). The attempt's score is
  /// then the mean of its graded questions again (descriptions excluded, as at submission);
  /// when pass turns to fail or back, the certificate is revoked (reason `regraded`) or issued.
  /// The audit log keeps the score before and after.
  @discardableResult
  public func markEssay(
    attemptID: String, questionID: String, fraction: Double, feedback: String, by marker: User
  ) throws -> MarkOutcome {
    guard fraction.isFinite, (0...1).contains(fraction) else {
      throw AcademyError("teach.error.fraction")
    }
    let now = self.now
    let catalog = self.catalog
    return try database.write { c in
      guard
        let row = try c.first(
          "SELECT * FROM attempts WHERE id = ? AND submitted_at IS NOT NULL", [attemptID])
      else { throw AcademyError.notFound }
      try Academy.authorize(c, marker, .markEssay, .attempt(attemptID))
      guard
        let answer = try c.first(
          "SELECT needs_grading FROM answers WHERE attempt_id = ? AND question_id = ?",
          [attemptID, questionID])
      else { throw AcademyError.notFound }
      let attempt = Academy.attempt(row)
      let module = catalog.module(attempt.module)
      let quiz = module.flatMap { Academy.quiz($0, attempt.kind, attempt.language) }
      // Only a question graded by hand takes a mark: one the grader left waiting at
      // submission (`needs_grading`, set from the quiz as it was then), or marked before.
      let waiting = answer.int("needs_grading") == 1
      let marked =
        try c.first(
          "SELECT 1 FROM essay_marks WHERE attempt_id = ? AND question_id = ?",
          [attemptID, questionID]) != nil
      guard waiting || marked else { throw AcademyError("teach.error.notEssay") }

      let scoreBefore = attempt.score ?? 0
      try c.execute(
        "UPDATE answers SET fraction = ?, needs_grading = 0 WHERE attempt_id = ? AND question_id = ?",
        [fraction, attemptID, questionID])
      try c.execute(
        """
        INSERT INTO essay_marks(attempt_id, question_id, fraction, feedback, marked_by, marked_at) VALUES (?,?,?,?,?,?)
        ON CONFLICT(attempt_id, question_id) DO UPDATE SET fraction = excluded.fraction, feedback = excluded.feedback,
          marked_by = excluded.marked_by, marked_at = excluded.marked_at
        """, [attemptID, questionID, fraction, String(feedback.prefix(4000)), marker.id, now])
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
      var passed = attempt.passed
      if attempt.kind != .pre, let module {
        passed = score * 100 + 1e-9 >= Double(module.passMark)
      }
      try c.execute(
        "UPDATE attempts SET score = ?, passed = ? WHERE id = ?",
        [score, passed.map { $0 ? 1 : 0 }, attemptID])
      try Academy.refreshSummary(c, userID: attempt.userID, module: attempt.module)
      var outcome = MarkOutcome(
        scoreBefore: scoreBefore, score: score, passedBefore: attempt.passed, passed: passed)
      if passed == true, attempt.passed != true, let module {
        outcome.issued = try Academy.reinstate(
          c, userID: attempt.userID, module: module.slug, now: now)
        if outcome.issued == nil {
          outcome.issued = try Certificates.award(
            c, userID: attempt.userID, module: module, attemptID: attemptID,
            renewal: attempt.kind == .refresher, now: now)
        }
      } else if passed == false, attempt.passed == true {
        outcome.revoked = try Academy.withdrawIfUnearned(
          c, userID: attempt.userID, module: attempt.module, attemptID: attemptID, now: now)
      }
      try Audit.record(
        c, at: now, actor: marker.id, action: "essay.mark", subject: attemptID,
        detail: Academy.markDetail(questionID, fraction, outcome))
      return outcome
    }
  }

  /// "q6 50%: score 33% -> 50%, failed -> passed, certificate RLX-… issued".
  static func markDetail(_ question: String, _ fraction: Double, _ o: MarkOutcome) -> String {
    func pct(_ d: Double) -> String { "\(Int((d * 100).rounded()))%" }
    func state(_ p: Bool?) -> String { p.map { $0 ? "passed" : "failed" } ?? "ungraded" }
    var s =
      "\(question.prefix(100)) \(pct(fraction)): score \(pct(o.scoreBefore)) -> \(pct(o.score))"
    if o.passedBefore != o.passed { s += ", \(state(o.passedBefore)) -> \(state(o.passed))" }
    if let code = o.issued { s += ", certificate \(code) issued" }
    if let code = o.revoked { s += ", certificate \(code) revoked" }
    return s
  }

  /// A certificate withdrawn by an earlier re-mark comes back when a new mark passes again.
  static func reinstate(_ c: Connection, userID: String, module: String, now: Int64) throws
    -> String?
  {
    guard
      let code = try c.first(
        "SELECT code FROM certificates WHERE user_id = ? AND module = ? AND revoked_reason = ?",
        [userID, module, regradedReason])?[0].string
    else { return nil }
    try c.execute(
      "UPDATE certificates SET revoked_at = NULL, revoked_reason = NULL WHERE code = ?", [code])
    try c.execute(
      "INSERT INTO certificate_events(code, at, event, detail) VALUES (?,?,'issued','reinstated')",
      [code, now])
    return code
  }

  /// After a pass became a fail: the module's certificate is revoked unless another passed
  /// attempt still earns it.
  static func withdrawIfUnearned(
    _ c: Connection, userID: String, module: String, attemptID: String, now: Int64
  ) throws -> String? {
    guard !(try Certificates.passedCertifying(c, userID: userID, module: module)),
      let code = try c.first(
        "SELECT code FROM certificates WHERE user_id = ? AND module = ? AND revoked_at IS NULL",
        [userID, module])?[0].string
    else { return nil }
    try c.execute(
      "UPDATE certificates SET revoked_at = ?, revoked_reason = ? WHERE code = ?",
      [now, regradedReason, code])
    try c.execute(
      "INSERT INTO certificate_events(code, at, event, attempt_id, detail) VALUES (?,?,'revoked',?,?)",
      [code, now, attemptID, regradedReason])
    return code
  }

  /// The per-learner summary the dashboard reads, recomputed for one module: its triggers
  /// follow submissions, not marks given afterwards.
  static func refreshSummary(_ c: Connection, userID: String, module: String) throws {
    try c.execute(
      """
      UPDATE learner_module_stats SET
        pre_score_sum = (SELECT TOTAL(score) FROM attempts WHERE user_id = ?1 AND module = ?2 AND kind = 'pre' AND submitted_at IS NOT NULL),
        post_score_sum = (SELECT TOTAL(score) FROM attempts WHERE user_id = ?1 AND module = ?2 AND kind = 'certifying' AND submitted_at IS NOT NULL),
        best_score = (SELECT MAX(score) FROM attempts WHERE user_id = ?1 AND module = ?2 AND kind <> 'pre' AND submitted_at IS NOT NULL),
        passed = COALESCE((SELECT MAX(passed) FROM attempts WHERE user_id = ?1 AND module = ?2 AND kind <> 'pre'), 0),
        last_refresher_pass = (SELECT MAX(submitted_at) FROM attempts WHERE user_id = ?1 AND module = ?2 AND kind = 'refresher' AND passed = 1)
      WHERE user_id = ?1 AND module = ?2
      """, [userID, module])
  }
}
