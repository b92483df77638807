/// The check every writer of a quiz runs before it replaces a file: read the text it is
/// about to write and compare it with the questions it meant to write. GIFT has no escape
/// for some texts (a `->` in a short answer that has several answers reads as matching), so
/// a writer cannot promise more than "the same, or nothing written".
extension GIFT {
  /// What would change if `text` replaced the questions and settings a writer meant to
  /// write; empty when it reads back the same. Each problem names the question (by its
  /// line in the original, `line`) and the field.
  public static func roundTripProblems(
    _ questions: [Question], settings: QuizSettings, in text: String, path: String = "<input>"
  ) -> [GIFTError] {
    let again = parse(text, path: path)
    var out: [GIFTError] = []
    func problem(_ line: Int, _ message: String) {
      out.append(GIFTError(path: path, line: line, column: 1, message: message))
    }
    if let e = again.errors.first {
      // Where the written text breaks is where the question is in the new layout; name
      // the question that was meant to be there.
      let written = Set(again.questions.map(\.id))
      let meant = questions.first { !written.contains($0.id) }
      problem(
        meant?.line ?? 1,
        "\(meant.map { "question '\($0.id)': " } ?? "")the text written would not read back"
          + " (\(e.line):\(e.column): \(e.message)); nothing was written")
      return out
    }
    if again.settings != settings {
      problem(1, "the quiz settings would change")
    }
    let n = min(questions.count, again.questions.count)
    for i in 0..<n {
      let a = questions[i]
      let b = again.questions[i]
      if let field = RoundTrip.firstDifference(a, b) {
        problem(a.line, "question '\(a.id)': \(field) would change; nothing was written")
      }
    }
    if questions.count != again.questions.count {
      problem(
        questions.dropFirst(n).first?.line ?? 1,
        "\(questions.count) questions would be written as \(again.questions.count)")
    }
    return out
  }
}

enum RoundTrip {
  /// The first field that differs between what was meant (`a`) and what reads back (`b`),
  /// in words a trainer understands; the line is where it was, so it is not compared.
  static func firstDifference(_ a: Question, _ b: Question) -> String? {
    if a.id != b.id || a.hasExplicitID != b.hasExplicitID { return "its id" }
    if a.category != b.category { return "its category" }
    if a.kind.typeName != b.kind.typeName {
      return "its type (\(a.kind.typeName) → \(b.kind.typeName))"
    }
    if a.text != b.text { return "its text" }
    if a.textAfter != b.textAfter { return "the text after its answers" }
    if a.format != b.format { return "its text format" }
    if a.generalFeedback != b.generalFeedback { return "its general feedback" }
    switch (a.kind, b.kind) {
    case (.multipleChoice(let x, let mx), .multipleChoice(let y, let my)):
      if mx != my { return "whether several answers may be chosen" }
      return answers(x, y)
    case (.shortAnswer(let x), .shortAnswer(let y)):
      return answers(x, y)
    case (.trueFalse(let c, let t, let f), .trueFalse(let d, let u, let g)):
      if c != d { return "its key (true/false)" }
      if t != u { return "the feedback for 'true'" }
      if f != g { return "the feedback for 'false'" }
    case (.matching(let x), .matching(let y)):
      if x.count != y.count { return "the number of pairs" }
      for (i, (p, q)) in zip(x, y).enumerated() {
        if p.text != q.text { return "pair \(i + 1)'s text" }
        if p.match != q.match { return "pair \(i + 1)'s match" }
      }
    case (.numerical(let x), .numerical(let y)):
      if x.count != y.count { return "the number of answers" }
      for (i, (p, q)) in zip(x, y).enumerated() {
        if p.target != q.target { return "answer \(i + 1)'s number" }
        if p.fraction != q.fraction { return "answer \(i + 1)'s weight" }
        if p.feedback != q.feedback { return "answer \(i + 1)'s feedback" }
      }
    default:
      break
    }
    return nil
  }

  static func answers(_ x: [Answer], _ y: [Answer]) -> String? {
    if x.count != y.count { return "the number of answers (\(x.count) → \(y.count))" }
    for (i, (p, q)) in zip(x, y).enumerated() {
      if p.text != q.text { return "answer \(i + 1)'s text" }
      if p.fraction != q.fraction { return "answer \(i + 1)'s weight" }
      if p.feedback != q.feedback { return "answer \(i + 1)'s feedback" }
    }
    return nil
  }
}

extension Question.Kind {
  /// Moodle's type names, for messages.
  var typeName: String {
    switch self {
    case .multipleChoice: return "multiple choice"
    case .trueFalse: return "true/false"
    case .shortAnswer: return "short answer"
    case .matching: return "matching"
    case .numerical: return "numerical"
    case .essay: return "essay"
    case .description: return "description"
    }
  }
}
