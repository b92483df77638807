/// A quiz's answer key in a form a second reader checks in minutes: for every question, its
/// text, the answer(s) that earn credit, and the feedback a learner giving that answer sees.
/// A key letter set the wrong way (`{T#Wrong…#Correct…}` on a false statement) is invisible
/// to any keyword check, but obvious when the statement, "TRUE" and "Correct." sit on one
/// line. Used by `relais quiz review` and the trainers' review page.
public struct KeyLine: Sendable, Equatable {
  public var id: String
  public var line: Int
  /// Moodle's type name (`multichoice`, `truefalse`, …).
  public var type: String
  /// The question text on one line (its text after a missing-word blank joined with `___`).
  public var text: String
  /// Each keyed answer with the feedback shown for it.
  public var keys: [(answer: String, feedback: String)]

  public static func == (a: KeyLine, b: KeyLine) -> Bool {
    a.id == b.id && a.line == b.line && a.type == b.type && a.text == b.text
      && a.keys.map(\.answer) == b.keys.map(\.answer)
      && a.keys.map(\.feedback) == b.keys.map(\.feedback)
  }

  /// `LINE  ID [type]  text  =>  key  # feedback` (several keys separated by ` | `).
  public var plain: String {
    let k = keys.map { $0.feedback.isEmpty ? $0.answer : "\($0.answer)  # \($0.feedback)" }
    return "\(line)  \(id) [\(type)]  \(text)  =>  " + k.joined(separator: "  |  ")
  }
}

extension GIFT {
  /// One line per gradable question, in file order (descriptions are skipped).
  public static func keySheet(_ questions: [Question]) -> [KeyLine] {
    questions.compactMap { q in
      let text = oneLine(q.textAfter.isEmpty ? q.text : q.text + " ___ " + q.textAfter)
      var keys: [(String, String)] = []
      switch q.kind {
      case .description:
        return nil
      case .essay:
        keys = [("(essay: marked by a trainer)", q.generalFeedback)]
      case .trueFalse(let correct, let whenTrue, let whenFalse):
        keys = [(correct ? "TRUE" : "FALSE", correct ? whenTrue : whenFalse)]
      case .multipleChoice(let answers, let multiple):
        for a in answers where multiple ? a.fraction > 0 : a.fraction >= 1 {
          let weight = a.fraction < 1 ? " (\(formatNumber(a.fraction * 100))%)" : ""
          keys.append((a.text + weight, a.feedback))
        }
      case .shortAnswer(let answers):
        for a in answers where a.fraction > 0 {
          let weight = a.fraction < 1 ? " (\(formatNumber(a.fraction * 100))%)" : ""
          keys.append((a.text + weight, a.feedback))
        }
      case .matching(let pairs):
        keys = [
          (
            pairs.filter { !$0.text.isEmpty }.map { "\($0.text) → \($0.match)" }
              .joined(separator: "; "), ""
          )
        ]
      case .numerical(let answers):
        for a in answers where a.fraction > 0 {
          let target: String
          switch a.target {
          case .value(let v, let t):
            target = t == 0 ? formatNumber(v) : "\(formatNumber(v)) ± \(formatNumber(t))"
          case .range(let lo, let hi): target = "\(formatNumber(lo))…\(formatNumber(hi))"
          }
          let weight = a.fraction < 1 ? " (\(formatNumber(a.fraction * 100))%)" : ""
          keys.append((target + weight, a.feedback))
        }
      }
      return KeyLine(
        id: q.id, line: q.line, type: q.moodleType, text: text,
        keys: keys.map { (answer: oneLine($0.0), feedback: oneLine($0.1)) })
    }
  }

  /// Line breaks and tabs as spaces: a key sheet line is one line.
  static func oneLine(_ s: String) -> String {
    String(s.map { $0.isNewline || $0 == "\t" ? " " : $0 })
  }
}
