/// Reads what is between `{` and `}` (general feedback already removed) and decides the
/// question type in Moodle's order: empty → essay, `#` first → numerical, any `~` →
/// multiple choice, `=` with `->` → matching, `T`/`F`/`TRUE`/`FALSE` → true/false, else
/// short answer.
struct AnswerReader {
  let block: Block
  let format: Question.TextFormat
  /// Where the `{` is in the file: problems with the whole block point there.
  let braceOffset: Int
  var problems: [(Int, String)] = []

  init(block: Block, format: Question.TextFormat, braceOffset: Int) {
    self.block = block
    self.format = format
    self.braceOffset = braceOffset
  }

  mutating func read(_ r: Range<Int>) -> Question.Kind? {
    let b = block
    if r.isEmpty { return .essay }
    if b.isSyntax(r.lowerBound, 0x23) { return numerical(r) }
    if b.find(0x7E, in: r) != nil { return multipleChoice(r) }
    if b.find(0x3D, in: r) != nil, b.find(0x2D, 0x3E, in: r) != nil { return matching(r) }
    if let tf = trueFalse(r) { return tf }
    return shortAnswer(r)
  }

  mutating func problem(_ i: Int, _ message: String) {
    problems.append((i < block.count ? block.origin[i] : braceOffset, message))
  }

  /// A problem with the whole answer block points at its `{`.
  mutating func whole(_ message: String) {
    problems.append((braceOffset, message))
  }

  /// Answers split at unescaped `=` (delimiter dropped); an empty first piece is dropped.
  func pieces(_ r: Range<Int>) -> [Range<Int>] {
    var parts = block.split(r, at: 0x3D).map { block.trim($0) }
    if let first = parts.first, first.isEmpty { parts.removeFirst() }
    return parts
  }

  /// Moodle's `commentparser`: text and feedback split at the first unescaped `#`.
  func textAndFeedback(_ r: Range<Int>) -> (String, String) {
    if let hash = block.find(0x23, in: r) {
      let text = formatted(block, block.trim(r.lowerBound..<hash), default: format).0
      let feedback = formatted(block, block.trim((hash + 1)..<r.upperBound), default: format).0
      return (text, feedback)
    }
    return (formatted(block, r, default: format).0, "")
  }

  /// A leading `%n%` weight, matched as Moodle's `^%-*[0-9]{1,2}\.?[0-9]*%`.
  mutating func weight(_ r: Range<Int>) -> (fraction: Double, rest: Range<Int>)? {
    let bytes = block.bytes
    var i = r.lowerBound
    let end = r.upperBound
    guard i < end, bytes[i] == 0x25 else { return nil }
    i += 1
    let valueStart = i
    var minus = 0
    while i < end && bytes[i] == 0x2D {
      minus += 1
      i += 1
    }
    var digits = 0
    while i < end && isDigit(bytes[i]) && digits < 2 {
      digits += 1
      i += 1
    }
    guard digits > 0 else { return nil }
    if i < end && bytes[i] == 0x2E { i += 1 }
    while i < end && isDigit(bytes[i]) { i += 1 }
    guard i < end, bytes[i] == 0x25 else { return nil }
    let raw = minus > 1 ? "" : String(decoding: bytes[valueStart..<i], as: UTF8.self)
    // Shortened: the weight is quoted in error messages.
    let shown = String(decoding: bytes[valueStart..<min(i, valueStart + 12)], as: UTF8.self)
    let rest = block.trim((i + 1)..<end)
    guard minus <= 1, let percent = parseNumber(raw) else {
      problem(r.lowerBound, "invalid weight %\(shown)%")
      return (0, rest)
    }
    if percent > 100 || percent < -100 {
      problem(r.lowerBound, "weight %\(shown)% is outside -100%…100%")
    }
    return (percent / 100, rest)
  }

  mutating func multipleChoice(_ r: Range<Int>) -> Question.Kind? {
    let b = block
    // Moodle decides: no `=` anywhere means several answers may be ticked.
    let multiple = b.find(0x3D, in: r) == nil
    // Every unescaped `~` or `=` starts an answer; `=` stays to mark it right.
    var parts: [Range<Int>] = []
    var start = r.lowerBound
    for i in r where b.isSyntax(i, 0x7E) || b.isSyntax(i, 0x3D) {
      parts.append(start..<i)
      start = b.bytes[i] == 0x7E ? i + 1 : i
    }
    parts.append(start..<r.upperBound)
    parts = parts.map { b.trim($0) }
    if parts.first?.isEmpty == true { parts.removeFirst() }

    var answers: [Answer] = []
    for p in parts {
      var fraction = 0.0
      var body = p
      if !p.isEmpty && b.isSyntax(p.lowerBound, 0x3D) {
        fraction = 1
        body = b.trim((p.lowerBound + 1)..<p.upperBound)
      } else if let w = weight(p) {
        fraction = w.fraction
        body = w.rest
      }
      let (text, feedback) = textAndFeedback(body)
      // Moodle does not save answers without text.
      if text.isEmpty { continue }
      answers.append(Answer(text: text, fraction: fraction, feedback: feedback))
    }
    guard problems.isEmpty else { return nil }
    if answers.count < 2 {
      whole("multiple choice question needs at least 2 answers")
      return nil
    }
    if multiple {
      let total = answers.reduce(0.0) { $0 + max($1.fraction, 0) }
      if total == 0 {
        whole("no answer marked correct (use = or a positive %weight%)")
        return nil
      }
      if (total * 100).rounded() != 100 {
        whole(
          "the positive weights add up to \(formatNumber(total * 100))%, not 100%")
        return nil
      }
    } else if !answers.contains(where: { $0.fraction == 1 }) {
      whole("no answer marked correct")
      return nil
    }
    return .multipleChoice(answers: answers, multipleAnswers: multiple)
  }

  mutating func matching(_ r: Range<Int>) -> Question.Kind? {
    let b = block
    var pairs: [MatchPair] = []
    for p in pieces(r) {
      guard let arrow = b.find(0x2D, 0x3E, in: p) else {
        problem(p.lowerBound, "matching answer needs 'text -> match'")
        continue
      }
      let text = formatted(b, b.trim(p.lowerBound..<arrow), default: format).0
      let match = b.text((arrow + 2)..<p.upperBound)
      pairs.append(MatchPair(text: text, match: match))
    }
    guard problems.isEmpty else { return nil }
    if pairs.count < 3 {
      whole("matching question needs at least 3 pairs")
      return nil
    }
    if pairs.filter({ !$0.text.isEmpty }).count < 2 {
      whole("matching question needs at least 2 pairs with text before '->'")
      return nil
    }
    return .matching(pairs: pairs)
  }

  /// Moodle's `split_truefalse_comment`: `T#shown if wrong#shown if right`.
  func trueFalse(_ r: Range<Int>) -> Question.Kind? {
    let b = block
    let parts = b.split(r, at: 0x23)
    let head = b.text(parts[0])
    let correct: Bool
    switch head {
    case "T", "TRUE": correct = true
    case "F", "FALSE": correct = false
    default: return nil
    }
    // The third part keeps any further `#`, as explode with a limit does.
    let wrong = parts.count > 1 ? formatted(b, b.trim(parts[1]), default: format).0 : ""
    let right =
      parts.count > 2
      ? formatted(b, b.trim(parts[2].lowerBound..<r.upperBound), default: format).0 : ""
    return .trueFalse(
      correct: correct,
      feedbackWhenTrue: correct ? right : wrong,
      feedbackWhenFalse: correct ? wrong : right)
  }

  mutating func shortAnswer(_ r: Range<Int>) -> Question.Kind? {
    var answers: [Answer] = []
    for p in pieces(r) {
      var fraction = 1.0
      var body = p
      if let w = weight(p) {
        fraction = w.fraction
        body = w.rest
      }
      let (text, feedback) = textAndFeedback(body)
      if text.isEmpty { continue }
      answers.append(Answer(text: text, fraction: fraction, feedback: feedback))
    }
    guard problems.isEmpty else { return nil }
    if answers.isEmpty {
      whole("short answer question has no answer")
      return nil
    }
    if !answers.contains(where: { $0.fraction == 1 }) {
      whole("no answer marked correct (one answer needs 100%)")
      return nil
    }
    return .shortAnswer(answers: answers)
  }
}

@inline(__always)
func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
