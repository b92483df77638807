import Testing

@testable import GIFT

@Test func headerCommentsSetQuizSettings() {
  let r = GIFT.parse(
    """
    // Fact-checking, certifying quiz
    // @draw: 8
    // @shuffle: true
    //@attempts: 3
    // @wait : 30

    Q {T}
    """)
  #expect(r.errors.isEmpty)
  #expect(
    r.settings == QuizSettings(draw: 8, shuffleAnswers: true, maxAttempts: 3, waitMinutes: 30))
}

@Test func settingsStopAtTheFirstQuestion() {
  let r = GIFT.parse("Q {T}\n\n// @draw: 2\nR {F}")
  #expect(r.errors.isEmpty)
  #expect(r.settings == QuizSettings())
}

@Test func badSettingsAreErrors() {
  #expect(
    errorsOf(
      "// @drwa: 8\n// @draw: x\n// @shuffle: maybe\n// @wait 5\n// @wait: 1\n// @wait: 2\nQ {T}")
      == [
        "1:4: unknown quiz setting '@drwa' (known: @draw, @shuffle, @attempts, @wait)",
        "2:11: '@draw' takes a whole number from 1, not 'x'",
        "3:14: '@shuffle' takes true or false, not 'maybe'",
        "4:4: expected ':' after '@wait'",
        "6:4: '@wait' is set twice",
      ])
}
