/// One node of the document tree: blocks (document, paragraphs, lists...) and inlines (text,
/// emphasis, links...). Built by the block and inline parsers, then only read by renderers.
/// Children are a doubly linked list so the inline delimiter algorithm can splice in O(1).
final class Node {
  enum Kind: UInt8 {
    case document, blockQuote, list, item, codeBlock, htmlBlock, paragraph, heading
    case thematicBreak, table, tableRow, tableCell
    case text, softBreak, lineBreak, code, htmlInline, emphasis, strong, strikethrough
    case link, image
  }

  var kind: Kind
  // `parent` and `prev` do not own: the tree is owned top-down through firstChild/next.
  unowned(unsafe) var parent: Node?
  unowned(unsafe) var prev: Node?
  var next: Node?
  var firstChild: Node?
  unowned(unsafe) var lastChild: Node?

  /// 1-based source line where the node starts (blocks; links and images get their own).
  var line: Int = 0
  /// Text: the literal; code/html blocks: their content; paragraphs: raw lines during parsing.
  var literal: [UInt8] = []

  // Block parsing state.
  var open = true
  var lastLineBlank = false
  var lastLineChecked = false

  // Headings; table cells reuse it as the column alignment (0 none, 1 left, 2 center, 3 right).
  var level = 0
  // Fenced code blocks.
  var fenced = false
  var fenceChar: UInt8 = 0
  var fenceLength = 0
  var fenceOffset = 0
  var info: [UInt8] = []
  // HTML blocks: which of the seven start conditions opened it.
  var htmlBlockType = 0
  // Lists and items.
  var list = ListData()
  // Links and images.
  var destination: [UInt8] = []
  var title: [UInt8] = []
  // Tables: header row / cell.
  var isHeader = false

  init(_ kind: Kind, line: Int = 0) {
    self.kind = kind
    self.line = line
  }

  /// Releases a deep or long tree without recursing once per level (50,000 nested block
  /// quotes would otherwise overflow the stack in the compiler-generated release chain).
  deinit {
    guard firstChild != nil || next != nil else { return }
    var pending: [Node] = []
    if let c = firstChild { pending.append(c) }
    firstChild = nil
    if let n = next { pending.append(n) }
    next = nil
    while let n = pending.popLast() {
      if let c = n.firstChild { pending.append(c) }
      n.firstChild = nil
      if let s = n.next { pending.append(s) }
      n.next = nil
    }
  }

  var isContainer: Bool {
    switch kind {
    case .document, .blockQuote, .list, .item, .paragraph, .heading, .emphasis, .strong,
      .strikethrough, .link, .image, .table, .tableRow, .tableCell:
      return true
    default: return false
    }
  }

  func appendChild(_ child: Node) {
    child.unlink()
    child.parent = self
    if let last = lastChild {
      last.next = child
      child.prev = last
      lastChild = child
    } else {
      firstChild = child
      lastChild = child
    }
  }

  func insertAfter(_ sibling: Node) {
    sibling.unlink()
    sibling.next = next
    if let n = next { n.prev = sibling }
    sibling.prev = self
    next = sibling
    sibling.parent = parent
    if sibling.next == nil { parent?.lastChild = sibling }
  }

  func insertBefore(_ sibling: Node) {
    sibling.unlink()
    sibling.prev = prev
    if let p = prev { p.next = sibling }
    sibling.next = self
    prev = sibling
    sibling.parent = parent
    if sibling.prev == nil { parent?.firstChild = sibling }
  }

  /// Detaches the node; the caller must hold a reference, since `next` owned it.
  func unlink() {
    let keep = self
    if let p = prev {
      p.next = next
    } else if let par = parent {
      par.firstChild = next
    }
    if let n = next {
      n.prev = prev
    } else if let par = parent {
      par.lastChild = prev
    }
    keep.parent = nil
    keep.next = nil
    keep.prev = nil
  }
}

struct ListData {
  var ordered = false
  var bulletChar: UInt8 = 0
  var start = 0
  var delimiter: UInt8 = 0
  var padding = 0
  var markerOffset = 0
  var tight = true
}

/// Walks a tree in document order with enter/exit events, without recursion.
struct NodeWalker {
  private var current: Node?
  private var entering = true
  private let root: Node

  init(_ root: Node) {
    self.root = root
    current = root
  }

  mutating func next() -> (node: Node, entering: Bool)? {
    guard let cur = current else { return nil }
    let wasEntering = entering
    if wasEntering && cur.isContainer {
      if let c = cur.firstChild {
        current = c
        entering = true
      } else {
        entering = false
      }
    } else if cur === root {
      current = nil
    } else if let n = cur.next {
      current = n
      entering = true
    } else {
      current = cur.parent
      entering = false
    }
    return (cur, wasEntering)
  }

  /// Continues after `node` as if its subtree had been visited (used to skip image alt text).
  mutating func resume(exiting node: Node) {
    current = node
    entering = false
  }
}
