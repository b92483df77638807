/// Grading as Moodle's question types do it, for one response.
enum Grader {
  static func grade(_ q: Question, _ response: Response) -> Grade {
    switch q.kind {
    case .multipleChoice(let answers, let multiple):
      let chosen: [Int]
      switch response {
      case .choice(let i): chosen = [i]
      case .choices(let s): chosen = s.sorted()
      default: chosen = []
      }
      let picked = chosen.filter { answers.indices.contains($0) }.map { answers[$0] }
      if !multiple && picked.count > 1 { return Grade(fraction: 0) }
      // Single: the answer's fraction; several: the sum. Both kept within 0…1.
      let sum = picked.reduce(0.0) { $0 + $1.fraction }
      return Grade(fraction: clamp(sum), feedback: picked.map(\.feedback).filter { !$0.isEmpty })

    case .trueFalse(let correct, let whenTrue, let whenFalse):
      guard case .trueFalse(let said) = response else { return Grade(fraction: 0) }
      let feedback = said ? whenTrue : whenFalse
      return Grade(fraction: said == correct ? 1 : 0, feedback: feedback.isEmpty ? [] : [feedback])

    case .shortAnswer(let answers):
      guard case .text(let said) = response else { return Grade(fraction: 0) }
      // Moodle takes the first answer, in file order, whose pattern matches.
      guard let hit = answers.first(where: { wildcardMatches(said, pattern: $0.text) }) else {
        return Grade(fraction: 0)
      }
      return Grade(
        fraction: clamp(hit.fraction), feedback: hit.feedback.isEmpty ? [] : [hit.feedback])

    case .numerical(let answers):
      let value: Double?
      switch response {
      case .number(let v): value = v
      case .text(let s): value = parseNumber(s)
      default: value = nil
      }
      guard let value, value.isFinite else { return Grade(fraction: 0) }
      guard let hit = answers.first(where: { accepts($0.target, value) }) else {
        return Grade(fraction: 0)
      }
      return Grade(
        fraction: clamp(hit.fraction), feedback: hit.feedback.isEmpty ? [] : [hit.feedback])

    case .matching(let pairs):
      guard case .matches(let chosen) = response else { return Grade(fraction: 0) }
      // Pairs with nothing before `->` only add wrong choices; they are not asked.
      let asked = pairs.indices.filter { !pairs[$0].text.isEmpty }
      guard !asked.isEmpty else { return Grade(fraction: 0) }
      let right = asked.filter { chosen[$0] == pairs[$0].match }.count
      return Grade(fraction: clamp(Double(right) / Double(asked.count)))

    case .essay:
      return Grade(fraction: 0, needsManualGrading: true)

    case .description:
      return Grade(fraction: 0)
    }
  }

  /// Within 0…1, and rounded to 7 decimals as Moodle stores fractions (NUMBER(12,7)):
  /// three answers at 33.33333%, 33.33333% and 33.33334% make exactly 1.
  static func clamp(_ x: Double) -> Double {
    (min(max(x, 0), 1) * 1e7).rounded() / 1e7
  }

  /// Moodle widens every tolerance by 10^-14 (PHP's precision) so equal-looking values match.
  static func accepts(_ target: NumericAnswer.Target, _ v: Double) -> Bool {
    let epsilon = 1e-14
    switch target {
    case .value(let x, let tolerance):
      let t = abs(tolerance) + epsilon
      return x - t <= v && v <= x + t
    case .range(let lo, let hi):
      return lo - epsilon <= v && v <= hi + epsilon
    }
  }

  /// Moodle's short-answer compare: the response trimmed, case folded, and `*` in the
  /// answer matching any run of characters (`\*` is a literal star).
  static func wildcardMatches(_ response: String, pattern: String) -> Bool {
    let s = Array(trimPHP(response).lowercased())
    // Pattern as tokens: nil for a wildcard run, a character otherwise.
    var p: [Character?] = []
    var chars = Array(pattern.lowercased())[...]
    while let c = chars.popFirst() {
      if c == "\\", chars.first == "*" {
        chars.removeFirst()
        p.append("*")
      } else if c == "*" {
        if p.last != .some(nil) { p.append(nil) }
      } else {
        p.append(c)
      }
    }
    // Greedy match with one backtrack point: linear for the common cases.
    var i = 0
    var j = 0
    var star = -1
    var mark = 0
    while i < s.count {
      if j < p.count, let c = p[j], c == s[i] {
        i += 1
        j += 1
      } else if j < p.count, p[j] == nil {
        star = j
        mark = i
        j += 1
      } else if star >= 0 {
        j = star + 1
        mark += 1
        i = mark
      } else {
        return false
      }
    }
    while j < p.count && p[j] == nil { j += 1 }
    return j == p.count
  }
}

func trimPHP(_ s: String) -> String {
  let u = Array(s.utf8)
  var lo = 0
  var hi = u.count
  while lo < hi && isTrimmable(u[lo]) { lo += 1 }
  while hi > lo && isTrimmable(u[hi - 1]) { hi -= 1 }
  return String(decoding: u[lo..<hi], as: UTF8.self)
}

extension GIFT {
  /// A quiz score: the weighted mean of question fractions (Moodle sums marks, which is
  /// the same). Zero weights (descriptions) do not count; no weight at all gives 0.
  public static func score(grades: [Grade], weights: [Double]? = nil) -> Double {
    var total = 0.0
    var weightSum = 0.0
    for (i, g) in grades.enumerated() {
      let w = weights.map { i < $0.count ? $0[i] : 1 } ?? 1
      total += w * g.fraction
      weightSum += w
    }
    return weightSum > 0 ? total / weightSum : 0
  }
}
