import Catalog
import GIFT
import Storage

/// Per-question answers for a synthetic attempt, so demo data feeds the trainers' question
/// statistics and the xAPI `answered` statements like real use would. Each question is
/// answered right with the attempt's target probability; the fraction comes from grading the
/// response, and the attempt's score is their mean. Essays and descriptions are left out (an
/// essay would wait for a trainer). Encoded responses are cached: a million answers share a
/// few hundred distinct ones.
struct DemoAnswers {
  private var encoded: [String: String] = [:]

  /// Writes the answers of attempt `id` for `quiz`; returns the score they make, or nil when
  /// the quiz has no gradable question.
  mutating func write(
    _ c: Connection, attempt id: String, quiz: Quiz?, target: Double,
    using rng: inout SplitMix64
  ) throws -> Double? {
    guard let quiz else { return nil }
    var total = 0.0
    var count = 0
    for (position, q) in quiz.questions.enumerated() {
      let right = Double.random(in: 0..<1, using: &rng) < target
      guard let (variant, response) = Self.response(q, right: right, using: &rng) else {
        continue
      }
      let fraction = max(0, GIFT.grade(q, response).fraction)
      let key = q.id + "\u{0}" + variant
      let text = encoded[key] ?? ResponseCodec.encode(response)
      encoded[key] = text
      try c.execute(
        "INSERT INTO answers(attempt_id, question_id, position, response, fraction, needs_grading) VALUES (?,?,?,?,?,0)",
        [id, q.id, position, text, fraction])
      total += fraction
      count += 1
    }
    return count == 0 ? nil : total / Double(count)
  }

  /// A response and a name for it (for the cache): the best one when `right`, else a
  /// plausible wrong one.
  static func response(_ q: Question, right: Bool, using rng: inout SplitMix64) -> (
    String, Response
  )? {
    switch q.kind {
    case .multipleChoice(let answers, let multiple):
      guard !answers.isEmpty else { return nil }
      let good = answers.indices.filter { answers[$0].fraction > 0 }
      let bad = answers.indices.filter { answers[$0].fraction <= 0 }
      if multiple {
        if right || bad.isEmpty { return ("all", .choices(Set(good))) }
        let i = bad[Int.random(in: 0..<bad.count, using: &rng)]
        return ("w\(i)", .choices([i]))
      }
      let best = answers.indices.max { answers[$0].fraction < answers[$1].fraction } ?? 0
      if right || bad.isEmpty { return ("c\(best)", .choice(best)) }
      let i = bad[Int.random(in: 0..<bad.count, using: &rng)]
      return ("w\(i)", .choice(i))
    case .trueFalse(let correct, _, _):
      return (right ? "t" : "f", .trueFalse(right ? correct : !correct))
    case .shortAnswer(let answers):
      guard let best = answers.max(by: { $0.fraction < $1.fraction }) else { return nil }
      return right ? ("r", .text(best.text)) : ("x", .text("not sure"))
    case .matching(let pairs):
      guard !pairs.isEmpty else { return nil }
      var m: [Int: String] = [:]
      // Wrong: every match moved one place along.
      for i in pairs.indices { m[i] = pairs[right ? i : (i + 1) % pairs.count].match }
      return (right ? "r" : "x", .matches(m))
    case .numerical(let answers):
      guard let a = answers.max(by: { $0.fraction < $1.fraction }) else { return nil }
      let value: Double
      switch a.target {
      case .value(let v, _): value = v
      case .range(let lo, _): value = lo
      }
      return right ? ("r", .number(value)) : ("x", .number(value + 1_000))
    case .essay, .description:
      return nil
    }
  }
}
