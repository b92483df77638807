import Catalog
import Foundation
import GIFT
import Synchronization

@testable import Academy

/// An Academy on a fresh database with the repository's own curriculum.
func makeAcademy(clock: TestClock = TestClock(1_790_000_000)) throws -> Academy {
  let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()
  let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
    "relais-manage-\(UUID().uuidString)")
  try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
  let store = CatalogStore(
    loader: CatalogLoader(
      curriculum: root.appendingPathComponent("Curriculum"),
      assessments: root.appendingPathComponent("Assessments")))
  var policy = Academy.Policy()
  policy.passphraseIterations = 1000
  return try Academy(
    databasePath: dir.appendingPathComponent("relais.sqlite").path, content: store, policy: policy,
    clock: { clock.value })
}

/// The right (or a wrong) response to every question of a quiz.
func responses(_ quiz: Quiz, right: Bool) -> [String: Response] {
  var out: [String: Response] = [:]
  for q in quiz.questions {
    switch q.kind {
    case .multipleChoice(let answers, let multiple):
      if !right {
        out[q.id] = .choice(answers.indices.first { answers[$0].fraction <= 0 } ?? 0)
      } else if multiple {
        out[q.id] = .choices(Set(answers.indices.filter { answers[$0].fraction > 0 }))
      } else {
        out[q.id] = .choice(answers.indices.first { answers[$0].fraction == 1 } ?? 0)
      }
    case .trueFalse(let correct, _, _): out[q.id] = .trueFalse(right ? correct : !correct)
    case .shortAnswer(let answers):
      out[q.id] = .text(right ? answers.first { $0.fraction == 1 }?.text ?? "" : "zzz")
    case .matching(let pairs):
      out[q.id] = .matches(
        Dictionary(
          uniqueKeysWithValues: pairs.enumerated().map {
            ($0.offset, right ? $0.element.match : "zzz")
          }))
    case .numerical(let answers):
      if case .value(let v, _) = answers.first?.target { out[q.id] = .number(right ? v : -99_999) }
    default: break
    }
  }
  return out
}

extension Academy {
  /// A learner who joined `cohort` by invitation, with optional demographics.
  func joinedLearner(_ name: String, cohort: String, by manager: User, gender: String? = nil) throws
    -> User
  {
    let token = try inviteLearner(cohortID: cohort, displayName: name, locale: .en, viewer: manager)
    return try redeem(
      token: token, profile: Profile(displayName: name, locale: .en, gender: gender, consent: true))
  }

  /// Reads every lesson of the module and takes the quiz of `kind`.
  @discardableResult
  func complete(
    _ user: User, module slug: String = "fact-checking", kind: QuizKind = .certifying,
    right: Bool = true
  ) throws -> AttemptResult {
    let m = catalog.module(slug)!
    for l in m.lessons { try lessonRead(userID: user.id, module: slug, lesson: l.slug) }
    let attempt = try startAttempt(userID: user.id, module: slug, kind: kind, language: .en)
    let quiz = kind == .refresher ? m.refresherQuiz(.en)! : m.quiz(kind, .en)!
    return try submit(
      attemptID: attempt.id, userID: user.id, responses: responses(quiz, right: right))
  }
}
