import Catalog
import Foundation
import GIFT
import Testing

@testable import Academy

/// Hand-computed data set (5 certifying attempts, one per learner; q6 is an essay, left out):
///
///         q1(MC =A)  q2(T)      q3(MC =A)  q4(T)  q5(F)     score
///   A1    1 A        1 T        0 B        1      0 (T)     3/5 = 0.6
///   A2    1 A        0 F        0 C        1      0 (T)     2/5 = 0.4
///   A3    0 C        0 none     1 A        1      0 (T)     2/5
///   A4    0 B        1 T        0 B        1      0 (T)     2/5
///   A5    0 B        0 F        1 A        1      0 (T)     2/5
///
/// N = 5, k = round(0.27 × 5) = 1: top = {A1}; bottom = the last of the 0.4 ties by id = {A5}.
///   q1 facility 2/5 = 0.4, D = 1 − 0 = 1, wrong B ×2, C ×1
///   q2 facility 0.4, D = 1 − 0 = 1, wrong "false" ×2, no answer ×1
///   q3 facility 0.4, D = 0 − 1 = −1 → negative discrimination; wrong B ×2, C ×1
///   q4 facility 1 → everyone passes, D = 0
///   q5 facility 0 → everyone fails, wrong "true" ×5
/// Pre-tests: u1 0.2 (first) then 0.8, u2 0.4 → learners with both: u1, u2;
///   pre mean 0.3, post mean (0.6 + 0.4) / 2 = 0.5, gain 0.2.
struct ItemAnalysisTests {
  let f: TeachFixture
  var users: [String] = []

  init() throws {
    f = try TeachFixture()
    for n in 1...5 { users.append(try f.learner("L\(n)")) }
    let rows: [[(String, Response, Double?)]] = [
      [
        ("q1", .choice(0), 1), ("q2", .trueFalse(true), 1), ("q3", .choice(1), 0),
        ("q4", .trueFalse(true), 1), ("q5", .trueFalse(true), 0),
      ],
      [
        ("q1", .choice(0), 1), ("q2", .trueFalse(false), 0), ("q3", .choice(2), 0),
        ("q4", .trueFalse(true), 1), ("q5", .trueFalse(true), 0),
      ],
      [
        ("q1", .choice(2), 0), ("q2", .none, 0), ("q3", .choice(0), 1), ("q4", .trueFalse(true), 1),
        ("q5", .trueFalse(true), 0),
      ],
      [
        ("q1", .choice(1), 0), ("q2", .trueFalse(true), 1), ("q3", .choice(1), 0),
        ("q4", .trueFalse(true), 1), ("q5", .trueFalse(true), 0),
      ],
      [
        ("q1", .choice(1), 0), ("q2", .trueFalse(false), 0), ("q3", .choice(0), 1),
        ("q4", .trueFalse(true), 1), ("q5", .trueFalse(true), 0),
      ],
    ]
    let scores = [0.6, 0.4, 0.4, 0.4, 0.4]
    for i in 0..<5 {
      try f.attempt(
        "A\(i + 1)", user: users[i], at: Int64(1000 * (i + 1)), score: scores[i], answers: rows[i])
    }
    try f.attempt("P1", user: users[0], kind: .pre, at: 500, score: 0.2)
    try f.attempt("P2", user: users[1], kind: .pre, at: 600, score: 0.4)
    try f.attempt("P3", user: users[0], kind: .pre, at: 3000, score: 0.8)
  }

  func stat(_ a: ItemAnalysis, _ id: String) -> QuestionStatistics {
    a.questions.first { $0.id == id }!
  }

  @Test func facilityIsTheMeanFractionPerQuestion() throws {
    defer { f.remove() }
    let a = try f.academy.itemAnalysis(module: "m")
    #expect(a.attempts == 5)
    #expect(a.questions.map(\.id) == ["q1", "q2", "q3", "q4", "q5", "q6"])
    #expect(abs(stat(a, "q1").facility! - 0.4) < 1e-9)
    #expect(abs(stat(a, "q2").facility! - 0.4) < 1e-9)
    #expect(stat(a, "q4").facility == 1)
    #expect(stat(a, "q5").facility == 0)
    #expect(stat(a, "q1").attempts == 5)
    #expect(stat(a, "q6").attempts == 0 && stat(a, "q6").facility == nil)
  }

  @Test func discriminationComparesTopAndBottom27Percent() throws {
    defer { f.remove() }
    let a = try f.academy.itemAnalysis(module: "m")
    #expect(stat(a, "q1").discrimination == 1)
    #expect(stat(a, "q2").discrimination == 1)
    #expect(stat(a, "q3").discrimination == -1)
    #expect(stat(a, "q4").discrimination == 0)
  }

  @Test func flagsEasyHardAndNegativeQuestions() throws {
    defer { f.remove() }
    let a = try f.academy.itemAnalysis(module: "m")
    #expect(stat(a, "q1").flags.isEmpty)
    #expect(stat(a, "q3").flags == [.negativeDiscrimination])
    #expect(stat(a, "q4").flags == [.everyonePasses])
    #expect(stat(a, "q5").flags == [.everyoneFails])
  }

  @Test func wrongAnswersAreCountedFromStoredResponses() throws {
    defer { f.remove() }
    let a = try f.academy.itemAnalysis(module: "m")
    #expect(
      stat(a, "q1").wrongAnswers == [
        WrongAnswerCount(answer: "B", count: 2), WrongAnswerCount(answer: "C", count: 1),
      ])
    #expect(
      stat(a, "q2").wrongAnswers == [
        WrongAnswerCount(answer: "false", count: 2), WrongAnswerCount(answer: "", count: 1),
      ])
    #expect(stat(a, "q5").wrongAnswers == [WrongAnswerCount(answer: "true", count: 5)])
  }

  @Test func preAndPostUseEachLearnersFirstAttempt() throws {
    defer { f.remove() }
    let p = try f.academy.itemAnalysis(module: "m").prePost
    #expect(p.learners == 2)
    #expect(abs(p.preMean! - 0.3) < 1e-9)
    #expect(abs(p.postMean! - 0.5) < 1e-9)
    #expect(abs(p.gain! - 0.2) < 1e-9)
  }

  @Test func cohortAndPeriodRestrictTheAttempts() throws {
    defer { f.remove() }
    let cohort = "c1"
    try f.academy.database.write { c in
      try c.execute(
        "INSERT INTO cohorts(id, name, created_at) VALUES (?,?,?)", [cohort, "Goma", 0])
      for u in users.prefix(2) {
        try c.execute("INSERT INTO cohort_members(cohort_id, user_id) VALUES (?,?)", [cohort, u])
      }
    }
    let inCohort = try f.academy.itemAnalysis(
      module: "m", filter: ItemAnalysisFilter(cohortID: cohort))
    #expect(inCohort.attempts == 2)
    #expect(stat(inCohort, "q1").facility == 1)
    #expect(stat(inCohort, "q1").flags == [.everyonePasses])
    // Top = A1, bottom = A2: q2 1 − 0.
    #expect(stat(inCohort, "q2").discrimination == 1)
    let early = try f.academy.itemAnalysis(
      module: "m", filter: ItemAnalysisFilter(from: 1500, to: 3500))
    #expect(early.attempts == 2)  // A2, A3
    // u1's second pre-test (3000) is in range but their certifying attempt (1000) is not.
    #expect(early.prePost.learners == 0 && early.prePost.gain == nil)
  }

  @Test func aTrainerSeesOnlyTheCohortsTheyAreAttachedTo() throws {
    defer { f.remove() }
    let admin = try f.academy.createUser(role: .admin, displayName: "Admin")
    let trainer = try f.academy.createUser(role: .trainer, displayName: "Trainer")
    let outsider = try f.academy.createUser(role: .trainer, displayName: "Elsewhere")
    let goma = try f.academy.createCohort(name: "Goma", actor: admin)
    let kakuma = try f.academy.createCohort(name: "Kakuma", actor: admin)
    try f.academy.database.write { c in
      for u in users.prefix(2) {
        try c.execute("INSERT INTO cohort_members(cohort_id, user_id) VALUES (?,?)", [goma.id, u])
      }
      try c.execute(
        "INSERT INTO cohort_members(cohort_id, user_id) VALUES (?,?)", [kakuma.id, users[2]])
    }
    try f.academy.attachStaff(cohortID: goma.id, userID: trainer.id, actor: admin)
    func analysis(_ viewer: User, cohort: String? = nil) throws -> ItemAnalysis {
      let filter = try f.academy.statisticsFilter(
        ItemAnalysisFilter(cohortID: cohort), viewer: viewer)
      return try f.academy.itemAnalysis(module: "m", filter: filter)
    }
    // "Everyone" for the trainer is Goma's two learners; for the admin, all five.
    #expect(try analysis(trainer).attempts == 2)
    #expect(try analysis(trainer, cohort: goma.id).attempts == 2)
    #expect(throws: AcademyError.notFound) { try analysis(trainer, cohort: kakuma.id) }
    #expect(try analysis(admin).attempts == 5)
    #expect(try analysis(admin, cohort: kakuma.id).attempts == 1)
    // Attached to nothing: nothing.
    #expect(try analysis(outsider).attempts == 0)
    #expect(try analysis(outsider).prePost.learners == 0)
  }

  @Test func oneAttemptHasNoDiscrimination() {
    defer { f.remove() }
    let (top, bottom) = Academy.extremeGroups([("a", 1)])
    #expect(top.isEmpty && bottom.isEmpty)
    let (t4, b4) = Academy.extremeGroups([("a", 0.9), ("b", 0.1), ("c", 0.5), ("d", 0.3)])
    #expect(t4 == ["a"] && b4 == ["b"])
  }
}
