/// A run of `*`, `_` or `~` that may open or close emphasis. The parser's array owns it.
final class Delimiter {
  let cc: UInt8
  var numDelims: Int
  let origDelims: Int
  let node: Node
  unowned(unsafe) var previous: Delimiter?
  unowned(unsafe) var next: Delimiter?
  let canOpen: Bool
  let canClose: Bool

  init(cc: UInt8, count: Int, node: Node, canOpen: Bool, canClose: Bool) {
    self.cc = cc
    numDelims = count
    origDelims = count
    self.node = node
    self.canOpen = canOpen
    self.canClose = canClose
  }
}

extension InlineParser {
  mutating func handleDelim(_ cc: UInt8, _ block: Node) {
    let start = pos
    while pos < s.endIndex && s[pos] == cc { pos += 1 }
    let count = pos - start
    let before = Bytes.scalar(before: start, in: s)
    let after = Bytes.scalar(at: pos, in: s)
    let afterWS = Bytes.isUnicodeWhitespace(after)
    let afterP = Bytes.isUnicodePunctuation(after)
    let beforeWS = Bytes.isUnicodeWhitespace(before)
    let beforeP = Bytes.isUnicodePunctuation(before)
    let left = !afterWS && (!afterP || beforeWS || beforeP)
    let right = !beforeWS && (!beforeP || afterWS || afterP)
    let canOpen: Bool
    let canClose: Bool
    if cc == UInt8(ascii: "_") {
      canOpen = left && (!right || beforeP)
      canClose = right && (!left || afterP)
    } else {
      canOpen = left
      canClose = right
    }
    let node = text(s[start..<pos])
    block.appendChild(node)
    if (canOpen || canClose) && (cc != UInt8(ascii: "~") || count <= 2) {
      let d = Delimiter(cc: cc, count: count, node: node, canOpen: canOpen, canClose: canClose)
      d.previous = delimiters
      delimiters?.next = d
      delimiters = d
      ownedDelimiters.append(d)
    }
  }

  mutating func removeDelimiter(_ d: Delimiter) {
    if let p = d.previous { p.next = d.next }
    if let n = d.next {
      n.previous = d.previous
    } else {
      delimiters = d.previous
    }
  }

  /// The spec's "process emphasis" over delimiters above `bottom`.
  mutating func processEmphasis(_ bottom: Delimiter?) {
    var openersBottom = [Delimiter?](repeating: bottom, count: 16)
    var closer = delimiters
    while let c = closer, c.previous !== bottom { closer = c.previous }
    while let c = closer {
      guard c.canClose else {
        closer = c.next
        continue
      }
      let index: Int
      switch c.cc {
      case UInt8(ascii: "_"): index = 2 + (c.canOpen ? 3 : 0) + c.origDelims % 3
      case UInt8(ascii: "*"): index = 8 + (c.canOpen ? 3 : 0) + c.origDelims % 3
      default: index = 14 + (c.canOpen ? 1 : 0)
      }
      var opener = c.previous
      var found = false
      while let o = opener, o !== bottom, o !== openersBottom[index] {
        if o.cc == c.cc && o.canOpen {
          if c.cc == UInt8(ascii: "~") {
            if o.numDelims == c.numDelims {
              found = true
              break
            }
          } else {
            let oddMatch =
              (c.canOpen || o.canClose) && c.origDelims % 3 != 0
              && (o.origDelims + c.origDelims) % 3 == 0
            if !oddMatch {
              found = true
              break
            }
          }
        }
        opener = o.previous
      }
      if let o = opener, found {
        let use =
          c.cc == UInt8(ascii: "~") ? c.numDelims : (c.numDelims >= 2 && o.numDelims >= 2 ? 2 : 1)
        let openerNode = o.node
        let closerNode = c.node
        o.numDelims -= use
        c.numDelims -= use
        openerNode.text.removeLast(use)
        closerNode.text.removeLast(use)
        let kind: Node.Kind =
          c.cc == UInt8(ascii: "~") ? .strikethrough : (use == 1 ? .emphasis : .strong)
        let emph = Node(kind)
        var tmp = openerNode.next
        while let t = tmp, t !== closerNode {
          tmp = t.next
          emph.appendChild(t)
        }
        openerNode.insertAfter(emph)
        // Remove delimiters between opener and closer.
        if o.next !== c {
          o.next = c
          c.previous = o
        }
        if o.numDelims == 0 {
          openerNode.unlink()
          removeDelimiter(o)
        }
        if c.numDelims == 0 {
          closerNode.unlink()
          let nextCloser = c.next
          removeDelimiter(c)
          closer = nextCloser
        }
      } else {
        closer = c.next
        openersBottom[index] = c.previous
        if !c.canOpen { removeDelimiter(c) }
      }
    }
    while let d = delimiters, d !== bottom { removeDelimiter(d) }
  }
}
