/// The allowlist for raw HTML in lessons. Tags not listed are escaped (shown as text), listed
/// tags keep only listed attributes, and URL attributes keep only safe schemes. Open tags are
/// tracked across the whole lesson so a stray `</div>` cannot close the page's own layout.
struct Sanitizer {
  var allowedIframeHosts: [String]
  private var openTags: [String] = []
  /// Where each element the renderer wrote (a paragraph, a link, a list item…) began in
  /// `openTags`: raw tags opened inside it are closed before its own end tag, and a raw end
  /// tag cannot close what was opened outside it, so output stays properly nested.
  private var scopes: [Int] = []

  init(allowedIframeHosts: [String]) {
    self.allowedIframeHosts = allowedIframeHosts.map { $0.lowercased() }
  }

  static let voidTags: Set<String> = ["br", "hr", "img", "wbr"]
  static let globalAttributes: Set<String> = ["title", "lang", "dir"]
  static let tagAttributes: [String: Set<String>] = [
    "a": ["href"], "abbr": [], "b": [], "blockquote": ["cite"], "br": [], "caption": [],
    "cite": [], "code": [], "dd": [], "del": ["cite"], "details": ["open"], "dfn": [],
    "div": [], "dl": [], "dt": [], "em": [], "figcaption": [], "figure": [], "h1": [],
    "h2": [], "h3": [], "h4": [], "h5": [], "h6": [], "hr": [], "i": [],
    "img": ["src", "alt", "width", "height"], "ins": ["cite"], "kbd": [], "li": ["value"],
    "mark": [], "ol": ["start", "type", "reversed"], "p": [], "pre": [], "q": ["cite"],
    "s": [], "samp": [], "small": [], "span": [], "strong": [], "sub": [], "summary": [],
    "sup": [], "table": [], "tbody": [], "td": ["colspan", "rowspan", "align"], "tfoot": [],
    "th": ["colspan", "rowspan", "align", "scope"], "thead": [], "tr": [], "u": [], "ul": [],
    "var": [],
    "iframe": ["src", "width", "height", "title", "allow", "allowfullscreen", "loading"],
  ]
  static let urlAttributes: Set<String> = ["href", "src", "cite"]

  /// Writes `html` (a raw HTML block or inline) to `out`, keeping only what is allowed.
  mutating func sanitize(_ html: ArraySlice<UInt8>, into out: inout [UInt8]) {
    var i = html.startIndex
    var textStart = i
    while i < html.endIndex {
      guard html[i] == UInt8(ascii: "<") else {
        i += 1
        continue
      }
      escapeText(html[textStart..<i], into: &out)
      if HTMLScanner.hasPrefix(html[i...], "<!--") {
        // Comments are the trainer's notes: dropped.
        let end = HTMLScanner.find(html[(i + 4)...], "-->") ?? html.endIndex
        i = end
      } else if let tag = Self.parseTag(html, i) {
        if !emit(tag, into: &out) { HTMLRenderer.escape(html[i..<tag.end], into: &out) }
        i = tag.end
      } else {
        out.append(contentsOf: "&lt;".utf8)
        i += 1
      }
      textStart = i
    }
    escapeText(html[textStart..<i], into: &out)
  }

  /// Text between tags: character references stay as written, bare `&`, `<`, `>` are escaped.
  func escapeText(_ t: ArraySlice<UInt8>, into out: inout [UInt8]) {
    var i = t.startIndex
    while i < t.endIndex {
      let c = t[i]
      if c == UInt8(ascii: "&"), let (_, end) = Inlines.entity(t, i) {
        out.append(contentsOf: t[i..<end])
        i = end
        continue
      }
      HTMLRenderer.escape(t[i..<(i + 1)], into: &out)
      i += 1
    }
  }

  /// Closes tags the lesson left open, so they cannot swallow the rest of the page.
  mutating func closeOpenTags(into out: inout [UInt8]) {
    while let t = openTags.popLast() { out.append(contentsOf: "</\(t)>".utf8) }
    scopes.removeAll()
  }

  /// The renderer opens an element of its own (`<p>`, `<em>`, `<li>`…).
  mutating func enterScope() { scopes.append(openTags.count) }

  /// The renderer is about to close its element: raw tags opened inside it close first.
  mutating func leaveScope(into out: inout [UInt8]) {
    let floor = scopes.popLast() ?? 0
    while openTags.count > floor { out.append(contentsOf: "</\(openTags.removeLast())>".utf8) }
  }

  struct Tag {
    var name: String
    var closing: Bool
    var selfClosing: Bool
    var attributes: [(name: String, value: [UInt8])]
    var end: Int
  }

  static func parseTag(_ s: ArraySlice<UInt8>, _ start: Int) -> Tag? {
    var i = start + 1
    let closing = i < s.endIndex && s[i] == UInt8(ascii: "/")
    if closing { i += 1 }
    guard let nameEnd = HTMLScanner.scanTagName(s, i) else { return nil }
    var tag = Tag(
      name: String(decoding: s[i..<nameEnd].map(Bytes.lower), as: UTF8.self), closing: closing,
      selfClosing: false, attributes: [], end: 0)
    i = nameEnd
    while true {
      i = HTMLScanner.skipWhitespace(s, i)
      guard i < s.endIndex else { return nil }
      let c = s[i]
      if c == UInt8(ascii: ">") {
        tag.end = i + 1
        return tag
      }
      if c == UInt8(ascii: "/") && i + 1 < s.endIndex && s[i + 1] == UInt8(ascii: ">") {
        tag.selfClosing = true
        tag.end = i + 2
        return tag
      }
      let nameStart = i
      while i < s.endIndex {
        let a = s[i]
        if Bytes.isWhitespace(a) || a == UInt8(ascii: "=") || a == UInt8(ascii: ">")
          || a == UInt8(ascii: "/") || a == UInt8(ascii: "\"") || a == UInt8(ascii: "'")
          || a == UInt8(ascii: "<")
        {
          break
        }
        i += 1
      }
      guard i > nameStart else { return nil }
      let name = String(decoding: s[nameStart..<i].map(Bytes.lower), as: UTF8.self)
      var value: [UInt8] = []
      let eq = HTMLScanner.skipWhitespace(s, i)
      if eq < s.endIndex && s[eq] == UInt8(ascii: "=") {
        i = HTMLScanner.skipWhitespace(s, eq + 1)
        guard i < s.endIndex else { return nil }
        let q = s[i]
        if q == UInt8(ascii: "\"") || q == UInt8(ascii: "'") {
          guard let close = s[(i + 1)...].firstIndex(of: q) else { return nil }
          value = Array(s[(i + 1)..<close])
          i = close + 1
        } else {
          let vs = i
          while i < s.endIndex && !Bytes.isWhitespace(s[i]) && s[i] != UInt8(ascii: ">") { i += 1 }
          value = Array(s[vs..<i])
        }
      }
      tag.attributes.append((name, Inlines.decodeEntities(value)))
    }
  }

  /// Writes an allowed tag; returns false when the tag must be escaped instead.
  mutating func emit(_ tag: Tag, into out: inout [UInt8]) -> Bool {
    guard let allowed = Self.tagAttributes[tag.name] else { return false }
    if tag.closing {
      guard let k = openTags.lastIndex(of: tag.name), k >= scopes.last ?? 0 else { return false }
      while openTags.count > k {
        out.append(contentsOf: "</\(openTags.removeLast())>".utf8)
      }
      return true
    }
    if tag.name == "iframe" {
      guard let src = tag.attributes.first(where: { $0.name == "src" })?.value,
        iframeHostAllowed(src)
      else { return false }
    }
    out.append(contentsOf: "<\(tag.name)".utf8)
    for (name, value) in tag.attributes
    where allowed.contains(name) || Self.globalAttributes.contains(name) {
      if Self.urlAttributes.contains(name)
        && !Self.isSafeURL(value, image: tag.name == "img")
      {
        continue
      }
      out.append(contentsOf: " \(name)=\"".utf8)
      HTMLRenderer.escape(value[...], into: &out)
      out.append(UInt8(ascii: "\""))
    }
    if tag.name == "img" { out.append(contentsOf: " loading=\"lazy\"".utf8) }
    out.append(contentsOf: (Self.voidTags.contains(tag.name) ? " />" : ">").utf8)
    if !Self.voidTags.contains(tag.name) {
      if tag.selfClosing {
        out.append(contentsOf: "</\(tag.name)>".utf8)
      } else {
        openTags.append(tag.name)
      }
    }
    return true
  }

  func iframeHostAllowed(_ src: [UInt8]) -> Bool {
    guard !allowedIframeHosts.isEmpty else { return false }
    let url = String(decoding: src, as: UTF8.self).lowercased()
    guard url.hasPrefix("https://") else { return false }
    let rest = url.dropFirst(8)
    let host = String(rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" && $0 != ":" })
    return allowedIframeHosts.contains { host == $0 || host.hasSuffix("." + $0) }
  }

  /// Relative URLs and http(s)/mailto pass; images may also be inline raster `data:`. The
  /// check ignores case, whitespace and control characters, as browsers do.
  static func isSafeURL(_ value: [UInt8], image: Bool) -> Bool {
    var compact: [UInt8] = []
    for c in value where c > 0x20 && c != 0x7F { compact.append(Bytes.lower(c)) }
    guard let colon = compact.firstIndex(of: UInt8(ascii: ":")) else { return true }
    if compact[..<colon].contains(where: {
      $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "#")
    }) {
      return true  // the colon is in the path or query: a relative URL
    }
    let scheme = String(decoding: compact[..<colon], as: UTF8.self)
    switch scheme {
    case "http", "https", "mailto": return true
    case "data":
      guard image else { return false }
      let rest = String(decoding: compact[(colon + 1)...], as: UTF8.self)
      return ["image/png", "image/jpeg", "image/gif", "image/webp"].contains {
        rest.hasPrefix($0 + ";") || rest.hasPrefix($0 + ",")
      }
    default: return false
    }
  }
}
