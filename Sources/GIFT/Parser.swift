/// Reads a GIFT file the way Moodle's `qformat_gift` does: blank lines separate questions,
/// every line is trimmed, whole-line `//` comments are dropped, then each question is read
/// on its own, so an error in one question never hides the next.
struct Parser {
  let source: SourceText
  let path: String
  var errors: [GIFTError] = []
  var questions: [Question] = []
  var settings = QuizSettings()
  var category: String?
  /// Questions met so far, with or without errors: generated ids use it so they do not
  /// shift when an earlier question is fixed.
  var ordinal = 0
  var explicitIDs: [String: Int] = [:]
  /// Comment lines before the first question may carry `// @key: value` settings.
  var inHeader = true
  var seenSettings: Set<String> = []
  /// `//` lines not yet given to a question, and those given: `GIFT.format` writes each
  /// question's comments back above it.
  var pendingComments: [String] = []
  var comments: [[String]] = []

  init(_ text: String, path: String) {
    source = SourceText(text)
    self.path = path
  }

  mutating func run() {
    var block = Block()
    var hasContent = false
    for line in source.lines {
      let r = source.trimmed(line)
      if r.isEmpty {
        if hasContent { read(block) }
        block = Block()
        hasContent = false
        continue
      }
      if block.count > 0 { block.append(0x0A, escaped: false, origin: r.lowerBound) }
      if r.count >= 2 && source.bytes[r.lowerBound] == 0x2F
        && source.bytes[r.lowerBound + 1] == 0x2F
      {
        let isSetting = inHeader && readSetting(r)
        if !isSetting {
          pendingComments.append(String(decoding: source.bytes[r], as: UTF8.self))
        }
        // Moodle turns a comment line into a single space.
        block.append(0x20, escaped: false, origin: r.lowerBound)
      } else {
        inHeader = false
        hasContent = true
        block.appendLine(source.bytes, r)
      }
    }
    if hasContent { read(block) }
  }

  var lastPosition = (offset: 0, line: 0, column: 0)

  mutating func fail(_ offset: Int, _ message: String) {
    let p = source.position(of: offset, after: &lastPosition)
    errors.append(GIFTError(path: path, line: p.line, column: p.column, message: message))
  }

  /// One blank-line separated block: a `$CATEGORY:` line and/or one question.
  mutating func read(_ b: Block) {
    var r = b.trim(0..<b.count)
    if r.isEmpty { return }
    if b.starts(with: "$CATEGORY:", at: r.lowerBound, in: r) {
      let start = r.lowerBound + 10
      let end = b.find(0x0A, in: start..<r.upperBound) ?? r.upperBound
      let name = b.text(start..<end)
      category = name.isEmpty ? nil : name
      // Moodle takes the whole block as the category; a question written right under the
      // line is more likely meant as a question, so it is read as one.
      r = b.trim(end..<r.upperBound)
      if r.isEmpty { return }
    }
    ordinal += 1
    if let q = readQuestion(b, r) {
      questions.append(q)
      comments.append(pendingComments)
      pendingComments = []
    }
  }

  mutating func readQuestion(_ b: Block, _ whole: Range<Int>) -> Question? {
    var r = whole
    let startOffset = b.origin[r.lowerBound]
    var id = "q\(ordinal)"
    var explicit = false
    var duplicate = false
    if b.starts(with: "::", at: r.lowerBound, in: r) {
      guard let close = b.find(0x3A, 0x3A, in: (r.lowerBound + 2)..<r.upperBound) else {
        fail(b.origin[r.lowerBound], "unclosed title: expected '::' after the title")
        return nil
      }
      let title = b.text((r.lowerBound + 2)..<close)
      if !title.isEmpty {
        if let first = explicitIDs[title] {
          fail(b.origin[r.lowerBound + 2], "duplicate id '\(title)' (first used on line \(first))")
          // Still read, for its own errors, but not returned: only sound questions are.
          duplicate = true
        } else {
          explicitIDs[title] = source.position(of: startOffset).line
        }
        id = title
        explicit = true
      }
      r = b.trim((close + 2)..<r.upperBound)
    }

    let open = b.find(0x7B, in: r)
    let close = b.find(0x7D, in: r)
    var question = Question(
      id: id, hasExplicitID: explicit, category: category, text: "", kind: .description,
      line: source.position(of: startOffset).line)

    guard open != nil || close != nil else {
      let (text, format) = formatted(b, r, default: .moodle)
      // Only escaped blanks (`\n`): nothing to show and nothing to name.
      if text.isEmpty && !explicit {
        // Not a question, so it must not shift the generated ids of the next ones.
        ordinal -= 1
        return nil
      }
      question.text = text
      question.format = format
      return duplicate ? nil : question
    }
    guard let open else {
      fail(b.origin[close!], "} without {")
      return nil
    }
    guard let close, close > open else {
      if let close {
        fail(b.origin[close], "} without {")
      } else {
        fail(b.origin[open], "unclosed {")
      }
      return nil
    }
    let after = b.trim((close + 1)..<r.upperBound)
    if let extra = b.find(0x7B, in: after) ?? b.find(0x7D, in: after) {
      fail(b.origin[extra], "a question has one answer block; write \\{ or \\} for a brace in text")
      return nil
    }
    // A missing-word question keeps the spaces around its blank.
    let textAfter = after.isEmpty ? "" : b.text((close + 1)..<r.upperBound, trimStart: false)
    let missingWord = !textAfter.isEmpty
    let before = missingWord ? r.lowerBound..<open : b.trim(r.lowerBound..<open)
    let (text, format) = formatted(b, before, default: .moodle, trimEnd: !missingWord)
    question.text = text
    question.format = format
    question.textAfter = textAfter

    var inner = b.trim((open + 1)..<close)
    if let gf = b.findLastGeneralFeedback(in: inner) {
      question.generalFeedback =
        formatted(b, b.trim((gf + 4)..<inner.upperBound), default: format).0
      inner = b.trim(inner.lowerBound..<gf)
    }
    var reader = AnswerReader(block: b, format: format, braceOffset: b.origin[open])
    guard let kind = reader.read(inner) else {
      for (offset, message) in reader.problems { fail(offset, message) }
      return nil
    }
    question.kind = kind
    return duplicate ? nil : question
  }
}

/// Moodle's `parse_text_with_format`: a leading `[html]`, `[markdown]`, `[plain]` or
/// `[moodle]` sets the format and is removed; anything else in brackets is text.
func formatted(
  _ b: Block, _ r: Range<Int>, default format: Question.TextFormat, trimEnd: Bool = true
) -> (String, Question.TextFormat) {
  if !r.isEmpty, b.bytes[r.lowerBound] == 0x5B,
    let end = b.bytes[r].firstIndex(of: 0x5D),
    let f = Question.TextFormat(
      rawValue: String(decoding: b.bytes[(r.lowerBound + 1)..<end], as: UTF8.self))
  {
    return (b.text((end + 1)..<r.upperBound, trimEnd: trimEnd), f)
  }
  return (b.text(r, trimEnd: trimEnd), format)
}
