import Testing

@testable import GIFT

@Test func shortAnswerWithSeveralAnswersWeightsAndFeedback() {
  let q = parseOne("Who wrote it? {=Victor Hugo#Yes =%50%Hugo#Half}")
  #expect(
    q?.kind
      == .shortAnswer(answers: [
        Answer(text: "Victor Hugo", fraction: 1, feedback: "Yes"),
        Answer(text: "Hugo", fraction: 0.5, feedback: "Half"),
      ]))
}

@Test func shortAnswerWithoutEqualsIsOneRightAnswer() {
  #expect(
    parseOne("Capital? {Paris}")?.kind
      == .shortAnswer(answers: [Answer(text: "Paris", fraction: 1)]))
}

@Test func shortAnswerNeedsOneAnswerAt100() {
  #expect(errorsOf("Q {=%50%a}") == ["1:3: no answer marked correct (one answer needs 100%)"])
}

@Test func gradingShortAnswerTrimsAndFoldsCase() {
  let q = parseOne("Q {=Victor Hugo#full =%50%Hugo}")!
  #expect(GIFT.grade(q, .text("  victor HUGO ")) == Grade(fraction: 1, feedback: ["full"]))
  #expect(GIFT.grade(q, .text("hugo")).fraction == 0.5)
  #expect(GIFT.grade(q, .text("Hugo Victor")).fraction == 0)
  #expect(GIFT.grade(q, .none).fraction == 0)
}

@Test func gradingShortAnswerWildcardAndFirstMatchInFileOrder() {
  let q = parseOne(##"Q {=Rouss*au =%50%* =lit\*}"##)!
  #expect(GIFT.grade(q, .text("Rousseau")).fraction == 1)
  #expect(GIFT.grade(q, .text("rousSEAU")).fraction == 1)
  // Moodle stops at the first answer that matches: `*` catches everything after it.
  #expect(GIFT.grade(q, .text("lit*")).fraction == 0.5)
  #expect(Grader.wildcardMatches("lit*", pattern: #"lit\*"#))
  #expect(!Grader.wildcardMatches("litx", pattern: #"lit\*"#))
  #expect(Grader.wildcardMatches("abcbc", pattern: "a*bc"))
  #expect(!Grader.wildcardMatches("abcb", pattern: "a*bc"))
  #expect(Grader.wildcardMatches("", pattern: "**"))
}

@Test func missingWordKeepsTextAfterTheBlank() {
  let q = parseOne("The sun is {=very ~not} hot.")
  #expect(q?.text == "The sun is ")
  #expect(q?.textAfter == " hot.")
  #expect(q?.moodleType == "multichoice")
}

@Test func shortAnswerWithArrowAndNoEqualsStaysShortAnswerAfterWriting() {
  let q = parseOne("Direction? {north->south#fb}")
  #expect(
    q?.kind == .shortAnswer(answers: [Answer(text: "north->south", fraction: 1, feedback: "fb")]))
  #expect(GIFT.write([q!]) == "Direction? {\n\tnorth->south#fb\n}\n")
  #expect(GIFT.parse(GIFT.write([q!])).questions.first?.kind == q?.kind)
}
