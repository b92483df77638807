/// GitHub task list items: `- [ ] step` and `- [x] done`. Lessons use them for checklists.
/// The marker is taken out of the item's text and remembered on the item (`level`: 1 open,
/// 2 checked); the renderer shows a box. The blocks are leaves of the parse, so walking
/// them once is linear.
enum TaskList {
  static func mark(_ leaves: [Node]) {
    for leaf in leaves where leaf.kind == .paragraph {
      guard let item = leaf.parent, item.kind == .item, item.firstChild === leaf,
        let text = leaf.firstChild, text.kind == .text, text.text.count >= 4
      else { continue }
      let t = text.text
      let s = t.startIndex
      guard t[s] == UInt8(ascii: "["), t[s + 2] == UInt8(ascii: "]"),
        t[s + 3] == UInt8(ascii: " ") || t[s + 3] == UInt8(ascii: "\t")
      else { continue }
      switch t[s + 1] {
      case UInt8(ascii: " "): item.level = 1
      case UInt8(ascii: "x"), UInt8(ascii: "X"): item.level = 2
      default: continue
      }
      text.text = t.dropFirst(4)
    }
  }
}
