import Testing

@testable import GIFT

@Test func blankLinesSeparateQuestionsAndCommentsAreDropped() {
  let r = GIFT.parse(
    """
    // first
    Q1 {T}


    // second, with a comment inside
    Q2 {
    // not an answer: ~x
    =a ~b}
    """)
  #expect(r.errors.isEmpty)
  #expect(r.questions.map(\.text) == ["Q1", "Q2"])
  #expect(r.questions.map(\.line) == [2, 6])
  #expect(r.questions.map(\.id) == ["q1", "q2"])
  #expect(answersOf(r.questions[1]).map(\.text) == ["a", "b"])
}

@Test func crlfAndBOMAreRead() {
  let r = GIFT.parse("\u{FEFF}::a:: Q1\r\n{=x\r\n~y}\r\n\r\n::b:: Q2 {F}\r\n")
  #expect(r.errors.isEmpty)
  #expect(r.questions.map(\.id) == ["a", "b"])
  #expect(answersOf(r.questions[0]).map(\.text) == ["x", "y"])
  #expect(r.questions[1].line == 5)
  #expect(errorsOf("\u{FEFF}Q {=a =b ->}\r\n") == ["1:5: matching answer needs 'text -> match'"])
}

@Test func multiLineQuestionTextAndAnswers() {
  let q = parseOne(
    """
    ::m:: First line
      second line
    {
      =right
        still the right answer #and its
        feedback
      ~wrong
    }
    """)
  #expect(q?.text == "First line\nsecond line")
  #expect(
    answersOf(q) == [
      Answer(text: "right\nstill the right answer", fraction: 1, feedback: "and its\nfeedback"),
      Answer(text: "wrong", fraction: 0),
    ])
}

@Test func escapesInTitleTextAndNewline() {
  let q = parseOne(##"::a\:b:: x \{y\} \\ back\nslash \q {T}"##)
  #expect(q?.id == "a:b")
  #expect(q?.text == "x {y} \\ back\nslash \\q")
}

@Test func categoryAppliesToFollowingQuestions() {
  let r = GIFT.parse("Q0 {T}\n\n$CATEGORY: $course$/Maps\n\nQ1 {T}\n\n$CATEGORY: Other\nQ2 {F}")
  #expect(r.errors.isEmpty)
  #expect(r.questions.map(\.category) == [nil, "$course$/Maps", "Other"])
}

@Test func textFormats() {
  let q = parseOne("::f:: [markdown] **Bold** {=[html]<b>a</b> ~b#[plain]fb ####[html]gf}")
  #expect(q?.format == .markdown)
  #expect(q?.text == "**Bold**")
  #expect(answersOf(q).map(\.text) == ["<b>a</b>", "b"])
  #expect(answersOf(q).map(\.feedback) == ["", "fb"])
  #expect(q?.generalFeedback == "gf")
  #expect(parseOne("[html]x")?.format == .html)
  #expect(parseOne("[plain]x")?.format == .plain)
  #expect(parseOne("[moodle]x")?.format == .moodle)
  #expect(parseOne("[other]x")?.text == "[other]x")
}

@Test func generalFeedbackIsAfterTheLastFourHashes() {
  let q = parseOne("Q {=a#fb ~b####gen#eral}")
  #expect(q?.generalFeedback == "gen#eral")
  let r = parseOne("Q {=a ~b#####gf}")
  #expect(r?.generalFeedback == "gf")
  #expect(answersOf(r).map(\.feedback) == ["", ""])
}

@Test func generatedIDsFollowTheQuestionOrder() {
  let r = GIFT.parse("A {T}\n\n::x:: B {T}\n\nC {T}")
  #expect(r.questions.map(\.id) == ["q1", "x", "q3"])
  #expect(r.questions.map(\.hasExplicitID) == [false, true, false])
}
