/// Phase two of CommonMark: the text of a paragraph or heading becomes inline nodes. Emphasis
/// and links use the spec's delimiter stack and bracket stack, so nesting stays linear.
struct InlineParser {
  let s: ArraySlice<UInt8>
  var pos: Int
  let refmap: [String: LinkReference]
  var gfm = false
  /// Lesson rendering wants source lines of links; the paragraph's first line.
  var baseLine = 0
  var trackLines = false

  // Stacks. The arrays own the entries; the links between them do not (no deep release).
  var delimiters: Delimiter?
  var brackets: Bracket?
  var ownedDelimiters: [Delimiter] = []
  var ownedBrackets: [Bracket] = []

  // Memos that keep failing searches from being repeated (linear time on pathologies).
  var backtickRuns: [Int: [Int]]? = nil
  var backtickCursor: [Int: Int] = [:]
  var noCommentEnd = false
  var noPIEnd = false
  var noCDATAEnd = false
  var noDeclEnd = false
  /// Bit k set: a title opened by `"`, `'` or `(` (k = 0, 1, 2) ran to the end unclosed.
  var unclosedTitle: UInt8 = 0
  var lineCache = (pos: 0, line: 0)

  init(_ subject: ArraySlice<UInt8>, refmap: [String: LinkReference]) {
    s = subject
    pos = subject.startIndex
    self.refmap = refmap
    lineCache = (subject.startIndex, 0)
  }

  /// Bytes that may start something other than plain text: newline ` [ ] \\ ! < & * _ ~
  @inline(__always) static func isSpecial(_ c: UInt8) -> Bool {
    Bytes.inSet(c, 0x1000_0442_0000_0400, 0x4000_0001_b800_0000)
  }

  @inline(__always) func peek() -> UInt8? { pos < s.endIndex ? s[pos] : nil }

  mutating func parse(into block: Node) {
    while pos < s.endIndex { parseInline(block) }
    if delimiters != nil { processEmphasis(nil) }
    ownedDelimiters.removeAll()
    ownedBrackets.removeAll()
    brackets = nil
  }

  func text(_ bytes: ArraySlice<UInt8>) -> Node {
    let n = Node(.text)
    n.text = bytes
    return n
  }

  mutating func parseInline(_ block: Node) {
    let c = s[pos]
    switch c {
    case Bytes.newline: parseNewline(block)
    case UInt8(ascii: "\\"): parseBackslash(block)
    case UInt8(ascii: "`"): parseBackticks(block)
    case UInt8(ascii: "*"), UInt8(ascii: "_"): handleDelim(c, block)
    case UInt8(ascii: "~"):
      if gfm { handleDelim(c, block) } else { parseString(block, atLeastOne: true) }
    case UInt8(ascii: "["):
      let n = text(s[pos..<(pos + 1)])
      block.appendChild(n)
      addBracket(n, index: pos, image: false)
      pos += 1
    case UInt8(ascii: "!"):
      if pos + 1 < s.endIndex && s[pos + 1] == UInt8(ascii: "[") {
        let n = text(s[pos..<(pos + 2)])
        block.appendChild(n)
        addBracket(n, index: pos + 1, image: true)
        pos += 2
      } else {
        parseString(block, atLeastOne: true)
      }
    case UInt8(ascii: "]"): parseCloseBracket(block)
    case UInt8(ascii: "<"): parseLessThan(block)
    case UInt8(ascii: "&"):
      if let (bytes, end) = Inlines.entity(s, pos) {
        let n = Node(.text)
        n.text = bytes[...]
        block.appendChild(n)
        pos = end
      } else {
        parseString(block, atLeastOne: true)
      }
    default: parseString(block, atLeastOne: false)
    }
  }

  mutating func parseString(_ block: Node, atLeastOne: Bool) {
    let start = pos
    if atLeastOne { pos += 1 }
    while pos < s.endIndex && !Self.isSpecial(s[pos]) { pos += 1 }
    if pos == start { pos += 1 }
    // Extend the previous run when contiguous (`Hello, world! Bye` is one node, not three).
    if let last = block.lastChild, last.extendable, last.text.endIndex == start {
      last.text = s[last.text.startIndex..<pos]
      return
    }
    let n = text(s[start..<pos])
    n.extendable = true
    block.appendChild(n)
  }

  mutating func parseNewline(_ block: Node) {
    pos += 1
    if let last = block.lastChild, last.kind == .text, last.text.last == Bytes.space {
      let hard = last.text.count >= 2 && last.text[last.text.endIndex - 2] == Bytes.space
      while last.text.last == Bytes.space { last.text.removeLast() }
      block.appendChild(Node(hard ? .lineBreak : .softBreak))
    } else if let last = block.lastChild, last.extendable, last.text.endIndex == pos - 1 {
      // A soft break renders as the newline itself: keep it inside the text run, so a
      // paragraph of plain lines stays one node.
      last.text = s[last.text.startIndex..<pos]
    } else {
      block.appendChild(Node(.softBreak))
    }
    while pos < s.endIndex && Bytes.isSpaceOrTab(s[pos]) { pos += 1 }
  }

  mutating func parseBackslash(_ block: Node) {
    pos += 1
    if pos < s.endIndex && s[pos] == Bytes.newline {
      pos += 1
      block.appendChild(Node(.lineBreak))
      while pos < s.endIndex && Bytes.isSpaceOrTab(s[pos]) { pos += 1 }
    } else if pos < s.endIndex && Bytes.isASCIIPunctuation(s[pos]) {
      block.appendChild(text(s[pos..<(pos + 1)]))
      pos += 1
    } else {
      block.appendChild(text(s[(pos - 1)..<pos]))
    }
  }

  mutating func parseBackticks(_ block: Node) {
    let start = pos
    while pos < s.endIndex && s[pos] == UInt8(ascii: "`") { pos += 1 }
    let len = pos - start
    let after = pos
    guard let closer = findBacktickRun(length: len, after: after) else {
      block.appendChild(text(s[start..<after]))
      return
    }
    var content = Array(s[after..<closer])
    for i in content.indices where content[i] == Bytes.newline { content[i] = Bytes.space }
    if content.count >= 2 && content.first == Bytes.space && content.last == Bytes.space
      && content.contains(where: { $0 != Bytes.space })
    {
      content.removeFirst()
      content.removeLast()
    }
    let n = Node(.code)
    n.text = content[...]
    block.appendChild(n)
    pos = closer + len
  }

  /// Start of the first backtick run of exactly `length` at or after `after`. All runs are
  /// indexed once, so 100,000 unmatched backticks stay linear.
  mutating func findBacktickRun(length: Int, after: Int) -> Int? {
    if backtickRuns == nil {
      var runs: [Int: [Int]] = [:]
      var i = after
      while i < s.endIndex {
        if s[i] == UInt8(ascii: "`") {
          let st = i
          while i < s.endIndex && s[i] == UInt8(ascii: "`") { i += 1 }
          runs[i - st, default: []].append(st)
        } else {
          i += 1
        }
      }
      backtickRuns = runs
    }
    guard let list = backtickRuns?[length] else { return nil }
    var k = backtickCursor[length] ?? 0
    while k < list.count && list[k] < after { k += 1 }
    backtickCursor[length] = k
    return k < list.count ? list[k] : nil
  }

  mutating func parseLessThan(_ block: Node) {
    let start = pos
    if let (end, email) = Autolink.scanAngle(s, start) {
      let dest = Array(s[(start + 1)..<(end - 1)])
      let link = Node(.link)
      link.destination = Inlines.normalizeURI(email ? Array("mailto:".utf8) + dest : dest)
      link.line = lineAt(start)
      link.appendChild(text(dest[...]))
      block.appendChild(link)
      pos = end
      return
    }
    if let end = scanHTMLMemo(start) {
      let n = Node(.htmlInline)
      n.text = s[start..<end]
      block.appendChild(n)
      pos = end
      return
    }
    parseString(block, atLeastOne: true)
  }

  mutating func scanHTMLMemo(_ start: Int) -> Int? {
    guard start + 1 < s.endIndex else { return nil }
    var flag: WritableKeyPath<InlineParser, Bool>? = nil
    let rest = s[(start + 1)...]
    if HTMLScanner.hasPrefix(rest, "!--") {
      flag = \.noCommentEnd
    } else if HTMLScanner.hasPrefix(rest, "?") {
      flag = \.noPIEnd
    } else if HTMLScanner.hasPrefix(rest, "![CDATA[") {
      flag = \.noCDATAEnd
    } else if HTMLScanner.hasPrefix(rest, "!") {
      flag = \.noDeclEnd
    }
    if let f = flag, self[keyPath: f] { return nil }
    let r = HTMLScanner.scanInlineHTML(s, start)
    if r == nil, let f = flag {
      // Comments like `<!-->` may still match later; only unterminated searches are memoized.
      if f != \InlineParser.noCommentEnd || !HTMLScanner.contains(s[start...], "-->") {
        self[keyPath: f] = true
      }
    }
    return r
  }

  /// 1-based source line of byte `p` (only computed for lessons).
  mutating func lineAt(_ p: Int) -> Int {
    guard trackLines else { return 0 }
    var (from, line) = lineCache
    // Walk from the last answer, backwards too (nested image openers are visited in reverse).
    if p < from {
      for i in p..<from where s[i] == Bytes.newline { line -= 1 }
    } else {
      for i in from..<p where s[i] == Bytes.newline { line += 1 }
    }
    lineCache = (p, line)
    return baseLine + line
  }
}
