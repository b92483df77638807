extension AnswerReader {
  /// `{#3.14:0.01}`, `{#1..5}`, `{# =%100%3.14:0 =%50%3:0.5 ~#feedback for anything else}`.
  mutating func numerical(_ whole: Range<Int>) -> Question.Kind? {
    let b = block
    var r = (whole.lowerBound + 1)..<whole.upperBound
    // Moodle keeps everything from the first `~` as the feedback for any other number.
    var otherwise: String?
    if let tilde = b.find(0x7E, in: r) {
      otherwise = textAndFeedback(b.trim(tilde..<r.upperBound)).1
      r = r.lowerBound..<tilde
    }
    var answers: [NumericAnswer] = []
    for p in pieces(b.trim(r)) {
      var fraction = 1.0
      var body = p
      if let w = weight(p) {
        fraction = w.fraction
        body = w.rest
      }
      let (text, feedback) = textAndFeedback(body)
      guard let target = numericTarget(text) else {
        problem(body.lowerBound, "'\(text)' is not a number, 'value:tolerance' or 'min..max'")
        continue
      }
      answers.append(NumericAnswer(target: target, fraction: fraction, feedback: feedback))
    }
    guard problems.isEmpty else { return nil }
    if answers.isEmpty {
      self.whole("numerical question has no answer")
      return nil
    }
    if !answers.contains(where: { $0.fraction == 1 }) {
      self.whole("no answer marked correct (one answer needs 100%)")
      return nil
    }
    if let otherwise {
      answers.append(
        NumericAnswer(target: .anyNumber, fraction: 0, feedback: otherwise))
    }
    return .numerical(answers: answers)
  }

  /// `min..max`, `value:tolerance` or `value`, as Moodle reads them (separator not first).
  func numericTarget(_ text: String) -> NumericAnswer.Target? {
    let u = Array(text.utf8)
    if let dots = firstIndex(of: [0x2E, 0x2E], in: u), dots > 0 {
      guard let lo = parseNumber(String(decoding: u[..<dots], as: UTF8.self)),
        let hi = parseNumber(String(decoding: u[(dots + 2)...], as: UTF8.self)), lo <= hi
      else { return nil }
      return .range(min: lo, max: hi)
    }
    if let colon = u.firstIndex(of: 0x3A), colon > 0 {
      guard let v = parseNumber(String(decoding: u[..<colon], as: UTF8.self)),
        let t = parseNumber(String(decoding: u[(colon + 1)...], as: UTF8.self))
      else { return nil }
      return .value(v, tolerance: t)
    }
    guard let v = parseNumber(text) else { return nil }
    return .value(v, tolerance: 0)
  }
}

extension NumericAnswer.Target {
  /// Moodle's `*` answer: any number. GIFT writes it as the `~#feedback` after the
  /// answers; it is a range over all numbers so existing switches keep working.
  public static let anyNumber = NumericAnswer.Target.range(min: -.infinity, max: .infinity)

  public var isAnyNumber: Bool { self == .anyNumber }
}

func firstIndex(of pattern: [UInt8], in u: [UInt8]) -> Int? {
  guard u.count >= pattern.count else { return nil }
  var i = 0
  while i + pattern.count <= u.count {
    if u[i] == pattern[0] && u[i + 1] == pattern[1] { return i }
    i += 1
  }
  return nil
}

/// PHP's `is_numeric` syntax: optional surrounding blanks, sign, digits with an optional
/// point, optional exponent. Swift's own parser also takes `inf`, `nan` and hex.
func parseNumber(_ s: String) -> Double? {
  let u = Array(s.utf8)
  var i = 0
  var j = u.count
  while i < j && isTrimmable(u[i]) { i += 1 }
  while j > i && isTrimmable(u[j - 1]) { j -= 1 }
  var out = ""
  if i < j && (u[i] == 0x2B || u[i] == 0x2D) {
    if u[i] == 0x2D { out = "-" }
    i += 1
  }
  var intDigits = ""
  while i < j && isDigit(u[i]) {
    intDigits.unicodeScalars.append(UnicodeScalar(u[i]))
    i += 1
  }
  var fracDigits = ""
  if i < j && u[i] == 0x2E {
    i += 1
    while i < j && isDigit(u[i]) {
      fracDigits.unicodeScalars.append(UnicodeScalar(u[i]))
      i += 1
    }
  }
  guard !intDigits.isEmpty || !fracDigits.isEmpty else { return nil }
  out += (intDigits.isEmpty ? "0" : intDigits) + "." + (fracDigits.isEmpty ? "0" : fracDigits)
  if i < j && (u[i] == 0x65 || u[i] == 0x45) {
    i += 1
    var exp = "e"
    if i < j && (u[i] == 0x2B || u[i] == 0x2D) {
      exp.unicodeScalars.append(UnicodeScalar(u[i]))
      i += 1
    }
    var expDigits = 0
    while i < j && isDigit(u[i]) {
      exp.unicodeScalars.append(UnicodeScalar(u[i]))
      i += 1
      expDigits += 1
    }
    guard expDigits > 0 else { return nil }
    out += exp
  }
  guard i == j, let v = Double(out), v.isFinite else { return nil }
  return v
}

/// A number as GIFT and JSON write it: no `.0` on whole numbers, shortest round-trip form.
func formatNumber(_ v: Double) -> String {
  if v == v.rounded(), abs(v) < 1e15 { return String(Int64(v)) }
  return "\(v)"
}
