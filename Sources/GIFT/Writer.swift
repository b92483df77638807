/// Writes questions as GIFT in one canonical layout: a blank line between questions,
/// one answer per line, every special character escaped so that reading the result gives
/// back the same questions.
enum Writer {
  static func write(
    _ questions: [Question], settings: QuizSettings, comments: [[String]] = [],
    trailingComments: [String] = []
  ) -> String {
    var out = ""
    var header: [String] = []
    if let d = settings.draw { header.append("// @draw: \(d)") }
    if let s = settings.shuffleAnswers { header.append("// @shuffle: \(s)") }
    if let a = settings.maxAttempts { header.append("// @attempts: \(a)") }
    if let w = settings.waitMinutes { header.append("// @wait: \(w)") }
    if !header.isEmpty { out += header.joined(separator: "\n") + "\n\n" }
    var category: String?
    for (i, q) in questions.enumerated() {
      if q.category != category {
        out += "$CATEGORY: \(escape(q.category ?? ""))\n\n"
        category = q.category
      }
      for c in i < comments.count ? comments[i] : [] { out += c + "\n" }
      out += question(q) + "\n\n"
    }
    if !trailingComments.isEmpty { out += trailingComments.joined(separator: "\n") + "\n\n" }
    if out.hasSuffix("\n\n") { out.removeLast() }
    return out
  }

  static func question(_ q: Question) -> String {
    var s = q.hasExplicitID ? "::\(escape(q.id))::" : ""
    let tagged = q.format != .moodle || needsTag(q.text)
    let text = (tagged ? "[\(q.format.rawValue)]" : "") + escape(q.text)
    if !s.isEmpty && !text.isEmpty { s += " " }
    s += text
    let gf = q.generalFeedback.isEmpty ? "" : "####" + guarded(q.generalFeedback, q.format)
    // A missing-word question keeps its text up to the brace as it is.
    let open = q.textAfter.isEmpty ? " {" : "{"
    switch q.kind {
    case .description:
      return s
    case .essay:
      return s + open + gf + "}" + escape(q.textAfter)
    case .trueFalse(let correct, let whenTrue, let whenFalse):
      let right = correct ? whenTrue : whenFalse
      let wrong = correct ? whenFalse : whenTrue
      var body = correct ? "TRUE" : "FALSE"
      if !wrong.isEmpty || !right.isEmpty { body += "#" + guarded(wrong, q.format) }
      if !right.isEmpty { body += "#" + guarded(right, q.format) }
      return s + open + body + gf + "}" + escape(q.textAfter)
    default:
      break
    }
    var lines: [String] = []
    switch q.kind {
    case .multipleChoice(let answers, let multiple):
      for a in answers {
        var mark: String
        if a.fraction == 1 && !multiple {
          mark = "="
        } else if a.fraction == 0 {
          // An answer that begins like a weight needs an explicit one.
          mark = looksWeighted(a.text) ? "~%0%" : "~"
        } else {
          mark = "~%\(percent(a.fraction))%"
        }
        lines.append(mark + guarded(a.text, q.format) + feedback(a.feedback, q.format))
      }
      // Without a `~` Moodle would read the question as short answer.
      if !multiple && !answers.contains(where: { $0.fraction != 1 }) { lines.append("~") }
    case .shortAnswer(let answers):
      // `=` with `->` would read as matching; a lone right answer can go without `=`.
      if answers.count == 1, let a = answers.first, a.fraction == 1,
        hasArrow(a.text) || hasArrow(a.feedback)
      {
        // Without a mark, `T#…` or `FALSE#…` would read as true/false: those get a weight.
        let mark = looksWeighted(a.text) || isTrueFalseHead(a.text) ? "%100%" : ""
        lines.append(mark + guarded(a.text, q.format) + feedback(a.feedback, q.format))
        break
      }
      for a in answers {
        let mark =
          a.fraction == 1 && !looksWeighted(a.text) ? "=" : "=%\(percent(a.fraction))%"
        lines.append(mark + guarded(a.text, q.format) + feedback(a.feedback, q.format))
      }
    case .matching(let pairs):
      for p in pairs {
        let left = guarded(p.text, q.format)
        lines.append("=" + left + (left.isEmpty ? "" : " ") + "-> " + escape(p.match))
      }
    case .numerical(let answers):
      var otherwise: String?
      for a in answers {
        if a.target.isAnyNumber {
          otherwise = a.feedback
          continue
        }
        let mark = a.fraction == 1 ? "=" : "=%\(percent(a.fraction))%"
        let target: String
        switch a.target {
        case .value(let v, let t):
          target = t == 0 ? formatNumber(v) : "\(formatNumber(v)):\(formatNumber(t))"
        case .range(let lo, let hi):
          target = "\(formatNumber(lo))..\(formatNumber(hi))"
        }
        lines.append(mark + target + feedback(a.feedback, q.format))
      }
      if let otherwise { lines.append("~" + feedback(otherwise, q.format, always: true)) }
      return s + open + "#\n"
        + (lines + (gf.isEmpty ? [] : [gf])).map { "\t" + $0 }.joined(separator: "\n")
        + "\n}" + escape(q.textAfter)
    default:
      break
    }
    if !gf.isEmpty { lines.append(gf) }
    return s + open + "\n" + lines.map { "\t" + $0 }.joined(separator: "\n") + "\n}"
      + escape(q.textAfter)
  }

  static func feedback(_ f: String, _ format: Question.TextFormat, always: Bool = false)
    -> String
  {
    f.isEmpty && !always ? "" : "#" + guarded(f, format)
  }

  /// Escaped text; a text that would be read as a format tag or a comment gets the
  /// question's own format tag in front, which the reader removes again.
  static func guarded(_ s: String, _ format: Question.TextFormat) -> String {
    needsTag(s) ? "[\(format.rawValue)]" + escape(s) : escape(s)
  }

  /// True when the text starts like a `%n%` weight (`^%-*[0-9]{1,2}\.?[0-9]*%`), so it
  /// needs an explicit weight in front to be read as text.
  static func looksWeighted(_ s: String) -> Bool {
    let u = Array(s.utf8.prefix(64))
    var i = 0
    guard i < u.count, u[i] == 0x25 else { return false }
    i += 1
    while i < u.count && u[i] == 0x2D { i += 1 }
    var digits = 0
    while i < u.count && isDigit(u[i]) && digits < 2 {
      digits += 1
      i += 1
    }
    guard digits > 0 else { return false }
    if i < u.count && u[i] == 0x2E { i += 1 }
    while i < u.count && isDigit(u[i]) { i += 1 }
    return i < u.count ? u[i] == 0x25 : s.utf8.count > 64
  }

  /// Bytes, not Characters, as the reader looks: `->` before a combining mark is one
  /// Character `>́` to `String.contains`, yet still an arrow to the reader (fuzz finding).
  static func hasArrow(_ s: String) -> Bool {
    var previous: UInt8 = 0
    for b in s.utf8 {
      if previous == 0x2D && b == 0x3E { return true }
      previous = b
    }
    return false
  }

  /// True for the texts that make an unmarked answer block a true/false question.
  static func isTrueFalseHead(_ s: String) -> Bool {
    s == "T" || s == "F" || s == "TRUE" || s == "FALSE"
  }

  /// Bytes, not Characters: `/` followed by a combining mark still starts a comment.
  /// A leading BOM would be taken for the file's own when the text opens the file.
  static func needsTag(_ s: String) -> Bool {
    let u = s.utf8
    return u.first == 0x5B || u.starts(with: [0x2F, 0x2F]) || u.starts(with: [0xEF, 0xBB, 0xBF])
  }

  /// Moodle's `repchar`: backslash and `~ = # { } :` escaped, newlines as `\n`.
  static func escape(_ s: String) -> String {
    var out: [UInt8] = []
    out.reserveCapacity(s.utf8.count)
    for b in s.utf8 {
      switch b {
      case 0x5C, 0x7E, 0x3D, 0x23, 0x7B, 0x7D, 0x3A:
        out += [0x5C, b]
      case 0x0A:
        out += [0x5C, UInt8(ascii: "n")]
      case 0x0D:
        // A carriage return would end the line; Moodle drops it too.
        break
      default:
        out.append(b)
      }
    }
    return String(decoding: out, as: UTF8.self)
  }

  /// A weight in percent: the shortest decimal form that reads back as the same fraction,
  /// never with an exponent (the reader's pattern has none).
  static func percent(_ fraction: Double) -> String {
    let p = fraction * 100
    for decimals in 0...15 {
      let s = fixed(p, decimals: decimals)
      if let back = parseNumber(s), back / 100 == fraction { return s }
    }
    for candidate in [p, p.nextUp, p.nextDown] {
      let s = "\(candidate)"
      if !s.contains("e"), let back = parseNumber(s), back / 100 == fraction { return s }
    }
    return fixed(p, decimals: 15)
  }

  static func fixed(_ v: Double, decimals: Int) -> String {
    var scale: Int64 = 1
    for _ in 0..<decimals { scale *= 10 }
    let n = Int64((abs(v) * Double(scale)).rounded())
    var s = String(n / scale)
    if decimals > 0 {
      var frac = String(n % scale)
      while frac.count < decimals { frac = "0" + frac }
      s += "." + frac
    }
    return (v < 0 && n != 0 ? "-" : "") + s
  }
}

extension GIFT {
  /// GIFT text for `questions`, with a `// @key: value` header when `settings` has any.
  public static func write(_ questions: [Question], settings: QuizSettings) -> String {
    Writer.write(questions, settings: settings)
  }

  /// The same, with `//` comment lines above each question (`comments[i]` above question
  /// `i`); each must be one line starting with `//`.
  public static func write(
    _ questions: [Question], settings: QuizSettings, comments: [[String]]
  ) -> String {
    Writer.write(questions, settings: settings, comments: comments)
  }

  /// `relais quiz fmt`: the file rewritten in canonical layout, or every error in it, or
  /// (when the layout would not read back as the same questions) what would change.
  /// `//` comments move to just above the question they were in or before.
  public static func format(_ text: String, path: String = "<input>") -> Result<
    String, GIFTErrors
  > {
    var p = Parser(text, path: path)
    p.run()
    if !p.errors.isEmpty { return .failure(GIFTErrors(p.errors)) }
    let written = Writer.write(
      p.questions, settings: p.settings, comments: p.comments,
      trailingComments: p.pendingComments)
    // A file that would not read back the same is an error, never a formatted file.
    let changed = roundTripProblems(p.questions, settings: p.settings, in: written, path: path)
    if !changed.isEmpty { return .failure(GIFTErrors(changed)) }
    return .success(written)
  }
}
