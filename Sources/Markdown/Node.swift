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
  /// Code/html blocks: their content; paragraphs, headings, cells: raw text until inlines
  /// are parsed.
  var literal: [UInt8] = []
  /// Inline text, code spans and raw HTML: a slice of the leaf's content (no copy).
  var text: ArraySlice<UInt8> = []

  // Block parsing state.
  var open = true
  var lastLineBlank = false
  var lastLineChecked = false

  // Headings; table cells reuse it as the column alignment (0 none, 1 left, 2 center, 3 right).
  var level = 0
  // Tables: header row / cell.
  var isHeader = false
  /// Plain text from the inline parser that a following run may extend in place.
  var extendable = false
  /// What only some kinds need, kept out of line so text nodes stay small.
  private var extra: NodeExtra?

  private var ensureExtra: NodeExtra {
    if let e = extra { return e }
    let e = NodeExtra()
    extra = e
    return e
  }

  var fenced: Bool {
    get { extra?.fenced ?? false }
    set { ensureExtra.fenced = newValue }
  }
  var fenceChar: UInt8 {
    get { extra?.fenceChar ?? 0 }
    set { ensureExtra.fenceChar = newValue }
  }
  var fenceLength: Int {
    get { extra?.fenceLength ?? 0 }
    set { ensureExtra.fenceLength = newValue }
  }
  var fenceOffset: Int {
    get { extra?.fenceOffset ?? 0 }
    set { ensureExtra.fenceOffset = newValue }
  }
  /// Code fence info string; for tables, one alignment byte per column.
  var info: [UInt8] {
    get { extra?.info ?? [] }
    set { ensureExtra.info = newValue }
  }
  var htmlBlockType: Int {
    get { extra?.htmlBlockType ?? 0 }
    set { ensureExtra.htmlBlockType = newValue }
  }
  var list: ListData {
    get { extra?.list ?? ListData() }
    set { ensureExtra.list = newValue }
  }
  var destination: [UInt8] {
    get { extra?.destination ?? [] }
    set { ensureExtra.destination = newValue }
  }
  var title: [UInt8] {
    get { extra?.title ?? [] }
    set { ensureExtra.title = newValue }
  }

  init(_ kind: Kind, line: Int = 0) {
    self.kind = kind
    self.line = line
  }

  /// Releases the tree below this node one node at a time. Called once the document is
  /// rendered: the compiler-generated release chain would recurse once per level (50,000
  /// nested block quotes overflow the stack) and per sibling.
  func teardown() {
    var pending: [Node] = [self]
    while let n = pending.popLast() {
      var c = n.firstChild
      n.firstChild = nil
      n.lastChild = nil
      while let k = c {
        c = k.next
        k.next = nil
        if k.firstChild != nil { pending.append(k) }
      }
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
    if child.parent != nil { child.unlink() }
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

final class NodeExtra {
  var fenced = false
  var fenceChar: UInt8 = 0
  var fenceLength = 0
  var fenceOffset = 0
  var info: [UInt8] = []
  /// HTML blocks: which of the seven start conditions opened it.
  var htmlBlockType = 0
  var list = ListData()
  var destination: [UInt8] = []
  var title: [UInt8] = []
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
