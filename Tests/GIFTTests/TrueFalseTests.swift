import Testing

@testable import GIFT

@Test func trueFalseSpellings() {
  #expect(
    parseOne("Q {T}")?.kind
      == .trueFalse(correct: true, feedbackWhenTrue: "", feedbackWhenFalse: ""))
  #expect(
    parseOne("Q {TRUE}")?.kind
      == .trueFalse(correct: true, feedbackWhenTrue: "", feedbackWhenFalse: ""))
  #expect(
    parseOne("Q {F}")?.kind
      == .trueFalse(correct: false, feedbackWhenTrue: "", feedbackWhenFalse: ""))
  #expect(
    parseOne("Q {FALSE}")?.kind
      == .trueFalse(correct: false, feedbackWhenTrue: "", feedbackWhenFalse: ""))
  // Moodle compares case-sensitively: lower case is a short answer.
  #expect(parseOne("Q {true}")?.moodleType == "shortanswer")
}

@Test func trueFalseFeedbackIsWrongThenRightAsMoodleReadsIt() {
  let t = parseOne("::sky:: The sky is blue. {T#No, look up.#Yes.####Rayleigh scattering.}")
  #expect(
    t?.kind
      == .trueFalse(correct: true, feedbackWhenTrue: "Yes.", feedbackWhenFalse: "No, look up."))
  #expect(t?.generalFeedback == "Rayleigh scattering.")
  let f = parseOne("Grass is red. {FALSE#Wrong: it is green.#Right.}")
  #expect(
    f?.kind
      == .trueFalse(
        correct: false, feedbackWhenTrue: "Wrong: it is green.", feedbackWhenFalse: "Right."))
}

@Test func gradingTrueFalse() {
  let q = parseOne("Q {T#wrong#right}")!
  #expect(GIFT.grade(q, .trueFalse(true)) == Grade(fraction: 1, feedback: ["right"]))
  #expect(GIFT.grade(q, .trueFalse(false)) == Grade(fraction: 0, feedback: ["wrong"]))
  #expect(GIFT.grade(q, .choice(0)).fraction == 0)
}
