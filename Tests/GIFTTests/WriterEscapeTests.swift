import Testing

@testable import GIFT

/// Issue 22: every text a file can hold, in every position, is written so that it reads
/// back the same; what GIFT cannot say is refused by `roundTripProblems`, never written.
enum Escapes {
  /// Texts that begin (or hold) GIFT syntax, format tags, BOMs, NUL and control bytes.
  static let hostile: [String] = {
    let marks = [
      "->", "=", "~", "#", "%", "%50%", "%-5%", "{", "}", "[markdown]", "[html]", "[moodle]",
      "[plain]", "\u{FEFF}", "\u{0}", "\u{1}", "\u{7F}", "\u{0B}", "//", "::", "T", "F", "TRUE",
      "FALSE", "$CATEGORY:", "\\", "\\n", ":", "####", "=%50%", "/\u{301}/",
    ]
    var out: [String] = []
    for m in marks { out += [m + "x", "x" + m + "y", "x " + m] }
    // Whole texts that are also a question type's head, with nothing around them.
    return out + ["T", "F", "TRUE", "FALSE", "%100%", "a\u{0}b", "x\ny", "[markdown]\nx"]
  }()

  /// One question per position a text can take.
  static func questions(holding s: String, format: Question.TextFormat) -> [(String, Question)] {
    func q(_ kind: Question.Kind, text: String = "Q", gf: String = "", after: String = "")
      -> Question
    {
      Question(
        id: "q1", text: text, textAfter: after, format: format, kind: kind, generalFeedback: gf)
    }
    let mc: (String, Double) -> Answer = { Answer(text: $0, fraction: $1, feedback: s) }
    return [
      ("question text", q(.essay, text: s)),
      ("general feedback", q(.essay, gf: s)),
      ("text after", q(.essay, after: s)),
      ("description", q(.description, text: s)),
      (
        "mc answers",
        q(.multipleChoice(answers: [mc(s, 1), mc(s + "2", 0)], multipleAnswers: false))
      ),
      (
        "mc weights",
        q(.multipleChoice(answers: [mc(s, 0.5), mc("b", 0.5)], multipleAnswers: true))
      ),
      ("short answer", q(.shortAnswer(answers: [Answer(text: s, fraction: 1, feedback: s)]))),
      (
        "short answer arrow feedback",
        q(.shortAnswer(answers: [Answer(text: s, fraction: 1, feedback: "->z")]))
      ),
      ("true/false", q(.trueFalse(correct: false, feedbackWhenTrue: s, feedbackWhenFalse: s))),
      (
        "matching",
        q(
          .matching(pairs: [
            MatchPair(text: "a", match: s), MatchPair(text: "b", match: "2"),
            MatchPair(text: "c", match: "3"),
          ]))
      ),
      (
        "numerical",
        q(.numerical(answers: [NumericAnswer(target: .value(3, tolerance: 0), feedback: s)]))
      ),
    ]
  }
}

@Test func everyHostileTextInEveryPositionRoundTrips() {
  var failures: [String] = []
  // NUL and vertical tab at a text's edge are trimmed by every GIFT reader (PHP's trim)
  // and have no escape: those are refused below, not written.
  let edge: Set<UInt8> = [0x00, 0x0B]
  for s in Escapes.hostile
  where !s.contains("->") && !edge.contains(s.utf8.first ?? 0x20)
    && !edge.contains(s.utf8.last ?? 0x20)
  {
    for format in [Question.TextFormat.moodle, .markdown, .html] {
      for (position, q) in Escapes.questions(holding: s, format: format) {
        let text = GIFT.write([q], settings: QuizSettings())
        let problems = GIFT.roundTripProblems([q], settings: QuizSettings(), in: text)
        if !problems.isEmpty { failures.append("\(position) \(format) \(s.debugDescription)") }
      }
    }
  }
  #expect(failures.isEmpty, "\(failures.prefix(10))")
  let q = Question(id: "nul", text: "x \u{0}", kind: .essay)
  #expect(
    GIFT.roundTripProblems([q], settings: QuizSettings(), in: GIFT.write([q])).map(\.message)
      == ["question 'nul': its text would change; nothing was written"])
}

/// The fuzzer's case of issue 22: an unmarked `T#…` reads as true/false.
@Test func shortAnswerNamedLikeTrueFalseKeepsItsTypeWithArrowFeedback() {
  for head in ["T", "F", "TRUE", "FALSE"] {
    let text = "Q {%100%\(head)#->z}"
    #expect(oracleProblem(text) == nil, "\(text)")
    let written = try? GIFT.format(text).get()
    #expect(written?.contains("%100%\(head)#->z") == true)
  }
}

/// A short answer among several holding `->` has no GIFT spelling (it reads as matching):
/// the check names the question and field, so a writer writes nothing.
@Test func unwritableArrowIsReportedNotWritten() {
  let q = Question(
    id: "arrow", text: "Q",
    kind: .shortAnswer(answers: [
      Answer(text: "->north", fraction: 1), Answer(text: "south", fraction: 0.5),
    ]), line: 7)
  let text = GIFT.write([q], settings: QuizSettings())
  let problems = GIFT.roundTripProblems([q], settings: QuizSettings(), in: text, path: "a.gift")
  #expect(problems.count == 1)
  #expect(problems.first?.line == 7)
  #expect(
    problems.first?.message.hasPrefix("question 'arrow': the text written would not read back")
      == true)

  // Read back as another question: the field that changed is named.
  var other = q
  other.kind = .shortAnswer(answers: [
    Answer(text: "north", fraction: 1), Answer(text: "south", fraction: 0.5),
  ])
  let named = GIFT.roundTripProblems([q], settings: QuizSettings(), in: GIFT.write([other]))
  #expect(
    named.map(\.message) == ["question 'arrow': answer 1's text would change; nothing was written"])
}

/// `quiz fmt` writes comments above their question; a comment that would land in the
/// header and read as a setting makes the format fail rather than change the quiz.
@Test func formatRefusesWhenACommentWouldBecomeASetting() {
  let text = "Q {\n// @draw: 2\nT}\n"
  guard case .failure(let e) = GIFT.format(text, path: "c.gift") else {
    Issue.record("formatted a file whose settings would change")
    return
  }
  #expect(e.errors.map(\.message) == ["the quiz settings would change"])
}

/// Fuzz finding: `->` followed by a combining mark is no `->` to `String.contains` (the
/// `>` and the mark are one Character), but the reader sees the bytes and reads matching.
@Test func arrowBeforeACombiningMarkStaysAShortAnswer() {
  #expect(oracleProblem("Q {a->\u{301} b}") == nil)
  #expect(oracleProblem("Qx {->\u{301}x}") == nil)  // issue 22: the answer begins with `->`
  #expect(oracleProblem("E {x->\u{484}>  4}") == nil)
  #expect(Writer.hasArrow("a->\u{301}"))
  #expect(!Writer.hasArrow("a-\u{301}>"))
}
