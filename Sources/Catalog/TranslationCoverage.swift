/// How far each module is translated: for every module and language, the lessons and quiz
/// questions present and missing, measured against the reference language (English).
public struct TranslationCoverage: Sendable, Equatable {
  public var module: String
  public var language: Language
  public var lessonsPresent: Int
  public var lessonsMissing: Int
  /// Questions of all the module's quizzes (certifying, pre, refresher) whose id is in
  /// this language's file; a missing file counts all its reference questions as missing.
  public var questionsPresent: Int
  public var questionsMissing: Int

  public var isComplete: Bool { lessonsMissing == 0 && questionsMissing == 0 }

  public init(
    module: String, language: Language, lessonsPresent: Int, lessonsMissing: Int,
    questionsPresent: Int, questionsMissing: Int
  ) {
    self.module = module
    self.language = language
    self.lessonsPresent = lessonsPresent
    self.lessonsMissing = lessonsMissing
    self.questionsPresent = questionsPresent
    self.questionsMissing = questionsMissing
  }
}

extension Catalog {
  /// One row per module × language, modules in catalog order, languages in declared order.
  public var coverage: [TranslationCoverage] {
    var rows: [TranslationCoverage] = []
    for m in modules {
      for lang in languages {
        let lessonsPresent = m.lessons.filter { $0.text.values[lang] != nil }.count
        var present = 0
        var missing = 0
        for kind in QuizKind.allCases {
          guard let ref = m.quizzes[kind]?.values[.reference] else { continue }
          let ids = Set(ref.questions.map(\.id))
          let here = Set(m.quizzes[kind]?.values[lang]?.questions.map(\.id) ?? [])
          present += ids.intersection(here).count
          missing += ids.subtracting(here).count
        }
        rows.append(
          TranslationCoverage(
            module: m.slug, language: lang, lessonsPresent: lessonsPresent,
            lessonsMissing: m.lessons.count - lessonsPresent, questionsPresent: present,
            questionsMissing: missing))
      }
    }
    return rows
  }
}
