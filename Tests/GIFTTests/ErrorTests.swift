import Testing

@testable import GIFT

@Test func errorsPointAtLineAndColumnAndAllAreListed() {
  let text = """
    ::a:: Fine {T}

    ::b:: Broken {
    =x
    ~y

    ::c:: Another { ~a ~b }

    ::d:: Matching {
      =a -> 1
      =b -> 2
    }

    ::é:: Après} oops {T}
    """
  let r = GIFT.parse(text, path: "m.gift")
  #expect(
    r.errors.map(\.description) == [
      "m.gift:3:14: unclosed {",
      "m.gift:7:15: no answer marked correct (use = or a positive %weight%)",
      "m.gift:9:16: matching question needs at least 3 pairs",
      "m.gift:14:12: } without {",
    ])
  #expect(r.questions.map(\.id) == ["a"])
}

@Test func braceErrors() {
  #expect(errorsOf("Q }") == ["1:3: } without {"])
  #expect(
    errorsOf("Q {T} and {F}") == [
      "1:11: a question has one answer block; write \\{ or \\} for a brace in text"
    ])
  #expect(errorsOf(#"Q \{T\}"#).isEmpty)
  #expect(errorsOf("::t Q {T}") == ["1:1: unclosed title: expected '::' after the title"])
}

@Test func multipleChoiceAnswerCount() {
  #expect(errorsOf("Q {~a}") == ["1:3: multiple choice question needs at least 2 answers"])
  #expect(errorsOf("Q {=a ~}") == ["1:3: multiple choice question needs at least 2 answers"])
}

@Test func weightErrors() {
  #expect(errorsOf("Q {=a ~%--50%b}") == ["1:8: invalid weight %--50%"])
  #expect(errorsOf("Q {=a ~%200%b}") == ["1:8: weight %200% is outside -100%…100%"])
  // Not a weight by Moodle's pattern: the answer text keeps it.
  #expect(answersOf(parseOne("Q {=a ~%x%b}")).map(\.text) == ["a", "%x%b"])
}

@Test func duplicateIDs() {
  #expect(
    errorsOf("::a:: Q {T}\n\n::a:: R {F}") == ["3:3: duplicate id 'a' (first used on line 1)"])
  #expect(GIFT.parse("::a:: Q {T}\n\n::a:: R {F}").questions.map(\.text) == ["Q"])
}

@Test func errorColumnsCountCharactersNotBytes() {
  #expect(
    errorsOf("Été ☀ {~a ~b}") == ["1:7: no answer marked correct (use = or a positive %weight%)"])
}
