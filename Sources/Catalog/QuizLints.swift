import GIFT

/// Warnings about what a machine can see in a quiz's keys (issue 17): feedback whose first
/// word contradicts the answer it is attached to, answers without feedback, correct answers
/// that sit in one position when answers are not shuffled, and translations whose key or
/// answer count differs from the English. What only a person can judge goes on the key
/// sheet (`relais quiz review`).
enum QuizLints {
  static func check(_ quizzes: Localized<Quiz>) -> [ContentProblem] {
    var out: [ContentProblem] = []
    for lang in quizzes.values.keys.sorted() {
      guard let quiz = quizzes.values[lang] else { continue }
      for q in quiz.questions {
        out += feedbackProblems(q, path: quiz.path)
      }
      if let bias = positionBias(quiz) { out.append(bias) }
      if lang != .reference, let ref = quizzes.values[.reference] {
        out += translationProblems(quiz, reference: ref)
      }
    }
    return out
  }

  static func warning(_ path: String, _ line: Int, _ message: String) -> ContentProblem {
    ContentProblem(path: path, line: line, message: message, severity: .warning)
  }

  // MARK: Feedback

  static func feedbackProblems(_ q: Question, path: String) -> [ContentProblem] {
    var out: [ContentProblem] = []
    func contradiction(_ answer: String, right: Bool, _ feedback: String) {
      guard let tone = FeedbackTone.of(feedback), tone.isPositive != right else { return }
      out.append(
        warning(
          path, q.line,
          "question '\(q.id)': the feedback for the \(right ? "keyed" : "wrong") answer \(answer) "
            + "begins '\(tone.cue)'; is the key right?"))
    }
    switch q.kind {
    case .trueFalse(let correct, let whenTrue, let whenFalse):
      contradiction("TRUE", right: correct, whenTrue)
      contradiction("FALSE", right: !correct, whenFalse)
      let missing = [whenTrue.isEmpty ? "TRUE" : nil, whenFalse.isEmpty ? "FALSE" : nil]
        .compactMap { $0 }
      if !missing.isEmpty {
        out.append(
          warning(
            path, q.line,
            "question '\(q.id)': no feedback for \(missing.joined(separator: " or "))"))
      }
    case .multipleChoice(let answers, _):
      for (i, a) in answers.enumerated() where a.fraction >= 1 || a.fraction <= 0 {
        contradiction("\(i + 1) ('\(a.text.prefix(30))')", right: a.fraction > 0, a.feedback)
      }
      let missing = answers.indices.filter { answers[$0].feedback.isEmpty }.map { "\($0 + 1)" }
      if !missing.isEmpty {
        out.append(
          warning(
            path, q.line,
            "question '\(q.id)': answer\(missing.count > 1 ? "s" : "") "
              + "\(missing.joined(separator: ", ")) \(missing.count > 1 ? "have" : "has") no feedback"
          ))
      }
    case .shortAnswer(let answers):
      for (i, a) in answers.enumerated() where a.fraction >= 1 {
        contradiction("\(i + 1) ('\(a.text.prefix(30))')", right: true, a.feedback)
      }
    default:
      break
    }
    return out
  }

  // MARK: Position of the key

  /// When a quiz shows its answers in file order, the position of the correct answer in its
  /// single-answer multiple-choice questions should look like chance. The tail probability
  /// of the most used position (Poisson binomial: question i puts it there with chance 1/n_i)
  /// times the number of positions (Bonferroni) below 5% is reported: four questions out of
  /// four keyed first among three choices is (p = 0.04), three out of four is not (p = 0.33).
  static func positionBias(_ quiz: Quiz) -> ContentProblem? {
    guard !quiz.settings.shufflesAnswers else { return nil }
    var keyed: [(position: Int, choices: Int)] = []
    for q in quiz.questions {
      guard case .multipleChoice(let answers, false) = q.kind,
        let i = answers.firstIndex(where: { $0.fraction >= 1 })
      else { continue }
      keyed.append((i, answers.count))
    }
    let positions = keyed.map(\.choices).max() ?? 0
    guard keyed.count >= 3, positions >= 2 else { return nil }
    var worst: (position: Int, count: Int, p: Double)?
    for j in 0..<positions {
      let count = keyed.filter { $0.position == j }.count
      let chances = keyed.filter { $0.choices > j }.map { 1 / Double($0.choices) }
      let p = min(1, tail(chances, atLeast: count) * Double(positions))
      if p < (worst?.p ?? 1) { worst = (j, count, p) }
    }
    guard let worst, worst.p < 0.05 else { return nil }
    return warning(
      quiz.path, 1,
      "answers are not shuffled and the correct answer is option \(worst.position + 1) in "
        + "\(worst.count) of \(keyed.count) multiple-choice questions (chance: p = "
        + "\(String(format: "%.1g", worst.p))); remove '// @shuffle: false' or vary the positions")
  }

  /// P(X ≥ k) for X the number of successes of independent trials with chances `p`.
  static func tail(_ p: [Double], atLeast k: Int) -> Double {
    var dist = [1.0]  // dist[m] = P(m successes so far)
    for pi in p {
      var next = [Double](repeating: 0, count: dist.count + 1)
      for (m, v) in dist.enumerated() {
        next[m] += v * (1 - pi)
        next[m + 1] += v * pi
      }
      dist = next
    }
    return k <= 0 ? 1 : dist.dropFirst(k).reduce(0, +)
  }

  // MARK: Translations

  static func translationProblems(_ t: Quiz, reference ref: Quiz) -> [ContentProblem] {
    var out: [ContentProblem] = []
    for q in t.questions {
      guard let r = ref.question(q.id) else { continue }
      let there = "\(ref.path):\(r.line)"
      func say(_ message: String) {
        out.append(warning(t.path, q.line, "question '\(q.id)': \(message) (\(there))"))
      }
      switch (q.kind, r.kind) {
      case (.trueFalse(let a, _, _), .trueFalse(let b, _, _)) where a != b:
        say("keyed \(a ? "TRUE" : "FALSE") here but \(b ? "TRUE" : "FALSE") in English")
      case (.multipleChoice(let a, _), .multipleChoice(let b, _)):
        if a.count != b.count {
          say("\(a.count) answers here but \(b.count) in English")
        } else if a.map(\.fraction) != b.map(\.fraction) {
          say("the keyed answers differ from the English (\(keys(a)) here, \(keys(b)) there)")
        }
      case (.matching(let a), .matching(let b)) where a.count != b.count:
        say("\(a.count) pairs here but \(b.count) in English")
      case (.numerical(let a), .numerical(let b))
      where a.map(\.target) != b.map(\.target) || a.map(\.fraction) != b.map(\.fraction):
        say("the numbers or weights differ from the English")
      default:
        break
      }
    }
    return out
  }

  /// `1` or `1, 3` (answers with credit, numbered from 1).
  static func keys(_ answers: [Answer]) -> String {
    answers.indices.filter { answers[$0].fraction > 0 }.map { "\($0 + 1)" }
      .joined(separator: ", ")
  }
}

/// Whether a feedback opens by calling the answer right or wrong, in English or French:
/// a cue word at the very start, followed by punctuation or nothing ("No." but not "No one").
struct FeedbackTone {
  var isPositive: Bool
  /// The words as written, for the message.
  var cue: String

  static let negative = [
    "not quite", "not really", "not exactly", "incorrect", "wrong", "nope", "no",
    "pas tout à fait", "pas vraiment", "pas exactement", "mauvaise réponse", "faux", "non",
  ]
  static let positive = [
    "exactly", "correct", "right", "yes", "well done", "that's right", "that’s right",
    "exactement", "tout à fait", "bonne réponse", "bien vu", "bravo", "juste", "exact", "oui",
    "c'est juste", "c’est juste", "c'est ça", "c’est ça",
  ]

  static func of(_ feedback: String) -> FeedbackTone? {
    // Markup or a symbol before the word (`**Right.**`, `✔ Yes`) does not hide it.
    let text = feedback.drop { !$0.isLetter }
    let lower = text.lowercased()
    for (cues, positive) in [(negative, false), (positive, true)] {
      for cue in cues where lower.hasPrefix(cue) {
        let rest = lower.dropFirst(cue.count).drop {
          $0 == " " || $0 == "\u{A0}" || $0 == "\u{202F}"
        }
        guard let next = rest.first else {
          return FeedbackTone(isPositive: positive, cue: String(text.prefix(cue.count)))
        }
        if ".,:;!?…—–-)".contains(next) {
          return FeedbackTone(isPositive: positive, cue: String(text.prefix(cue.count)))
        }
      }
    }
    return nil
  }
}
