/// The block starts of CommonMark, tried in the spec's order of precedence on each line.
extension BlockParser {
  /// 0: nothing started; 1: a container started (keep looking); 2: a leaf took the line.
  mutating func tryBlockStarts(_ container: inout Node) -> Int {
    let c = peek(nextNonspace)
    if !indented {
      if c == UInt8(ascii: ">") {
        advanceNextNonspace()
        advanceOffset(1, columns: false)
        if let s = peek(offset), Bytes.isSpaceOrTab(s) { advanceOffset(1, columns: true) }
        closeUnmatchedBlocks()
        container = addChild(.blockQuote)
        return 1
      }
      if c == UInt8(ascii: "#"), startATXHeading() { container = tip; return 2 }
      if c == UInt8(ascii: "`") || c == UInt8(ascii: "~"), startFence() {
        container = tip
        return 2
      }
      if c == UInt8(ascii: "<"), startHTMLBlock(container) { container = tip; return 2 }
      if container.kind == .paragraph && (c == UInt8(ascii: "=") || c == UInt8(ascii: "-")),
        startSetextHeading(container)
      {
        container = tip
        return 2
      }
      if gfm && container.kind == .paragraph && container === tip, startTable(container) {
        container = tip
        return 2
      }
      if c == UInt8(ascii: "*") || c == UInt8(ascii: "-") || c == UInt8(ascii: "_"),
        isThematicBreak()
      {
        closeUnmatchedBlocks()
        container = addChild(.thematicBreak)
        offset = lineEnd
        return 2
      }
    }
    if !indented || container.kind == .list, startListItem(&container) { return 1 }
    if indented && tip.kind != .paragraph && !blank {
      advanceOffset(Self.codeIndent, columns: true)
      closeUnmatchedBlocks()
      container = addChild(.codeBlock)
      return 2
    }
    return 0
  }

  mutating func startATXHeading() -> Bool {
    var i = nextNonspace
    while i < lineEnd && src[i] == UInt8(ascii: "#") { i += 1 }
    let level = i - nextNonspace
    guard level <= 6, i == lineEnd || Bytes.isSpaceOrTab(src[i]) else { return false }
    advanceNextNonspace()
    advanceOffset(level, columns: false)
    closeUnmatchedBlocks()
    let h = addChild(.heading)
    h.level = level
    // Content without the optional closing sequence of #s.
    var s = offset
    var e = lineEnd
    while s < e && Bytes.isSpaceOrTab(src[s]) { s += 1 }
    while e > s && Bytes.isSpaceOrTab(src[e - 1]) { e -= 1 }
    var k = e
    while k > s && src[k - 1] == UInt8(ascii: "#") { k -= 1 }
    if k < e && (k == s || Bytes.isSpaceOrTab(src[k - 1])) {
      e = k
      while e > s && Bytes.isSpaceOrTab(src[e - 1]) { e -= 1 }
    }
    h.literal = Array(src[s..<e])
    offset = lineEnd
    return true
  }

  mutating func startFence() -> Bool {
    let ch = src[nextNonspace]
    var i = nextNonspace
    while i < lineEnd && src[i] == ch { i += 1 }
    let len = i - nextNonspace
    guard len >= 3 else { return false }
    if ch == UInt8(ascii: "`") && src[i..<lineEnd].contains(UInt8(ascii: "`")) { return false }
    closeUnmatchedBlocks()
    let b = addChild(.codeBlock)
    b.fenced = true
    b.fenceChar = ch
    b.fenceLength = len
    b.fenceOffset = indent
    advanceNextNonspace()
    advanceOffset(len, columns: false)
    return true
  }

  mutating func startHTMLBlock(_ container: Node) -> Bool {
    let line = src[nextNonspace..<lineEnd]
    guard let type = HTMLScanner.htmlBlockStart(line) else { return false }
    if type == 7
      && (container.kind == .paragraph || (!allClosed && !blank && tip.kind == .paragraph))
    {
      return false
    }
    closeUnmatchedBlocks()
    let b = addChild(.htmlBlock)
    b.htmlBlockType = type
    return true
  }

  mutating func startSetextHeading(_ container: Node) -> Bool {
    let ch = src[nextNonspace]
    var i = nextNonspace
    while i < lineEnd && src[i] == ch { i += 1 }
    while i < lineEnd && Bytes.isSpaceOrTab(src[i]) { i += 1 }
    guard i == lineEnd else { return false }
    closeUnmatchedBlocks()
    // Reference definitions at the start of the paragraph are not heading text.
    var start = 0
    while start < container.literal.count && container.literal[start] == UInt8(ascii: "[") {
      var p = InlineParser(container.literal[start...], refmap: [:])
      guard let consumed = p.parseReference(into: &refmap) else { break }
      start += consumed
    }
    guard start < container.literal.count, !Bytes.isBlank(container.literal[start...]) else {
      if start > 0 { container.literal.removeFirst(start) }
      return false
    }
    let h = Node(.heading, line: container.line)
    h.level = ch == UInt8(ascii: "=") ? 1 : 2
    h.literal = Array(container.literal[start...])
    container.insertAfter(h)
    container.unlink()
    tip = h
    offset = lineEnd
    return true
  }

  mutating func isThematicBreak() -> Bool {
    let ch = src[nextNonspace]
    // The last byte of the line that could not belong to a break of `ch`, found once per
    // line: `- - - … a` would otherwise rescan the line for every nested list item.
    let k = ch == UInt8(ascii: "*") ? 0 : ch == UInt8(ascii: "-") ? 1 : 2
    if breakMemoLine[k] != lineNumber {
      breakMemoLine[k] = lineNumber
      var j = lineEnd
      while j > lineStart && (src[j - 1] == ch || Bytes.isSpaceOrTab(src[j - 1])) { j -= 1 }
      breakMemoBad[k] = j - 1
    }
    if breakMemoBad[k] >= nextNonspace { return false }
    var count = 0
    var i = nextNonspace
    while i < lineEnd {
      let c = src[i]
      if c == ch {
        count += 1
      } else if !Bytes.isSpaceOrTab(c) {
        return false
      }
      i += 1
    }
    return count >= 3
  }

  mutating func startListItem(_ container: inout Node) -> Bool {
    guard indent < 4, let c = peek(nextNonspace) else { return false }
    var data = ListData()
    data.markerOffset = indent
    var markerLength = 1
    if c == UInt8(ascii: "*") || c == UInt8(ascii: "+") || c == UInt8(ascii: "-") {
      data.bulletChar = c
    } else if Bytes.isDigit(c) {
      var i = nextNonspace
      var value = 0
      while i < lineEnd && Bytes.isDigit(src[i]) && i - nextNonspace < 9 {
        value = value * 10 + Int(src[i] - 0x30)
        i += 1
      }
      guard i < lineEnd, src[i] == UInt8(ascii: ".") || src[i] == UInt8(ascii: ")") else {
        return false
      }
      if container.kind == .paragraph && value != 1 { return false }
      data.ordered = true
      data.start = value
      data.delimiter = src[i]
      markerLength = i + 1 - nextNonspace
    } else {
      return false
    }
    let after = nextNonspace + markerLength
    if let n = peek(after), !Bytes.isSpaceOrTab(n) { return false }
    if container.kind == .paragraph && Bytes.isBlank(src[after..<lineEnd]) { return false }

    advanceNextNonspace()
    advanceOffset(markerLength, columns: true)
    let spacesStartCol = column
    let spacesStartOffset = offset
    repeat {
      advanceOffset(1, columns: true)
    } while column - spacesStartCol < 5 && peek(offset).map(Bytes.isSpaceOrTab) == true
    let blankItem = peek(offset) == nil
    let spacesAfter = column - spacesStartCol
    if spacesAfter >= 5 || spacesAfter < 1 || blankItem {
      data.padding = markerLength + 1
      column = spacesStartCol
      offset = spacesStartOffset
      if let s = peek(offset), Bytes.isSpaceOrTab(s) { advanceOffset(1, columns: true) }
    } else {
      data.padding = markerLength + spacesAfter
    }

    closeUnmatchedBlocks()
    if tip.kind != .list || tip.list.ordered != data.ordered
      || tip.list.delimiter != data.delimiter || tip.list.bulletChar != data.bulletChar
    {
      let l = addChild(.list)
      l.list = data
    }
    let item = addChild(.item)
    item.list = data
    container = item
    return true
  }
}
