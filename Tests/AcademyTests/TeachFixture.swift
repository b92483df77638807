import Catalog
import Foundation
import GIFT

@testable import Academy

/// A one-module curriculum in a temp folder and an academy over a fresh database, with
/// helpers to insert attempts and answers exactly as the statistics expect them.
struct TeachFixture {
  let root: URL
  let academy: Academy

  static let gift = """
    ::q1::Pick A.{
      =A
      ~B
      ~C
    }

    ::q2::Is it true?{T}

    ::q3::Pick A again.{
      =A
      ~B
      ~C
    }

    ::q4::Easy one?{T}

    ::q5::Trick question?{F}

    ::q6::Explain in your words.{}

    """

  init() throws {
    root = FileManager.default.temporaryDirectory.appendingPathComponent(
      "relais-teach-\(UUID().uuidString)")
    let module = root.appendingPathComponent("Curriculum/m")
    let assessments = root.appendingPathComponent("Assessments")
    try FileManager.default.createDirectory(at: module, withIntermediateDirectories: true)
    try FileManager.default.createDirectory(at: assessments, withIntermediateDirectories: true)
    try "---\ntitle: M\nsummary: S\norder: 1\npass_mark: 50\n---\nIntro.\n".write(
      to: module.appendingPathComponent("module.md"), atomically: true, encoding: .utf8)
    try "---\ntitle: L\nminutes: 3\n---\nText.\n".write(
      to: module.appendingPathComponent("01-l.md"), atomically: true, encoding: .utf8)
    try Self.gift.write(
      to: assessments.appendingPathComponent("m.gift"), atomically: true, encoding: .utf8)
    let store = CatalogStore(
      loader: CatalogLoader(
        curriculum: root.appendingPathComponent("Curriculum"), assessments: assessments))
    var policy = Academy.Policy()
    policy.passphraseIterations = 1000
    academy = try Academy(
      databasePath: root.appendingPathComponent("db.sqlite").path, content: store, policy: policy)
  }

  func learner(_ name: String) throws -> String {
    try academy.createUser(role: .learner, displayName: name).id
  }

  /// Inserts a submitted attempt with its answers: question id → (response, fraction or nil
  /// when waiting for a mark).
  func attempt(
    _ id: String, user: String, kind: QuizKind = .certifying, at: Int64, score: Double,
    answers: [(String, Response, Double?)] = []
  ) throws {
    try academy.database.write { c in
      try c.execute(
        "INSERT INTO attempts(id, user_id, module, kind, locale, quiz_hash, layout, started_at, submitted_at, score, passed) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
        [
          id, user, "m", kind.rawValue, "en", "h", "[]", at - 60, at, score,
          kind == .pre ? nil : (score >= 0.5),
        ])
      for (i, a) in answers.enumerated() {
        try c.execute(
          "INSERT INTO answers(attempt_id, question_id, position, response, fraction, needs_grading) VALUES (?,?,?,?,?,?)",
          [id, a.0, i, ResponseCodec.encode(a.1), a.2, a.2 == nil])
      }
    }
  }

  func remove() {
    academy.close()
    try? FileManager.default.removeItem(at: root)
  }
}
