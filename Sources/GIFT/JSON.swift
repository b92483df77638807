/// `relais quiz inspect --json`: written by hand so the module needs nothing but the stdlib.
enum JSONWriter {
  static func questions(_ qs: [Question]) -> String {
    if qs.isEmpty { return "[]" }
    return "[\n" + qs.map(question).joined(separator: ",\n") + "\n]"
  }

  static func question(_ q: Question) -> String {
    var fields: [(String, String)] = [
      ("id", string(q.id)),
      ("type", string(q.moodleType)),
      ("text", string(q.text)),
    ]
    if !q.textAfter.isEmpty { fields.append(("textafter", string(q.textAfter))) }
    fields.append(("format", string(q.format.rawValue)))
    if let c = q.category { fields.append(("category", string(c))) }
    switch q.kind {
    case .multipleChoice(let answers, let multiple):
      fields.append(("single", multiple ? "false" : "true"))
      fields.append(("answers", array(answers.map(answer))))
    case .shortAnswer(let answers):
      fields.append(("answers", array(answers.map(answer))))
    case .trueFalse(let correct, let whenTrue, let whenFalse):
      fields.append(("correct", correct ? "true" : "false"))
      fields.append(
        (
          "answers",
          array([
            object([
              ("text", string("true")), ("fraction", correct ? "1" : "0"),
              ("feedback", string(whenTrue)),
            ]),
            object([
              ("text", string("false")), ("fraction", correct ? "0" : "1"),
              ("feedback", string(whenFalse)),
            ]),
          ])
        ))
    case .matching(let pairs):
      fields.append(
        (
          "answers",
          array(pairs.map { object([("text", string($0.text)), ("match", string($0.match))]) })
        ))
    case .numerical(let answers):
      fields.append(("answers", array(answers.map(numeric))))
    case .essay, .description:
      fields.append(("answers", "[]"))
    }
    fields.append(("generalfeedback", string(q.generalFeedback)))
    fields.append(("line", String(q.line)))
    return object(fields)
  }

  static func answer(_ a: Answer) -> String {
    object([
      ("text", string(a.text)), ("fraction", formatNumber(a.fraction)),
      ("feedback", string(a.feedback)),
    ])
  }

  static func numeric(_ a: NumericAnswer) -> String {
    var fields: [(String, String)] = []
    switch a.target {
    case _ where a.target.isAnyNumber:
      // Moodle stores this answer as `*`.
      fields.append(("value", string("*")))
    case .value(let v, let t):
      fields += [("value", formatNumber(v)), ("tolerance", formatNumber(t))]
    case .range(let lo, let hi):
      fields += [("min", formatNumber(lo)), ("max", formatNumber(hi))]
    }
    fields += [("fraction", formatNumber(a.fraction)), ("feedback", string(a.feedback))]
    return object(fields)
  }

  static func object(_ fields: [(String, String)]) -> String {
    "{" + fields.map { "\"\($0.0)\":\($0.1)" }.joined(separator: ",") + "}"
  }

  static func array(_ items: [String]) -> String { "[" + items.joined(separator: ",") + "]" }

  /// A JSON string: quotes, backslashes and control characters escaped; the rest as UTF-8.
  static func string(_ s: String) -> String {
    var out: [UInt8] = [0x22]
    out.reserveCapacity(s.utf8.count + 2)
    let hex = Array("0123456789abcdef".utf8)
    for b in s.utf8 {
      switch b {
      case 0x22: out += [0x5C, 0x22]
      case 0x5C: out += [0x5C, 0x5C]
      case 0x0A: out += [0x5C, UInt8(ascii: "n")]
      case 0x0D: out += [0x5C, UInt8(ascii: "r")]
      case 0x09: out += [0x5C, UInt8(ascii: "t")]
      case 0..<0x20:
        out += Array("\\u00".utf8) + [hex[Int(b >> 4)], hex[Int(b & 15)]]
      default: out.append(b)
      }
    }
    out.append(0x22)
    return String(decoding: out, as: UTF8.self)
  }
}
