import Testing

@testable import GIFT

func withoutLines(_ qs: [Question]) -> [Question] {
  qs.map {
    var q = $0
    q.line = 0
    return q
  }
}

@Test func writeThenParseGivesTheSameQuestions() {
  for seed in 0..<300 {
    var g = QuestionGenerator(seed: UInt64(seed))
    let (qs, settings) = g.file(count: 8)
    let text = GIFT.write(qs, settings: settings)
    let r = GIFT.parse(text, path: "gen.gift")
    #expect(r.errors.isEmpty, "seed \(seed): \(r.errors)\n\(text)")
    #expect(r.settings == settings, "seed \(seed)")
    let back = withoutLines(r.questions)
    if back != qs {
      for (a, b) in zip(qs, back) where a != b {
        Issue.record("seed \(seed):\nwrote \(a)\nread  \(b)\n\(GIFT.write([a]))")
        break
      }
      if back.count != qs.count { Issue.record("seed \(seed): \(back.count) of \(qs.count)") }
      return
    }
    // Formatting is idempotent.
    #expect(GIFT.format(text) == .success(text), "seed \(seed)")
  }
}

@Test func writerLayout() {
  let r = GIFT.parse(
    """
    // @draw: 2
    ::a::What? {~b#no=c ~%50%x}
    """)
  #expect(r.errors.isEmpty)
  #expect(
    GIFT.write(r.questions, settings: r.settings) == """
      // @draw: 2

      ::a:: What? {
      \t~b#no
      \t=c
      \t~%50%x
      }

      """)
}

@Test func formatKeepsCommentsAboveTheirQuestions() {
  let text = """
    // Fact-checking quiz
    // @draw: 1

    // about sources
    ::a::Q1{=x
    // inside
    ~y}

    ::b:: Q2 {T}
    // the end (in the question's block, so written above it)
    """
  #expect(
    GIFT.format(text)
      == .success(
        """
        // @draw: 1

        // Fact-checking quiz
        // about sources
        // inside
        ::a:: Q1 {
        \t=x
        \t~y
        }

        // the end (in the question's block, so written above it)
        ::b:: Q2 {TRUE}

        """))
  #expect(
    GIFT.format("Q {").map { _ in "" }
      == .failure(
        GIFTErrors([GIFTError(path: "<input>", line: 1, column: 3, message: "unclosed {")])))
}
