import Testing

@testable import GIFT

// These inputs take seconds if any step is quadratic; they assert what is read.

@Test func oneMegabyteLine() {
  let long = String(repeating: "word ", count: 200_000)
  let q = parseOne("::big:: " + long + "{=" + long + "~b}")
  #expect(q?.text.utf8.count == 999_999)
  #expect(answersOf(q).first?.text.utf8.count == 999_999)
}

@Test func hundredThousandBackslashes() {
  let q = parseOne("Q " + String(repeating: "\\\\", count: 100_000) + "\\{ {T}")
  // Compared as Bools: a failure must not print a megabyte.
  let even = q?.text == "Q " + String(repeating: "\\", count: 100_000) + "{"
  #expect(even)
  let odd = parseOne("Q " + String(repeating: "\\", count: 100_001) + "= {T}")
  let oddOK = odd?.text == "Q " + String(repeating: "\\", count: 50_000) + "="
  #expect(oddOK)
}

@Test func manyErrorsOnOneLongLine() {
  let r = GIFT.parse("Q {=a " + String(repeating: "~%--5%x ", count: 100_000) + "}")
  #expect(r.errors.count == 100_000)
  #expect(r.errors.last?.column == 8 + 8 * 99_999)
}

@Test func manyAnswersAndHashes() {
  let q = parseOne("Q {=a " + String(repeating: "~b#c", count: 100_000) + "}")
  #expect(answersOf(q).count == 100_001)
  let tf = parseOne("Q {T" + String(repeating: "#", count: 100_001) + "x}")
  #expect(tf?.generalFeedback == "x")
}

@Test func longWeightIsQuotedShortly() {
  let r = GIFT.parse("Q {=a ~%" + String(repeating: "-", count: 100_000) + "5%x}")
  #expect(r.errors.map(\.message) == ["invalid weight %------------%"])
}
