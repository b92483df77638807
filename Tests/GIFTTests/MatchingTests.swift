import Testing

@testable import GIFT

@Test func matchingPairs() {
  let q = parseOne(
    """
    ::caps:: Match the capitals. {
      =Canada -> Ottawa
      =Italy->Rome
      =Japan -> Tokyo -> Edo
      = -> Lyon
      ####Distractor: Lyon.
    }
    """)
  #expect(
    q?.kind
      == .matching(pairs: [
        MatchPair(text: "Canada", match: "Ottawa"), MatchPair(text: "Italy", match: "Rome"),
        MatchPair(text: "Japan", match: "Tokyo -> Edo"), MatchPair(text: "", match: "Lyon"),
      ]))
  #expect(q?.generalFeedback == "Distractor: Lyon.")
}

@Test func matchingNeedsThreePairs() {
  #expect(errorsOf("Q {=a -> b =c -> d}") == ["1:3: matching question needs at least 3 pairs"])
}

@Test func matchingAnswerWithoutArrowIsAnError() {
  #expect(errorsOf("Q {=a -> b =c -> d =e}") == ["1:21: matching answer needs 'text -> match'"])
}

@Test func gradingMatchingIsTheShareOfPairsRight() {
  let q = parseOne("Q {=a -> 1 =b -> 2 =c -> 3 = -> 4}")!
  #expect(GIFT.grade(q, .matches([0: "1", 1: "2", 2: "3"])).fraction == 1)
  #expect(GIFT.grade(q, .matches([0: "1", 1: "4"])).fraction == 0.3333333)
  #expect(GIFT.grade(q, .matches([:])).fraction == 0)
}
