/// Closing a block: what each kind does once no more lines can join it (reference
/// definitions leave paragraphs, fences yield their info string, lists learn tightness).
extension BlockParser {
  mutating func finalize(_ block: Node) {
    let above = block.parent
    block.open = false
    switch block.kind {
    case .paragraph:
      var start = 0
      while start < block.literal.count && block.literal[start] == UInt8(ascii: "[") {
        var p = InlineParser(block.literal[start...], refmap: [:])
        guard let consumed = p.parseReference(into: &refmap) else { break }
        for c in block.literal[start..<(start + consumed)] where c == Bytes.newline {
          block.line += 1
        }
        start += consumed
      }
      if start > 0 {
        block.literal.removeFirst(start)
        if Bytes.isBlank(block.literal[...]) {
          block.unlink()
          break
        }
      }
      leaves.append(block)
    case .heading:
      leaves.append(block)
    case .table:
      var row = block.firstChild
      while let r = row {
        var cell = r.firstChild
        while let c = cell {
          leaves.append(c)
          cell = c.next
        }
        row = r.next
      }
    case .codeBlock:
      if block.fenced {
        let nl = block.literal.firstIndex(of: Bytes.newline) ?? block.literal.count
        let first = Bytes.trimmed(block.literal[..<nl])
        block.info = Inlines.unescape(first)
        block.literal = nl < block.literal.count ? Array(block.literal[(nl + 1)...]) : []
      } else {
        // Drop trailing blank lines (the literal always ends with a newline).
        let lit = block.literal
        var end = lit.count
        while end > 0 {
          var j = end - 1
          while j > 0 && lit[j - 1] != Bytes.newline { j -= 1 }
          guard Bytes.isBlank(lit[j..<(end - 1)]) else { break }
          end = j
        }
        block.literal.removeSubrange(end...)
      }
    case .htmlBlock:
      // Strip trailing `(\n *)+`, as the reference implementation does.
      let lit = block.literal
      var end = lit.count
      while true {
        var j = end
        while j > 0 && lit[j - 1] == Bytes.space { j -= 1 }
        guard j > 0 && lit[j - 1] == Bytes.newline else { break }
        end = j - 1
      }
      block.literal.removeSubrange(end...)
    case .list:
      var item = block.firstChild
      outer: while let it = item {
        if it.next != nil && Self.endsWithBlankLine(it) {
          block.list.tight = false
          break
        }
        var sub = it.firstChild
        while let s = sub {
          if s.next != nil && Self.endsWithBlankLine(s) {
            block.list.tight = false
            break outer
          }
          sub = s.next
        }
        item = it.next
      }
    default: break
    }
    tip = above ?? doc
  }

  static func endsWithBlankLine(_ block: Node) -> Bool {
    var b: Node? = block
    while let x = b {
      if x.lastLineBlank { return true }
      if !x.lastLineChecked && (x.kind == .list || x.kind == .item) {
        x.lastLineChecked = true
        b = x.lastChild
      } else {
        x.lastLineChecked = true
        break
      }
    }
    return false
  }
}
