/// Phase one of CommonMark (spec appendix): lines are fed one at a time to a stack of open
/// blocks. Each line first tries to continue the open containers, then to start new blocks,
/// and what remains is text for the innermost leaf. Inline content is parsed afterwards.
struct BlockParser {
  let src: [UInt8]
  let gfm: Bool
  let doc: Node
  var tip: Node
  var oldTip: Node
  var lastMatchedContainer: Node
  var refmap: [String: LinkReference] = [:]

  var lineNumber = 0
  var lineStart = 0
  var lineEnd = 0
  var offset = 0
  var column = 0
  var nextNonspace = 0
  var nextNonspaceColumn = 0
  var indent = 0
  var indented = false
  var blank = false
  var partiallyConsumedTab = false
  var allClosed = true
  /// Blocks whose text the inline phase parses, collected as they are finalized.
  var leaves: [Node] = []
  var breakMemoLine = [0, 0, 0]
  var breakMemoBad = [0, 0, 0]

  static let codeIndent = 4

  init(_ bytes: [UInt8], gfm: Bool) {
    // NUL is replaced for security (spec 2.3); this copy is rare.
    src = Self.containsNUL(bytes) ? Self.replacingNUL(bytes) : bytes
    self.gfm = gfm
    doc = Node(.document, line: 1)
    tip = doc
    oldTip = doc
    lastMatchedContainer = doc
  }

  /// Eight bytes at a time: `(v - 0x01…) & ~v & 0x80…` is nonzero iff some byte of v is 0.
  static func containsNUL(_ b: [UInt8]) -> Bool {
    b.withUnsafeBytes { raw in
      let n = raw.count
      var i = 0
      while i + 8 <= n {
        let v = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
        if (v &- 0x0101_0101_0101_0101) & ~v & 0x8080_8080_8080_8080 != 0 { return true }
        i += 8
      }
      while i < n {
        if raw[i] == 0 { return true }
        i += 1
      }
      return false
    }
  }

  private static func replacingNUL(_ b: [UInt8]) -> [UInt8] {
    var out: [UInt8] = []
    out.reserveCapacity(b.count + 16)
    for c in b {
      if c == 0 { out.append(contentsOf: [0xEF, 0xBF, 0xBD]) } else { out.append(c) }
    }
    return out
  }

  /// Runs the block phase over the whole input and returns the document, blocks finalized.
  mutating func parseBlocks() -> Node {
    var i = 0
    let n = src.count
    // Skip a UTF-8 byte order mark.
    if n >= 3 && src[0] == 0xEF && src[1] == 0xBB && src[2] == 0xBF { i = 3 }
    let bytes = src
    while i < n {
      let e = Self.lineEnd(bytes, from: i)
      incorporateLine(start: i, end: e)
      if e < n && src[e] == Bytes.cr && e + 1 < n && src[e + 1] == Bytes.newline {
        i = e + 2
      } else {
        i = e + 1
      }
    }
    while tip !== doc { finalize(tip) }
    finalize(doc)
    return doc
  }

  /// Index of the first `\n` or `\r` at or after `from` (or the count), eight bytes at a time.
  static func lineEnd(_ b: [UInt8], from: Int) -> Int {
    b.withUnsafeBytes { raw in
      let n = raw.count
      var i = from
      while i + 8 <= n {
        let v = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
        let lf = v ^ 0x0A0A_0A0A_0A0A_0A0A
        let cr = v ^ 0x0D0D_0D0D_0D0D_0D0D
        let z =
          ((lf &- 0x0101_0101_0101_0101) & ~lf) | ((cr &- 0x0101_0101_0101_0101) & ~cr)
        if z & 0x8080_8080_8080_8080 != 0 { break }
        i += 8
      }
      while i < n && raw[i] != Bytes.newline && raw[i] != Bytes.cr { i += 1 }
      return i
    }
  }

  @inline(__always) func peek(_ i: Int) -> UInt8? { i < lineEnd ? src[i] : nil }

  mutating func findNextNonspace() {
    var i = offset
    var cols = column
    while i < lineEnd {
      let c = src[i]
      if c == Bytes.space {
        i += 1
        cols += 1
      } else if c == Bytes.tab {
        i += 1
        cols += 4 - (cols % 4)
      } else {
        break
      }
    }
    blank = i == lineEnd
    nextNonspace = i
    nextNonspaceColumn = cols
    indent = cols - column
    indented = indent >= Self.codeIndent
  }

  mutating func advanceNextNonspace() {
    offset = nextNonspace
    column = nextNonspaceColumn
    partiallyConsumedTab = false
  }

  /// Advances by `count` characters, or by `count` columns when `columns` (tabs count as up
  /// to 4 columns and may be consumed partially).
  mutating func advanceOffset(_ count: Int, columns: Bool) {
    var count = count
    while count > 0 && offset < lineEnd {
      if src[offset] == Bytes.tab {
        let toTab = 4 - (column % 4)
        if columns {
          partiallyConsumedTab = toTab > count
          let adv = min(toTab, count)
          column += adv
          offset += partiallyConsumedTab ? 0 : 1
          count -= adv
        } else {
          partiallyConsumedTab = false
          column += toTab
          offset += 1
          count -= 1
        }
      } else {
        partiallyConsumedTab = false
        offset += 1
        column += 1
        count -= 1
      }
    }
  }

  mutating func addLine() {
    if partiallyConsumedTab {
      offset += 1
      let toTab = 4 - (column % 4)
      for _ in 0..<toTab { tip.literal.append(Bytes.space) }
    }
    tip.literal.append(contentsOf: src[offset..<lineEnd])
    tip.literal.append(Bytes.newline)
  }

  mutating func addChild(_ kind: Node.Kind) -> Node {
    while !canContain(tip.kind, kind) { finalize(tip) }
    let n = Node(kind, line: lineNumber)
    tip.appendChild(n)
    tip = n
    return n
  }

  func canContain(_ parent: Node.Kind, _ child: Node.Kind) -> Bool {
    switch parent {
    case .document, .blockQuote, .item: return child != .item
    case .list: return child == .item
    default: return false
    }
  }

  mutating func closeUnmatchedBlocks() {
    if !allClosed {
      while oldTip !== lastMatchedContainer {
        let parent = oldTip.parent!
        finalize(oldTip)
        oldTip = parent
      }
      allClosed = true
    }
  }

  /// 0: matched, keep going; 1: not matched; 2: line fully consumed (closing code fence).
  mutating func continueBlock(_ c: Node) -> Int {
    switch c.kind {
    case .document, .list: return 0
    case .blockQuote:
      if !indented && peek(nextNonspace) == UInt8(ascii: ">") {
        advanceNextNonspace()
        advanceOffset(1, columns: false)
        if let c = peek(offset), Bytes.isSpaceOrTab(c) { advanceOffset(1, columns: true) }
        return 0
      }
      return 1
    case .item:
      if blank {
        if c.firstChild == nil { return 1 }
        advanceNextNonspace()
      } else if indent >= c.list.markerOffset + c.list.padding {
        advanceOffset(c.list.markerOffset + c.list.padding, columns: true)
      } else {
        return 1
      }
      return 0
    case .codeBlock:
      if c.fenced {
        if indent <= 3 && peek(nextNonspace) == c.fenceChar {
          var i = nextNonspace
          while i < lineEnd && src[i] == c.fenceChar { i += 1 }
          let len = i - nextNonspace
          while i < lineEnd && Bytes.isSpaceOrTab(src[i]) { i += 1 }
          if len >= c.fenceLength && i == lineEnd {
            finalize(c)
            return 2
          }
        }
        var i = c.fenceOffset
        while i > 0, let ch = peek(offset), Bytes.isSpaceOrTab(ch) {
          advanceOffset(1, columns: true)
          i -= 1
        }
        return 0
      }
      if indent >= Self.codeIndent {
        advanceOffset(Self.codeIndent, columns: true)
      } else if blank {
        advanceNextNonspace()
      } else {
        return 1
      }
      return 0
    case .htmlBlock:
      return blank && (c.htmlBlockType == 6 || c.htmlBlockType == 7) ? 1 : 0
    case .paragraph, .table:
      return blank ? 1 : 0
    default:
      return 1
    }
  }

  mutating func incorporateLine(start: Int, end: Int) {
    var allMatched = true
    var container = doc
    oldTip = tip
    lineStart = start
    lineEnd = end
    offset = start
    column = 0
    blank = false
    partiallyConsumedTab = false
    lineNumber += 1

    while let last = container.lastChild, last.open {
      container = last
      findNextNonspace()
      switch continueBlock(container) {
      case 0: break
      case 1: allMatched = false
      default: return
      }
      if !allMatched {
        container = container.parent!
        break
      }
    }

    allClosed = container === oldTip
    lastMatchedContainer = container

    var matchedLeaf =
      container.kind != .paragraph && container.kind != .table && acceptsLines(container.kind)
    while !matchedLeaf {
      findNextNonspace()
      if !indented, let c = peek(nextNonspace), !Self.maybeSpecial(c) {
        advanceNextNonspace()
        break
      }
      let r = tryBlockStarts(&container)
      if r == 0 {
        advanceNextNonspace()
        break
      }
      if r == 2 { matchedLeaf = true }
    }

    if !allClosed && !blank && tip.kind == .paragraph {
      addLine()  // lazy paragraph continuation
    } else {
      closeUnmatchedBlocks()
      if blank, let last = container.lastChild { last.lastLineBlank = true }
      let t = container.kind
      let lastLineBlank =
        blank
        && !(t == .blockQuote || (t == .codeBlock && container.fenced)
          || (t == .item && container.firstChild == nil && container.line == lineNumber))
      var cont: Node? = container
      while let c = cont {
        c.lastLineBlank = lastLineBlank
        cont = c.parent
      }
      switch t {
      case .paragraph, .codeBlock, .htmlBlock:
        addLine()
        if t == .htmlBlock && container.htmlBlockType >= 1 && container.htmlBlockType <= 5
          && HTMLScanner.endsHTMLBlock(container.htmlBlockType, src[offset..<lineEnd])
        {
          finalize(container)
        }
      case .table:
        if !blank && offset < lineEnd { addTableRow(container) }
      default:
        if offset < lineEnd && !blank {
          _ = addChild(.paragraph)
          advanceNextNonspace()
          addLine()
        }
      }
    }
  }

  func acceptsLines(_ k: Node.Kind) -> Bool {
    k == .paragraph || k == .codeBlock || k == .htmlBlock || k == .table
  }

  /// Bytes that can begin a block other than a paragraph (a fast path for ordinary text).
  /// `#` `` ` `` `~` `*` `+` `_` `=` `<` `>` digits `-` `|` `:`
  @inline(__always) static func maybeSpecial(_ c: UInt8) -> Bool {
    Bytes.inSet(c, 0x77ff_2c08_0000_0000, 0x5000_0001_8000_0000)
  }
}

struct LinkReference {
  var destination: [UInt8]
  var title: [UInt8]
}
