/// `[` or `![` waiting for its `]`. The parser's array owns it.
final class Bracket {
  let node: Node
  unowned(unsafe) var previous: Bracket?
  unowned(unsafe) var previousDelimiter: Delimiter?
  let index: Int
  let image: Bool
  var active = true
  var bracketAfter = false

  init(node: Node, previous: Bracket?, previousDelimiter: Delimiter?, index: Int, image: Bool) {
    self.node = node
    self.previous = previous
    self.previousDelimiter = previousDelimiter
    self.index = index
    self.image = image
  }
}

/// Links and images: inline `[text](dest "title")`, full/collapsed/shortcut references, and
/// the link reference definitions of the block phase.
extension InlineParser {
  mutating func addBracket(_ node: Node, index: Int, image: Bool) {
    brackets?.bracketAfter = true
    let b = Bracket(
      node: node, previous: brackets, previousDelimiter: delimiters, index: index, image: image)
    ownedBrackets.append(b)
    brackets = b
  }

  mutating func parseCloseBracket(_ block: Node) {
    pos += 1
    let startPos = pos
    guard let opener = brackets else {
      block.appendChild(text(s[(pos - 1)..<pos]))
      return
    }
    if !opener.active {
      block.appendChild(text(s[(pos - 1)..<pos]))
      brackets = opener.previous
      return
    }
    var matched = false
    var dest: [UInt8] = []
    var title: [UInt8] = []
    // Inline link: `(dest "title")`.
    if peek() == UInt8(ascii: "(") {
      pos += 1
      spnl()
      if let d = parseLinkDestination() {
        dest = d
        let beforeTitle = pos
        spnl()
        if pos > beforeTitle, let t = parseLinkTitle() {
          title = t
        } else {
          pos = beforeTitle
        }
        spnl()
        if peek() == UInt8(ascii: ")") {
          pos += 1
          matched = true
        }
      }
      if !matched { pos = startPos }
    }
    if !matched {
      // Reference link: full `[text][label]`, collapsed `[text][]` or shortcut `[text]`.
      let beforeLabel = pos
      let n = parseLinkLabel()
      var label: ArraySlice<UInt8>? = nil
      if n > 2 {
        label = s[beforeLabel..<(beforeLabel + n)]
      } else if !opener.bracketAfter {
        label = s[opener.index..<startPos]
      }
      if n == 0 { pos = startPos }
      if let l = label, l.count <= 1001,
        let ref = refmap[Inlines.normalizeLabel(l.dropFirst().dropLast())]
      {
        dest = ref.destination
        title = ref.title
        matched = true
      }
    }
    guard matched else {
      brackets = opener.previous
      pos = startPos
      block.appendChild(text(s[(startPos - 1)..<startPos]))
      return
    }
    let link = Node(opener.image ? .image : .link)
    link.destination = dest
    link.title = title
    link.line = lineAt(opener.index)
    var tmp = opener.node.next
    while let t = tmp {
      tmp = t.next
      link.appendChild(t)
    }
    block.appendChild(link)
    if delimiters !== opener.previousDelimiter { processEmphasis(opener.previousDelimiter) }
    brackets = opener.previous
    opener.node.unlink()
    // No links inside links: deactivate earlier `[` openers. Below an already inactive one,
    // all are inactive, so the walk stops there (keeps nested brackets linear).
    if !opener.image {
      var o = brackets
      while let b = o {
        if !b.image {
          if !b.active { break }
          b.active = false
        }
        o = b.previous
      }
    }
  }

  /// Spaces, tabs and at most one line ending.
  mutating func spnl() {
    while pos < s.endIndex && Bytes.isSpaceOrTab(s[pos]) { pos += 1 }
    if pos < s.endIndex && s[pos] == Bytes.newline {
      pos += 1
      while pos < s.endIndex && Bytes.isSpaceOrTab(s[pos]) { pos += 1 }
    }
  }

  mutating func parseLinkDestination() -> [UInt8]? {
    if peek() == UInt8(ascii: "<") {
      var i = pos + 1
      while i < s.endIndex {
        let c = s[i]
        if c == UInt8(ascii: ">") {
          let d = Inlines.normalizeURI(Inlines.unescape(s[(pos + 1)..<i]))
          pos = i + 1
          return d
        }
        if c == Bytes.newline || c == UInt8(ascii: "<") { return nil }
        if c == UInt8(ascii: "\\") && i + 1 < s.endIndex { i += 1 }
        i += 1
      }
      return nil
    }
    let start = pos
    var parens = 0
    while pos < s.endIndex {
      let c = s[pos]
      if c == UInt8(ascii: "\\") && pos + 1 < s.endIndex && Bytes.isASCIIPunctuation(s[pos + 1]) {
        pos += 2
      } else if c == UInt8(ascii: "(") {
        // Nesting is capped (the spec allows it) so `[x](` repeated stays linear.
        if parens == 32 {
          pos = start
          return nil
        }
        pos += 1
        parens += 1
      } else if c == UInt8(ascii: ")") {
        if parens < 1 { break }
        pos += 1
        parens -= 1
      } else if c <= 0x20 || c == 0x7F {
        break
      } else {
        pos += 1
      }
    }
    if pos == start && peek() != UInt8(ascii: ")") {
      pos = start
      return nil
    }
    if parens != 0 {
      pos = start
      return nil
    }
    return Inlines.normalizeURI(Inlines.unescape(s[start..<pos]))
  }

  mutating func parseLinkTitle() -> [UInt8]? {
    guard let open = peek() else { return nil }
    let close: UInt8
    switch open {
    case UInt8(ascii: "\""): close = open
    case UInt8(ascii: "'"): close = open
    case UInt8(ascii: "("): close = UInt8(ascii: ")")
    default: return nil
    }
    let memo = open == UInt8(ascii: "\"") ? 0 : open == UInt8(ascii: "'") ? 1 : 2
    if unclosedTitle & (1 << memo) != 0 { return nil }
    var i = pos + 1
    while i < s.endIndex {
      let c = s[i]
      if c == close {
        let t = Inlines.unescape(s[(pos + 1)..<i])
        pos = i + 1
        return t
      }
      if open == UInt8(ascii: "(") && c == open { return nil }
      if c == UInt8(ascii: "\\") && i + 1 < s.endIndex { i += 1 }
      i += 1
    }
    // No closing delimiter before the end: no later title of this kind can close either.
    unclosedTitle |= 1 << memo
    return nil
  }

  /// Length of a link label `[...]` at `pos` (0 if none); does not move `pos` past it
  /// unless one is found.
  mutating func parseLinkLabel() -> Int {
    guard peek() == UInt8(ascii: "[") else { return 0 }
    var i = pos + 1
    while i < s.endIndex && i - pos <= 1000 {
      let c = s[i]
      if c == UInt8(ascii: "]") {
        let n = i + 1 - pos
        pos = i + 1
        return n
      }
      if c == UInt8(ascii: "[") { return 0 }
      if c == UInt8(ascii: "\\") && i + 1 < s.endIndex { i += 1 }
      i += 1
    }
    return 0
  }

  /// A link reference definition at the start of the subject: bytes consumed, or nil.
  mutating func parseReference(into refmap: inout [String: LinkReference]) -> Int? {
    let start = pos
    let n = parseLinkLabel()
    guard n > 0 else { return nil }
    let rawLabel = s[(start + 1)..<(start + n - 1)]
    guard peek() == UInt8(ascii: ":") else { return nil }
    pos += 1
    spnl()
    guard let dest = parseLinkDestination() else { return nil }
    let beforeTitle = pos
    spnl()
    var title: [UInt8]? = nil
    if pos != beforeTitle { title = parseLinkTitle() }
    if title == nil { pos = beforeTitle }
    var atLineEnd = true
    if !matchSpaceToLineEnd() {
      if title == nil {
        atLineEnd = false
      } else {
        title = nil
        pos = beforeTitle
        atLineEnd = matchSpaceToLineEnd()
      }
    }
    guard atLineEnd else { return nil }
    let label = Inlines.normalizeLabel(rawLabel)
    guard !label.isEmpty else { return nil }
    if refmap[label] == nil {
      refmap[label] = LinkReference(destination: dest, title: title ?? [])
    }
    return pos - start
  }

  mutating func matchSpaceToLineEnd() -> Bool {
    var i = pos
    while i < s.endIndex && Bytes.isSpaceOrTab(s[i]) { i += 1 }
    if i == s.endIndex {
      pos = i
      return true
    }
    if s[i] == Bytes.newline {
      pos = i + 1
      return true
    }
    return false
  }
}
