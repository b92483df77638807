import Testing

@testable import GIFT

@Test func numericalValueWithTolerance() {
  #expect(
    parseOne("Pi? {#3.14:0.01}")?.kind
      == .numerical(answers: [NumericAnswer(target: .value(3.14, tolerance: 0.01))]))
}

@Test func numericalRange() {
  #expect(
    parseOne("Pick {#1..5#in range}")?.kind
      == .numerical(answers: [NumericAnswer(target: .range(min: 1, max: 5), feedback: "in range")]))
  #expect(
    parseOne("Cold {#-10..-2.5}")?.kind
      == .numerical(answers: [NumericAnswer(target: .range(min: -10, max: -2.5))]))
}

@Test func numericalSeveralWeightedAnswersAndOtherwiseFeedback() {
  let q = parseOne(
    """
    When was Grant born? {#
      =1822:0 #Exactly.
      =%50%1822:2 #Close.
      ~#Look it up.
    }
    """)
  #expect(
    q?.kind
      == .numerical(answers: [
        NumericAnswer(target: .value(1822, tolerance: 0), fraction: 1, feedback: "Exactly."),
        NumericAnswer(target: .value(1822, tolerance: 2), fraction: 0.5, feedback: "Close."),
        NumericAnswer(target: .anyNumber, fraction: 0, feedback: "Look it up."),
      ]))
}

@Test func numericalErrors() {
  #expect(errorsOf("Q {#abc}") == ["1:5: 'abc' is not a number, 'value:tolerance' or 'min..max'"])
  #expect(errorsOf("Q {#5..1}") == ["1:5: '5..1' is not a number, 'value:tolerance' or 'min..max'"])
  #expect(errorsOf("Q {#}") == ["1:3: numerical question has no answer"])
  #expect(errorsOf("Q {#=%50%3}") == ["1:3: no answer marked correct (one answer needs 100%)"])
  #expect(errorsOf("Q {#inf}").count == 1)
}

@Test func gradingNumericalWithinToleranceAndRangeFirstMatch() {
  let q = parseOne("Q {#=3.14:0.01#good =%50%3:0.5#rough ~#no}")!
  #expect(GIFT.grade(q, .number(3.15)) == Grade(fraction: 1, feedback: ["good"]))
  #expect(GIFT.grade(q, .number(3.1)) == Grade(fraction: 0.5, feedback: ["rough"]))
  #expect(GIFT.grade(q, .number(4)) == Grade(fraction: 0, feedback: ["no"]))
  #expect(GIFT.grade(q, .text(" 3.14 ")).fraction == 1)
  let r = parseOne("Q {#1..5}")!
  #expect(GIFT.grade(r, .number(1)).fraction == 1)
  #expect(GIFT.grade(r, .number(5)).fraction == 1)
  #expect(GIFT.grade(r, .number(5.001)).fraction == 0)
  #expect(GIFT.grade(r, .number(.nan)).fraction == 0)
}
