/// Parsing driver: block phase, then the inline phase over every leaf that holds text.
enum Document {
  static func parse(_ bytes: [UInt8], gfm: Bool, trackLines: Bool = false) -> Node {
    var blocks = BlockParser(bytes, gfm: gfm)
    let doc = blocks.parseBlocks()
    for leaf in blocks.leaves {
      let content = leaf.literal
      leaf.literal = []
      var p = InlineParser(Bytes.trimmed(content[...]), refmap: blocks.refmap)
      p.gfm = gfm
      p.trackLines = trackLines
      p.baseLine = leaf.line
      p.parse(into: leaf)
    }
    if gfm {
      Autolink.extend(doc)
      TaskList.mark(blocks.leaves)
    }
    return doc
  }
}
