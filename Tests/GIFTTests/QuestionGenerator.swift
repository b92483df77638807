@testable import GIFT

/// Random questions of every type, in the normal form the reader produces (texts trimmed,
/// no empty answers), full of characters that need escaping.
struct QuestionGenerator {
  var rng: SeededGenerator

  init(seed: UInt64) { rng = SeededGenerator(seed: seed) }

  mutating func int(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &rng) }

  mutating func pick<T>(_ xs: [T]) -> T { xs[int(0...(xs.count - 1))] }

  static let pieces = [
    "a", "b", "Paris", "é", "☀", " ", "  ", "\t", "\n", "~", "=", "#", "####", "{", "}", ":",
    "::", "\\", "\\n", "%", "%50%", "[", "]", "[html]", "[plain]", "//", "$CATEGORY:", "-",
    ">", "*", "\"", "T", "->",
  ]

  /// Text that may contain anything the writer can express, trimmed as the reader trims.
  mutating func text(nonEmpty: Bool = true, allowArrow: Bool = true) -> String {
    while true {
      var s = ""
      for _ in 0..<int(0...6) { s += pick(Self.pieces) }
      if !allowArrow { while s.contains("->") { s = s.replacingOccurrences("->", "-") } }
      s = trimPHP(s)
      if !nonEmpty || !s.isEmpty { return s }
    }
  }

  mutating func maybe(_ make: (inout QuestionGenerator) -> String) -> String {
    int(0...2) == 0 ? "" : make(&self)
  }

  /// Weights as written in files: percentages with a few decimals.
  static let weights = ["0", "50", "-50", "25", "-100", "12.5", "33.33333", "83.33333", "10"]
  static func fraction(_ percent: String) -> Double { parseNumber(percent)! / 100 }

  mutating func answers(right: Int, others: Int) -> [Answer] {
    var out: [Answer] = []
    for _ in 0..<right {
      out.append(Answer(text: text(), fraction: 1, feedback: maybe { $0.text() }))
    }
    for _ in 0..<others {
      out.append(
        Answer(
          text: text(), fraction: Self.fraction(pick(Self.weights)), feedback: maybe { $0.text() }))
    }
    return out
  }

  mutating func kind() -> Question.Kind {
    switch int(0...7) {
    case 0:
      return .multipleChoice(
        answers: answers(right: int(1...2), others: int(1...3)), multipleAnswers: false)
    case 1:
      let split = pick([
        ["100"], ["50", "50"], ["25", "75"], ["33.33333", "33.33333", "33.33334"],
      ])
      var a = split.map {
        Answer(text: text(), fraction: Self.fraction($0), feedback: maybe { $0.text() })
      }
      a += (0..<int((split.count == 1 ? 1 : 0)...2)).map { _ in
        Answer(text: text(), fraction: Self.fraction(pick(["0", "-50", "-100"])))
      }
      return .multipleChoice(answers: a, multipleAnswers: true)
    case 2:
      return .trueFalse(
        correct: int(0...1) == 1, feedbackWhenTrue: maybe { $0.text() },
        feedbackWhenFalse: maybe { $0.text() })
    case 3:
      var a = answers(right: 1, others: int(0...2)).map { a -> Answer in
        var a = a
        if a.fraction == 0 { a.fraction = 0.5 }
        return a
      }
      // Moodle reads `=` with `->` as matching, so short answers cannot hold an arrow.
      for i in a.indices {
        a[i].text = text(allowArrow: false)
        if !a[i].feedback.isEmpty { a[i].feedback = text(allowArrow: false) }
      }
      return .shortAnswer(answers: a)
    case 4:
      var pairs = (0..<int(3...5)).map { _ in
        MatchPair(text: text(allowArrow: false), match: text())
      }
      if int(0...1) == 0 { pairs.append(MatchPair(text: "", match: text())) }
      return .matching(pairs: pairs)
    case 5:
      var a: [NumericAnswer] = []
      for i in 0..<int(1...3) {
        let v = Double(int(-100_000...100_000)) / 100
        let target: NumericAnswer.Target =
          int(0...1) == 0
          ? .value(v, tolerance: Double(int(0...500)) / 100)
          : .range(min: v, max: v + Double(int(0...1000)) / 10)
        a.append(
          NumericAnswer(
            target: target, fraction: i == 0 ? 1 : Self.fraction(pick(["50", "25", "0"])),
            feedback: maybe { $0.text() }))
      }
      if int(0...1) == 0 {
        a.append(NumericAnswer(target: .anyNumber, fraction: 0, feedback: maybe { $0.text() }))
      }
      return .numerical(answers: a)
    case 6:
      return .essay
    default:
      return .description
    }
  }

  mutating func question(ordinal: Int, category: String?) -> Question {
    let kind = kind()
    let explicit = kind == .description || int(0...3) != 0
    var q = Question(
      id: explicit ? text() + "-\(ordinal)" : "q\(ordinal)", hasExplicitID: explicit,
      category: category, text: text(nonEmpty: false),
      format: pick([.moodle, .html, .plain, .markdown]), kind: kind, line: 0)
    if kind != .description {
      q.generalFeedback = maybe { $0.text() }
      if int(0...3) == 0 {
        // Missing word: the text keeps its trailing blanks, the rest its leading ones.
        var before = ""
        for _ in 0..<int(0...4) { before += pick(Self.pieces) }
        q.text = String(before.drop { isTrimmable($0.asciiValue ?? 1) })
        q.text = q.text.replacingOccurrences("\r", "")
        q.textAfter = pick([" ", "", "\t"]) + text()
      }
    }
    return q
  }

  mutating func file(count: Int) -> ([Question], QuizSettings) {
    var qs: [Question] = []
    var category: String?
    for i in 1...count {
      if int(0...5) == 0 { category = pick([nil, "Maps", "$course$/Top: {x}", "é\\n"]) }
      qs.append(question(ordinal: i, category: category))
    }
    var s = QuizSettings()
    if int(0...1) == 0 {
      s = QuizSettings(
        draw: int(1...9), shuffleAnswers: int(0...1) == 0, maxAttempts: 2, waitMinutes: int(0...60))
    }
    return (qs, s)
  }
}

extension String {
  func replacingOccurrences(_ a: String, _ b: String) -> String {
    split(separator: a, omittingEmptySubsequences: false).joined(separator: b)
  }
}
