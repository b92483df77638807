import Foundation
import Testing

@testable import Catalog

/// Issue 17: what `relais check` can see in a quiz's keys, each with a bad example.
struct QuizLintTests {
  let fixture: ContentFixture

  init() throws {
    fixture = try ContentFixture()
    try fixture.write("Curriculum/m/module.md", ContentFixture.module)
    try fixture.write("Curriculum/m/01-a.md", ContentFixture.lesson("A"))
    try fixture.write("Curriculum/m/01-a.fr.md", ContentFixture.lesson("A"))
    try fixture.write("Curriculum/m/module.fr.md", ContentFixture.module)
  }

  /// The lint warnings about quizzes, as `file:line: message`.
  func warnings(en: String, fr: String? = nil) throws -> [String] {
    defer { try? FileManager.default.removeItem(at: fixture.root) }
    try fixture.write("Assessments/m.gift", en)
    try fixture.write("Assessments/m.fr.gift", fr ?? en)
    return fixture.load().warnings.filter { $0.path.hasSuffix(".gift") }.map {
      "\($0.path.split(separator: "/").last ?? ""):\($0.line): \($0.message)"
    }
  }

  static let ok = """
    ::a::Q{=Yes#Right, that is it.\n~No#No: not that one.}

    ::b::Q{T#Wrong: it is true.#Correct.}
    """

  @Test func aSoundQuizHasNoWarnings() throws {
    #expect(try warnings(en: Self.ok) == [])
  }

  @Test func feedbackThatContradictsItsAnswer() throws {
    let bad = """
      ::a::Q{=Yes#Wrong, think again.\n~No#Exactly!}

      ::b::Q{F#Incorrect.#Not quite: it is false.}

      ::c::Q{=north#No. It is north.}
      """
    let w = try warnings(en: bad, fr: Self.ok)
    #expect(
      w.filter { $0.hasPrefix("m.gift:") }.map { String($0.prefix(60)) } == [
        "m.gift:1: question 'a': the feedback for the keyed answer 1 ",
        "m.gift:1: question 'a': the feedback for the wrong answer 2 ",
        "m.gift:4: question 'b': the feedback for the keyed answer FA",
        "m.gift:6: question 'c': the feedback for the keyed answer 1 ",
      ])
    #expect(w.contains { $0.contains("begins 'Wrong'; is the key right?") })
  }

  @Test func frenchCuesAndTrueFalseSemantics() throws {
    let fr = """
      ::a::Q{=Oui#Faux : ce n'est pas ça.\n~Non#Exact.}

      ::b::Q{T#Juste !#Non, c'est vrai.}
      """
    let w = try warnings(en: Self.ok, fr: fr)
    #expect(w.filter { $0.hasPrefix("m.fr.gift:") }.count == 4, "\(w)")
    // `No one…` and `Right to privacy…` open with a cue word but do not judge the answer.
    #expect(FeedbackTone.of("No one may share it.") == nil)
    #expect(FeedbackTone.of("Rights are for everyone.") == nil)
    #expect(FeedbackTone.of("**Right.** Well seen")?.isPositive == true)
    #expect(FeedbackTone.of("Pas tout à fait : relisez.")?.isPositive == false)
    #expect(FeedbackTone.of("Non\u{202F}: relisez.")?.isPositive == false)
  }

  @Test func answersWithoutFeedback() throws {
    let bad = "::a::Q{=Yes#Right.\n~No\n~Maybe}\n\n::b::Q{T}"
    let w = try warnings(en: bad, fr: bad)
    #expect(w.contains("m.gift:1: question 'a': answers 2, 3 have no feedback"))
    #expect(w.contains("m.gift:5: question 'b': no feedback for TRUE or FALSE"))
  }

  @Test func unshuffledKeysInOnePosition() throws {
    let one = (1...5).map { "::q\($0)::Q\($0){=a#Right.\n~b#No.\n~c#No.}" }.joined(
      separator: "\n\n")
    let w = try warnings(en: "// @shuffle: false\n\n" + one, fr: one)
    #expect(
      w.filter { $0.contains("not shuffled") }.map { String($0.prefix(90)) } == [
        "m.gift:1: answers are not shuffled and the correct answer is option 1 in 5 of 5 multiple-c"
      ])
    #expect(QuizLints.tail([0.5, 0.5], atLeast: 2) == 0.25)
    #expect(abs(QuizLints.tail(Array(repeating: 1.0 / 3, count: 4), atLeast: 4) - 1.0 / 81) < 1e-12)
  }

  @Test func spreadKeysWithoutShufflingAreFine() throws {
    let spread = (0..<6).map { i -> String in
      var answers = ["~b#No.", "~c#No."]
      answers.insert("=a#Right.", at: i % 3)
      return "::q\(i)::Q\(i){\(answers.joined(separator: "\n"))}"
    }.joined(separator: "\n\n")
    let w = try warnings(en: "// @shuffle: false\n\n" + spread, fr: spread)
    #expect(!w.contains { $0.contains("not shuffled") }, "\(w)")
  }

  @Test func translationWhoseKeyOrAnswerCountDiffers() throws {
    let en = "::a::Q{=Yes#Right.\n~No#No.}\n\n::b::Q{T#Wrong.#Right.}\n\n::c::Q{=x#Right.\n~y#No.}"
    let fr =
      "::a::Q{~Oui#Non.\n=Non#Oui.}\n\n::b::Q{F#Faux.#Juste.}\n\n::c::Q{=x#Oui.\n~y#Non.\n~z#Non.}"
    let w = try warnings(en: en, fr: fr)
    #expect(
      w.filter { $0.hasPrefix("m.fr.gift") } == [
        "m.fr.gift:1: question 'a': the keyed answers differ from the English (2 here, 1 there) (Assessments/m.gift:1)",
        "m.fr.gift:4: question 'b': keyed FALSE here but TRUE in English (Assessments/m.gift:4)",
        "m.fr.gift:6: question 'c': 3 answers here but 2 in English (Assessments/m.gift:6)",
      ])
  }

  @Test func questionsInOneLanguageOnlyAreReported() throws {
    defer { try? FileManager.default.removeItem(at: fixture.root) }
    try fixture.write("Assessments/m.gift", "::a::Q{T#No.#Yes.}\n\n::b::Q{T#No.#Yes.}")
    try fixture.write("Assessments/m.fr.gift", "::a::Q{T#Non.#Oui.}\n\n::z::Q{T#Non.#Oui.}")
    let problems = fixture.load().problems.map(\.message)
    #expect(
      problems.contains {
        $0.contains("question 'b'") && $0.contains("missing in this translation")
      })
    #expect(problems.contains { $0.contains("question 'z' is not in") })
  }
}
