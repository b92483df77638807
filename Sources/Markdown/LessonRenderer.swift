/// The lesson-only parts of rendering: raw HTML through the sanitizer, heading ids, link and
/// image destinations (rewritten, checked, recorded with their line for `relais check`).
struct LessonRenderer {
  let options: LessonOptions
  var sanitizer: Sanitizer
  var links: [SourceReference] = []
  var images: [SourceReference] = []
  var headings: [Heading] = []
  private var usedIDs: Set<String> = []

  init(options: LessonOptions) {
    self.options = options
    sanitizer = Sanitizer(allowedIframeHosts: options.allowedIframeHosts)
  }

  mutating func sanitize(_ html: ArraySlice<UInt8>, into out: inout [UInt8]) {
    sanitizer.sanitize(html, into: &out)
  }

  mutating func closeOpenTags(into out: inout [UInt8]) {
    sanitizer.closeOpenTags(into: &out)
  }

  /// Elements the renderer writes around Markdown content: raw HTML inside one stays inside.
  static func scopes(_ kind: Node.Kind) -> Bool {
    switch kind {
    case .paragraph, .heading, .emphasis, .strong, .strikethrough, .link, .blockQuote, .item,
      .tableCell:
      return true
    default: return false
    }
  }

  /// The href for a Markdown link: the author's destination, rewritten if the callback
  /// knows it, and emptied to `#` when its scheme is not safe (`javascript:` and friends).
  mutating func link(_ node: Node) -> [UInt8] {
    let written = Inlines.percentDecoded(node.destination)
    links.append(SourceReference(destination: written, line: lineOf(node)))
    if let r = options.rewriteLink?(written) { return Array(r.utf8) }
    return Sanitizer.isSafeURL(node.destination, image: false) ? node.destination : Array("#".utf8)
  }

  mutating func image(_ node: Node) -> [UInt8] {
    let written = Inlines.percentDecoded(node.destination)
    images.append(SourceReference(destination: written, line: lineOf(node)))
    if let r = options.rewriteLink?(written) { return Array(r.utf8) }
    return Sanitizer.isSafeURL(node.destination, image: true) ? node.destination : []
  }

  func imageAttributes(_ node: Node, into out: inout [UInt8]) {
    out.append(contentsOf: " loading=\"lazy\"".utf8)
    let written = Inlines.percentDecoded(node.destination)
    if let size = options.imageSize?(written) {
      out.append(contentsOf: " width=\"\(size.width)\" height=\"\(size.height)\"".utf8)
    }
  }

  /// Nodes made by the inline phase carry their own line; GFM autolinks use their block's.
  func lineOf(_ node: Node) -> Int {
    var n: Node? = node
    while let x = n {
      if x.line > 0 { return x.line }
      n = x.parent
    }
    return 0
  }

  /// A GitHub-style slug of the heading text, unique within the lesson.
  mutating func headingID(_ node: Node) -> [UInt8]? {
    let text = Self.plainText(node)
    var slug = Self.slug(text)
    if slug.isEmpty { slug = "section" }
    var id = slug
    var k = 1
    while usedIDs.contains(id) {
      id = "\(slug)-\(k)"
      k += 1
    }
    usedIDs.insert(id)
    headings.append(Heading(level: node.level, text: text, id: id))
    return Array(id.utf8)
  }

  static func plainText(_ node: Node) -> String {
    var bytes: [UInt8] = []
    var w = NodeWalker(node)
    while let (n, entering) = w.next() {
      guard entering else { continue }
      switch n.kind {
      case .text, .code:
        for c in n.text { bytes.append(c == Bytes.newline ? Bytes.space : c) }
      case .softBreak, .lineBreak: bytes.append(Bytes.space)
      default: break
      }
    }
    return String(decoding: bytes, as: UTF8.self)
  }

  /// Lowercase letters and digits kept, spaces and hyphens become `-`, `_` kept, the rest
  /// dropped: `Why verify? (Part 2)` → `why-verify-part-2`.
  static func slug(_ text: String) -> String {
    var out = ""
    for u in text.lowercased().unicodeScalars {
      if u.properties.isAlphabetic || u.properties.numericType != nil {
        out.unicodeScalars.append(u)
      } else if u == " " || u == "-" {
        out.append("-")
      } else if u == "_" {
        out.append("_")
      }
    }
    return out
  }
}
