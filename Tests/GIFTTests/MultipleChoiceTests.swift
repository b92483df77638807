import Testing

@testable import GIFT

@Test func multipleChoiceWithTitleFeedbackAndGeneralFeedback() {
  let q = parseOne(
    """
    // a comment before the question
    ::capital:: What is the capital of France? {
      =Paris#Right, Paris.
      ~Lyon#No, Lyon is the third city.
      ~Marseille
      ####Paris has been the capital since 987.
    }
    """)
  #expect(q?.id == "capital")
  #expect(q?.hasExplicitID == true)
  #expect(q?.text == "What is the capital of France?")
  #expect(q?.line == 2)
  #expect(q?.generalFeedback == "Paris has been the capital since 987.")
  #expect(
    q?.kind
      == .multipleChoice(
        answers: [
          Answer(text: "Paris", fraction: 1, feedback: "Right, Paris."),
          Answer(text: "Lyon", fraction: 0, feedback: "No, Lyon is the third city."),
          Answer(text: "Marseille", fraction: 0),
        ], multipleAnswers: false))
}

@Test func weightsWithoutEqualsMakeMultipleAnswers() {
  let q = parseOne("Pick the two primes {~%50%2 ~%50%3 ~%-100%4}")
  #expect(
    q?.kind
      == .multipleChoice(
        answers: [
          Answer(text: "2", fraction: 0.5), Answer(text: "3", fraction: 0.5),
          Answer(text: "4", fraction: -1),
        ], multipleAnswers: true))
}

@Test func escapesInsideAnswersAreText() {
  let q = parseOne(##"Which is an equation? {=1 + 1 \= 2 \# sure ~a \~ b \{c\} d\:e}"##)
  #expect(answersOf(q).map(\.text) == ["1 + 1 = 2 # sure", "a ~ b {c} d:e"])
}

@Test func unescapedEqualsInFeedbackStartsANewRightAnswerAsInMoodle() {
  let q = parseOne("Sum? {=2#because 1+1=2 ~3}")
  #expect(answersOf(q).map(\.text) == ["2", "2", "3"])
  #expect(answersOf(q).map(\.feedback) == ["because 1+1", "", ""])
  let escaped = parseOne(##"Sum? {=2#because 1+1\=2 ~3}"##)
  #expect(answersOf(escaped).map(\.feedback) == ["because 1+1=2", ""])
}

@Test func multipleChoiceWithoutRightAnswerIsAnError() {
  #expect(errorsOf("Q {~a ~b}") == ["1:3: no answer marked correct (use = or a positive %weight%)"])
}

@Test func positiveWeightsMustAddUpTo100() {
  #expect(
    errorsOf("Q {~%50%a ~%20%b ~c}") == ["1:3: the positive weights add up to 70%, not 100%"])
}

@Test func gradingSingleAnswerGivesTheChosenFractionAndFeedback() {
  let q = parseOne("Q {=a#yes ~b#no ~%50%c}")!
  #expect(GIFT.grade(q, .choice(0)) == Grade(fraction: 1, feedback: ["yes"]))
  #expect(GIFT.grade(q, .choice(1)) == Grade(fraction: 0, feedback: ["no"]))
  #expect(GIFT.grade(q, .choice(2)).fraction == 0.5)
  #expect(GIFT.grade(q, .none).fraction == 0)
  #expect(GIFT.grade(q, .choice(9)).fraction == 0)
}

@Test func gradingMultipleAnswersSumsAndClamps() {
  let q = parseOne("Q {~%50%a#A ~%50%b ~%-100%c#C}")!
  #expect(GIFT.grade(q, .choices([0, 1])).fraction == 1)
  #expect(GIFT.grade(q, .choices([0])) == Grade(fraction: 0.5, feedback: ["A"]))
  #expect(GIFT.grade(q, .choices([0, 2])) == Grade(fraction: 0, feedback: ["A", "C"]))
  #expect(GIFT.grade(q, .choices([0, 1, 2])).fraction == 0)
}

@Test func weightAfterEqualsIsTextInMultipleChoiceAsInMoodle() {
  let q = parseOne("Q {=%50%a ~b}")
  #expect(answersOf(q) == [Answer(text: "%50%a", fraction: 1), Answer(text: "b", fraction: 0)])
}

@Test func decimalAndNegativeWeights() {
  let q = parseOne("Q {~%33.33333%a ~%33.33333%b ~%33.33334%c ~%-50%d}")
  let expected = [0.3333333, 0.3333333, 0.3333334, -0.5]
  #expect(answersOf(q).count == 4)
  for (a, e) in zip(answersOf(q), expected) { #expect(abs(a.fraction - e) < 1e-12) }
  #expect(GIFT.grade(q!, .choices([0, 1, 2])).fraction == 1)
}

@Test func longDecimalWeightsAreRead() {
  let q = parseOne("Q {~%12.50000000000000000001%a ~%87.5%b}")
  #expect(answersOf(q).map(\.fraction) == [0.125, 0.875])
}
