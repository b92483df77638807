/// Renders the tree as HTML the way the CommonMark reference implementations do (so the
/// spec's examples compare byte for byte). Iterative: nesting depth never grows the stack.
struct HTMLRenderer {
  var out: [UInt8] = []
  /// Lesson hooks (sanitizer, heading ids, link rewriting); nil for plain CommonMark.
  var lesson: LessonRenderer? = nil

  mutating func render(_ doc: Node) -> [UInt8] {
    out.reserveCapacity(1024)
    var walker = NodeWalker(doc)
    var altDepth = 0
    while let (node, entering) = walker.next() {
      if altDepth > 0 {
        // Inside an image: only the plain text goes into `alt`.
        switch node.kind {
        case .text, .code, .htmlInline:
          // Line ends inside alt text become spaces, as cmark writes them.
          if node.text.contains(Bytes.newline) {
            HTMLRenderer.escape(
              node.text.map { $0 == Bytes.newline ? Bytes.space : $0 }[...], into: &out)
          } else {
            HTMLRenderer.escape(node.text, into: &out)
          }
        case .softBreak, .lineBreak: out.append(Bytes.space)
        case .image:
          if entering {
            altDepth += 1
          } else {
            altDepth -= 1
            if altDepth == 0 { finishImage(node) }
          }
        default: break
        }
        continue
      }
      if lesson != nil, LessonRenderer.scopes(node.kind) {
        if entering {
          lesson!.sanitizer.enterScope()
        } else {
          lesson!.sanitizer.leaveScope(into: &out)
        }
      }
      switch node.kind {
      case .document: break
      case .text: HTMLRenderer.escape(node.text, into: &out)
      case .softBreak: out.append(Bytes.newline)
      case .lineBreak: lit("<br />\n")
      case .code:
        lit("<code>")
        HTMLRenderer.escape(node.text, into: &out)
        lit("</code>")
      case .htmlInline:
        if lesson != nil {
          lesson!.sanitize(node.text, into: &out)
        } else {
          out.append(contentsOf: node.text)
        }
      case .emphasis: lit(entering ? "<em>" : "</em>")
      case .strong: lit(entering ? "<strong>" : "</strong>")
      case .strikethrough: lit(entering ? "<del>" : "</del>")
      case .link:
        if entering {
          var dest = node.destination
          if lesson != nil { dest = lesson!.link(node) }
          lit("<a href=\"")
          escape(dest)
          lit("\"")
          if !node.title.isEmpty {
            lit(" title=\"")
            escape(node.title)
            lit("\"")
          }
          lit(">")
        } else {
          lit("</a>")
        }
      case .image:
        var src = node.destination
        if lesson != nil { src = lesson!.image(node) }
        lit("<img src=\"")
        escape(src)
        lit("\" alt=\"")
        altDepth = 1  // the image's exit event (in the branch above) closes the tag
      case .paragraph:
        if let gp = node.parent?.parent, gp.kind == .list, gp.list.tight { break }
        if entering {
          cr()
          lit("<p>")
        } else {
          lit("</p>\n")
        }
      case .heading:
        let tag = UInt8(ascii: "0") + UInt8(node.level)
        if entering {
          cr()
          lit("<h")
          out.append(tag)
          if lesson != nil, let id = lesson!.headingID(node) {
            lit(" id=\"")
            escape(id)
            lit("\"")
          }
          lit(">")
        } else {
          lit("</h")
          out.append(tag)
          lit(">\n")
        }
      case .codeBlock:
        cr()
        lit("<pre><code")
        if !node.info.isEmpty {
          let word = node.info.prefix { !Bytes.isWhitespace($0) }
          lit(" class=\"language-")
          escape(Array(word))
          lit("\"")
        }
        lit(">")
        escape(node.literal)
        lit("</code></pre>\n")
      case .htmlBlock:
        cr()
        if lesson != nil {
          lesson!.sanitize(node.literal[...], into: &out)
        } else {
          out.append(contentsOf: node.literal)
        }
        cr()
      case .thematicBreak:
        cr()
        lit("<hr />\n")
      case .blockQuote:
        cr()
        lit(entering ? "<blockquote>\n" : "</blockquote>\n")
      case .list:
        cr()
        if entering {
          if node.list.ordered {
            if node.list.start != 1 {
              lit("<ol start=\"")
              litString(String(node.list.start))
              lit("\">\n")
            } else {
              lit("<ol>\n")
            }
          } else {
            lit("<ul>\n")
          }
        } else {
          lit(node.list.ordered ? "</ol>\n" : "</ul>\n")
        }
      case .item:
        if entering {
          cr()
          switch node.level {
          case 1: lit("<li class=\"task\"><span class=\"box\" aria-hidden=\"true\">☐</span> ")
          case 2: lit("<li class=\"task done\"><span class=\"box\" aria-hidden=\"true\">☑</span> ")
          default: lit("<li>")
          }
        } else {
          lit("</li>\n")
        }
      case .table: renderTable(node, entering)
      case .tableRow: renderRow(node, entering)
      case .tableCell:
        let tag = node.isHeader ? "th" : "td"
        if entering {
          cr()
          litString("<" + tag)
          switch node.level {
          case 1: lit(" align=\"left\"")
          case 2: lit(" align=\"center\"")
          case 3: lit(" align=\"right\"")
          default: break
          }
          lit(">")
        } else {
          litString("</" + tag + ">\n")
        }
      }
    }
    lesson?.closeOpenTags(into: &out)
    return out
  }

  mutating func finishImage(_ node: Node) {
    lit("\"")
    if !node.title.isEmpty {
      lit(" title=\"")
      escape(node.title)
      lit("\"")
    }
    if lesson != nil { lesson!.imageAttributes(node, into: &out) }
    lit(" />")
  }

  mutating func renderTable(_ node: Node, _ entering: Bool) {
    cr()
    if entering {
      lit("<table>\n")
    } else {
      if let last = node.lastChild, !last.isHeader { lit("</tbody>\n") }
      lit("</table>\n")
    }
  }

  mutating func renderRow(_ node: Node, _ entering: Bool) {
    cr()
    if entering {
      if node.isHeader {
        lit("<thead>\n")
      } else if node.prev?.isHeader == true {
        lit("<tbody>\n")
      }
      lit("<tr>\n")
    } else {
      lit("</tr>\n")
      if node.isHeader { lit("</thead>\n") }
    }
  }

  @inline(__always) mutating func cr() {
    if let l = out.last, l != Bytes.newline { out.append(Bytes.newline) }
  }

  @inline(__always) mutating func lit(_ s: StaticString) {
    out.append(contentsOf: UnsafeBufferPointer(start: s.utf8Start, count: s.utf8CodeUnitCount))
  }

  mutating func litString(_ s: String) { out.append(contentsOf: s.utf8) }

  mutating func escape(_ s: [UInt8]) { HTMLRenderer.escape(s[...], into: &out) }

  static func escape(_ s: ArraySlice<UInt8>, into out: inout [UInt8]) {
    s.withUnsafeBufferPointer { b in
      var start = 0
      var i = 0
      let n = b.count
      while i < n {
        let c = b[i]
        // `&` `<` `>` `"`
        if Bytes.inSet(c, 0x5000_0044_0000_0000, 0) {
          if i > start { out.append(contentsOf: UnsafeBufferPointer(rebasing: b[start..<i])) }
          out.append(UInt8(ascii: "&"))
          switch c {
          case UInt8(ascii: "&"):
            out.append(UInt8(ascii: "a"))
            out.append(UInt8(ascii: "m"))
            out.append(UInt8(ascii: "p"))
          case UInt8(ascii: "<"):
            out.append(UInt8(ascii: "l"))
            out.append(UInt8(ascii: "t"))
          case UInt8(ascii: ">"):
            out.append(UInt8(ascii: "g"))
            out.append(UInt8(ascii: "t"))
          default:
            out.append(UInt8(ascii: "q"))
            out.append(UInt8(ascii: "u"))
            out.append(UInt8(ascii: "o"))
            out.append(UInt8(ascii: "t"))
          }
          out.append(UInt8(ascii: ";"))
          start = i + 1
        }
        i += 1
      }
      if start < n { out.append(contentsOf: UnsafeBufferPointer(rebasing: b[start..<n])) }
    }
  }
}
