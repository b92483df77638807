/// Recognizers for raw HTML: the seven HTML block start conditions, their end conditions, and
/// inline HTML (open and closing tags, comments, processing instructions, declarations, CDATA).
enum HTMLScanner {
  static let type1Tags: [[UInt8]] = ["script", "pre", "textarea", "style"].map { Array($0.utf8) }
  static let type6Tags: Set<[UInt8]> = Set(
    [
      "address", "article", "aside", "base", "basefont", "blockquote", "body", "caption", "center",
      "col", "colgroup", "dd", "details", "dialog", "dir", "div", "dl", "dt", "fieldset",
      "figcaption", "figure", "footer", "form", "frame", "frameset", "h1", "h2", "h3", "h4", "h5",
      "h6", "head", "header", "hr", "html", "iframe", "legend", "li", "link", "main", "menu",
      "menuitem", "nav", "noframes", "ol", "optgroup", "option", "p", "param", "search", "section",
      "summary", "table", "tbody", "td", "tfoot", "th", "thead", "title", "tr", "track", "ul",
    ].map { Array($0.utf8) })

  static func hasPrefix(_ s: ArraySlice<UInt8>, _ p: String, caseInsensitive: Bool = false) -> Bool
  {
    var i = s.startIndex
    for b in p.utf8 {
      guard i < s.endIndex else { return false }
      let c = caseInsensitive ? Bytes.lower(s[i]) : s[i]
      if c != b { return false }
      i += 1
    }
    return true
  }

  /// Which start condition (1–7) the line (from its first non-space) satisfies, if any.
  static func htmlBlockStart(_ s: ArraySlice<UInt8>) -> Int? {
    let b = s.startIndex
    guard s.count >= 2, s[b] == UInt8(ascii: "<") else { return nil }
    let c1 = s[b + 1]
    if c1 == UInt8(ascii: "!") {
      if hasPrefix(s, "<!--") { return 2 }
      if hasPrefix(s, "<![CDATA[") { return 5 }
      if s.count > 2 && Bytes.isAlpha(s[b + 2]) { return 4 }
      return nil
    }
    if c1 == UInt8(ascii: "?") { return 3 }
    // Tag name.
    var i = b + 1
    let closing = c1 == UInt8(ascii: "/")
    if closing { i += 1 }
    let nameStart = i
    while i < s.endIndex && Bytes.isAlnum(s[i]) { i += 1 }
    if i > nameStart {
      let name = s[nameStart..<i].map(Bytes.lower)
      let atEnd = i == s.endIndex
      let next = atEnd ? 0 : s[i]
      if !closing && type1Tags.contains(name)
        && (atEnd || Bytes.isWhitespace(next) || next == UInt8(ascii: ">"))
      {
        return 1
      }
      if type6Tags.contains(name)
        && (atEnd || Bytes.isWhitespace(next) || next == UInt8(ascii: ">")
          || (next == UInt8(ascii: "/") && i + 1 < s.endIndex && s[i + 1] == UInt8(ascii: ">")))
      {
        return 6
      }
    }
    // Type 7: a complete open or closing tag alone on the line.
    if let end = closing ? scanClosingTag(s, b) : scanOpenTag(s, b) {
      if Bytes.isBlank(s[end...]) { return 7 }
    }
    return nil
  }

  static func endsHTMLBlock(_ type: Int, _ s: ArraySlice<UInt8>) -> Bool {
    switch type {
    case 1:
      var i = s.startIndex
      while i + 2 < s.endIndex {
        if s[i] == UInt8(ascii: "<") && s[i + 1] == UInt8(ascii: "/") {
          for t in ["script", "pre", "textarea", "style"]
          where hasPrefix(s[(i + 2)...], t + ">", caseInsensitive: true) {
            return true
          }
        }
        i += 1
      }
      return false
    case 2: return contains(s, "-->")
    case 3: return contains(s, "?>")
    case 4: return s.contains(UInt8(ascii: ">"))
    case 5: return contains(s, "]]>")
    default: return false
    }
  }

  static func contains(_ s: ArraySlice<UInt8>, _ needle: String) -> Bool {
    find(s, needle) != nil
  }

  /// Index just after the first occurrence of `needle`.
  static func find(_ s: ArraySlice<UInt8>, _ needle: String) -> Int? {
    let n = Array(needle.utf8)
    var i = s.startIndex
    while i + n.count <= s.endIndex {
      if s[i] == n[0] {
        var k = 1
        while k < n.count && s[i + k] == n[k] { k += 1 }
        if k == n.count { return i + n.count }
      }
      i += 1
    }
    return nil
  }

  static func skipWhitespace(_ s: ArraySlice<UInt8>, _ i: Int) -> Int {
    var i = i
    while i < s.endIndex && Bytes.isWhitespace(s[i]) { i += 1 }
    return i
  }

  static func scanTagName(_ s: ArraySlice<UInt8>, _ i: Int) -> Int? {
    guard i < s.endIndex, Bytes.isAlpha(s[i]) else { return nil }
    var i = i + 1
    while i < s.endIndex && (Bytes.isAlnum(s[i]) || s[i] == UInt8(ascii: "-")) { i += 1 }
    return i
  }

  /// `<tag attr="v" ...>` starting at `start` (the `<`); returns the index after `>`.
  static func scanOpenTag(_ s: ArraySlice<UInt8>, _ start: Int) -> Int? {
    guard var i = scanTagName(s, start + 1) else { return nil }
    while true {
      let afterWS = skipWhitespace(s, i)
      guard afterWS < s.endIndex else { return nil }
      let c = s[afterWS]
      if c == UInt8(ascii: ">") { return afterWS + 1 }
      if c == UInt8(ascii: "/") {
        return afterWS + 1 < s.endIndex && s[afterWS + 1] == UInt8(ascii: ">") ? afterWS + 2 : nil
      }
      // An attribute needs whitespace before it.
      guard afterWS > i else { return nil }
      guard Bytes.isAlpha(c) || c == UInt8(ascii: "_") || c == UInt8(ascii: ":") else { return nil }
      i = afterWS + 1
      while i < s.endIndex {
        let a = s[i]
        if Bytes.isAlnum(a) || a == UInt8(ascii: "_") || a == UInt8(ascii: ".")
          || a == UInt8(ascii: ":")
          || a == UInt8(ascii: "-")
        {
          i += 1
        } else {
          break
        }
      }
      // Optional value.
      let beforeEq = skipWhitespace(s, i)
      if beforeEq < s.endIndex && s[beforeEq] == UInt8(ascii: "=") {
        var v = skipWhitespace(s, beforeEq + 1)
        guard v < s.endIndex else { return nil }
        let q = s[v]
        if q == UInt8(ascii: "\"") || q == UInt8(ascii: "'") {
          v += 1
          while v < s.endIndex && s[v] != q { v += 1 }
          guard v < s.endIndex else { return nil }
          i = v + 1
        } else {
          let vs = v
          while v < s.endIndex {
            let x = s[v]
            if x <= 0x20 || x == UInt8(ascii: "\"") || x == UInt8(ascii: "'")
              || x == UInt8(ascii: "=")
              || x == UInt8(ascii: "<") || x == UInt8(ascii: ">") || x == UInt8(ascii: "`")
            {
              break
            }
            v += 1
          }
          guard v > vs else { return nil }
          i = v
        }
      }
    }
  }

  static func scanClosingTag(_ s: ArraySlice<UInt8>, _ start: Int) -> Int? {
    guard let i = scanTagName(s, start + 2) else { return nil }
    let j = skipWhitespace(s, i)
    guard j < s.endIndex, s[j] == UInt8(ascii: ">") else { return nil }
    return j + 1
  }

  /// Any inline raw HTML starting at `start` (a `<`); returns the index after it.
  static func scanInlineHTML(_ s: ArraySlice<UInt8>, _ start: Int) -> Int? {
    guard start + 1 < s.endIndex else { return nil }
    let c = s[start + 1]
    if Bytes.isAlpha(c) { return scanOpenTag(s, start) }
    if c == UInt8(ascii: "/") { return scanClosingTag(s, start) }
    if c == UInt8(ascii: "?") { return find(s[(start + 2)...], "?>") }
    if c == UInt8(ascii: "!") {
      let rest = s[(start + 2)...]
      if hasPrefix(rest, "-->") { return start + 5 }
      if hasPrefix(rest, "--->") { return start + 6 }
      if hasPrefix(rest, "--") { return find(s[(start + 4)...], "-->") }
      if hasPrefix(rest, "[CDATA[") { return find(s[(start + 9)...], "]]>") }
      if let f = rest.first, Bytes.isAlpha(f) {
        guard let gt = rest.firstIndex(of: UInt8(ascii: ">")) else { return nil }
        return gt + 1
      }
    }
    return nil
  }
}
