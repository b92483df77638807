import Testing

@testable import GIFT

@Test func essayHasEmptyBraces() {
  let q = parseOne("::e:: Describe your work. {####A model answer.}")
  #expect(q?.kind == .essay)
  #expect(q?.generalFeedback == "A model answer.")
  #expect(GIFT.grade(q!, .text("I help.")) == Grade(fraction: 0, needsManualGrading: true))
}

@Test func descriptionHasNoBraces() {
  let q = parseOne("::intro:: The next questions are about maps.")
  #expect(q?.kind == .description)
  #expect(q?.text == "The next questions are about maps.")
  #expect(q?.moodleType == "description")
}
