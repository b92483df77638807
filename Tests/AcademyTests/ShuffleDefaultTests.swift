import GIFT
import Testing

@testable import Academy
@testable import Catalog

/// Issue 17: answers are shuffled unless the quiz turns it off, as in Moodle; a fixed order
/// lets a quiz be passed by tapping the first option.
@Test func answersAreShuffledUnlessTheQuizTurnsItOff() {
  let answers = (0..<6).map { Answer(text: "a\($0)", fraction: $0 == 0 ? 1 : 0) }
  let q = Question(
    id: "q", text: "Q", kind: .multipleChoice(answers: answers, multipleAnswers: false))
  func orders(_ settings: QuizSettings) -> Set<[Int]> {
    let quiz = Quiz(
      kind: .certifying, language: .en, path: "q.gift", questions: [q], settings: settings,
      hash: "h")
    return Set((0..<40).map { _ in Academy.draw(quiz, settings: settings).first?.order ?? [] })
  }
  // 40 draws of 6 answers: all in file order by chance is (1/720)^39.
  #expect(orders(QuizSettings()).count > 1)
  #expect(orders(QuizSettings(shuffleAnswers: true)).count > 1)
  #expect(orders(QuizSettings(shuffleAnswers: false)) == [Array(0..<6)])
  #expect(GIFT.parse("// @shuffle: false\n\nQ {=a ~b}").settings.shufflesAnswers == false)
  #expect(GIFT.parse("Q {=a ~b}").settings.shufflesAnswers)
}
