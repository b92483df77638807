/// Autolinks: CommonMark's `<scheme:...>` and `<user@host>`, and GFM's extended autolinks
/// (`www.`, `http://`, `https://` and bare email addresses found in text).
enum Autolink {
  /// `<...>` at `start`: the index after `>` and whether it is an email address.
  static func scanAngle(_ s: ArraySlice<UInt8>, _ start: Int) -> (end: Int, email: Bool)? {
    var i = start + 1
    // URI: scheme of 2–32 characters, `:`, then no spaces, `<` or `>`.
    if i < s.endIndex && Bytes.isAlpha(s[i]) {
      var j = i + 1
      while j < s.endIndex
        && (Bytes.isAlnum(s[j]) || s[j] == UInt8(ascii: "+") || s[j] == UInt8(ascii: ".")
          || s[j] == UInt8(ascii: "-"))
      {
        j += 1
      }
      let schemeLength = j - i
      if schemeLength >= 2 && schemeLength <= 32 && j < s.endIndex && s[j] == UInt8(ascii: ":") {
        j += 1
        while j < s.endIndex {
          let c = s[j]
          if c == UInt8(ascii: ">") { return (j + 1, false) }
          if c <= 0x20 || c == UInt8(ascii: "<") || c == 0x7F { break }
          j += 1
        }
      }
    }
    // Email.
    while i < s.endIndex && isEmailLocal(s[i]) { i += 1 }
    guard i > start + 1, i < s.endIndex, s[i] == UInt8(ascii: "@") else { return nil }
    i += 1
    var labels = 0
    while true {
      let ls = i
      while i < s.endIndex && (Bytes.isAlnum(s[i]) || s[i] == UInt8(ascii: "-")) && i - ls < 63 {
        i += 1
      }
      guard i > ls, s[ls] != UInt8(ascii: "-"), s[i - 1] != UInt8(ascii: "-") else { return nil }
      labels += 1
      guard i < s.endIndex else { return nil }
      if s[i] == UInt8(ascii: ">") { return (i + 1, true) }
      guard s[i] == UInt8(ascii: ".") else { return nil }
      i += 1
    }
  }

  static func isEmailLocal(_ c: UInt8) -> Bool {
    if Bytes.isAlnum(c) { return true }
    switch c {
    case UInt8(ascii: "."), UInt8(ascii: "!"), UInt8(ascii: "#"), UInt8(ascii: "$"),
      UInt8(ascii: "%"), UInt8(ascii: "&"), UInt8(ascii: "'"), UInt8(ascii: "*"),
      UInt8(ascii: "+"), UInt8(ascii: "/"), UInt8(ascii: "="), UInt8(ascii: "?"),
      UInt8(ascii: "^"), UInt8(ascii: "_"), UInt8(ascii: "`"), UInt8(ascii: "{"),
      UInt8(ascii: "|"), UInt8(ascii: "}"), UInt8(ascii: "~"), UInt8(ascii: "-"):
      return true
    default: return false
    }
  }

  // MARK: GFM extended autolinks

  /// Replaces runs of text nodes under each container (outside links) by text and links.
  static func extend(_ root: Node) {
    var walker = NodeWalker(root)
    var containers: [Node] = []
    var linkDepth = 0
    while let (node, entering) = walker.next() {
      if node.kind == .link || node.kind == .image {
        linkDepth += entering ? 1 : -1
      } else if entering && linkDepth == 0 && node.isContainer && node.firstChild != nil {
        containers.append(node)
      }
    }
    for c in containers { linkify(c) }
  }

  static func linkify(_ container: Node) {
    var child = container.firstChild
    while let c = child {
      guard c.kind == .text else {
        child = c.next
        continue
      }
      // Merge following text nodes so `http://a_b` is seen whole.
      while let n = c.next, n.kind == .text {
        c.text.append(contentsOf: n.text)
        n.unlink()
      }
      child = c.next
      split(c)
    }
  }

  /// Splits one text node around the autolinks it contains.
  static func split(_ node: Node) {
    let t = Array(node.text)
    var i = 0
    var last = 0
    var pieces: [Node] = []
    while i < t.count {
      let c = t[i]
      var found: (start: Int, end: Int, href: [UInt8])? = nil
      if (c == UInt8(ascii: "w") || c == UInt8(ascii: "h")) && (i == 0 || isBoundary(t[i - 1])) {
        found = scanWWWOrURL(t, i)
      } else if c == UInt8(ascii: "@") {
        found = scanEmail(t, i, last)
      }
      if let f = found {
        if f.start > last {
          let tx = Node(.text)
          tx.text = t[last..<f.start]
          pieces.append(tx)
        }
        let link = Node(.link)
        link.destination = Inlines.normalizeURI(f.href)
        let tx = Node(.text)
        tx.text = t[f.start..<f.end]
        link.appendChild(tx)
        pieces.append(link)
        last = f.end
        i = f.end
      } else {
        i += 1
      }
    }
    guard !pieces.isEmpty else { return }
    if last < t.count {
      let tx = Node(.text)
      tx.text = t[last...]
      pieces.append(tx)
    }
    var anchor = node
    for p in pieces {
      anchor.insertAfter(p)
      anchor = p
    }
    node.unlink()
  }

  static func isBoundary(_ c: UInt8) -> Bool {
    Bytes.isWhitespace(c) || c == UInt8(ascii: "*") || c == UInt8(ascii: "_")
      || c == UInt8(ascii: "~") || c == UInt8(ascii: "(")
  }

  static func hasPrefix(_ t: [UInt8], _ i: Int, _ p: String) -> Bool {
    HTMLScanner.hasPrefix(t[i...], p, caseInsensitive: true)
  }

  static func scanWWWOrURL(_ t: [UInt8], _ i: Int) -> (start: Int, end: Int, href: [UInt8])? {
    var j: Int
    var prefix: [UInt8] = []
    if hasPrefix(t, i, "www.") {
      j = i
      prefix = Array("http://".utf8)
    } else if hasPrefix(t, i, "http://") {
      j = i + 7
    } else if hasPrefix(t, i, "https://") {
      j = i + 8
    } else {
      return nil
    }
    guard let domainEnd = scanDomain(t, j) else { return nil }
    j = domainEnd
    while j < t.count && !Bytes.isWhitespace(t[j]) && t[j] != UInt8(ascii: "<") { j += 1 }
    let end = trimTrailing(t, i, j)
    return (i, end, prefix + t[i..<end])
  }

  /// A valid domain: segments of alphanumerics, `_` and `-` separated by periods, at least
  /// one period, and no underscore in the last two segments.
  static func scanDomain(_ t: [UInt8], _ start: Int) -> Int? {
    var j = start
    var segments: [(Int, Bool)] = []
    var segStart = j
    var underscore = false
    while j < t.count {
      let c = t[j]
      if Bytes.isAlnum(c) || c == UInt8(ascii: "-") || c >= 0x80 {
        j += 1
      } else if c == UInt8(ascii: "_") {
        underscore = true
        j += 1
      } else if c == UInt8(ascii: ".") && j > segStart {
        segments.append((j - segStart, underscore))
        underscore = false
        j += 1
        segStart = j
      } else {
        break
      }
    }
    if j > segStart { segments.append((j - segStart, underscore)) }
    guard segments.count >= 2 else { return nil }
    if segments.suffix(2).contains(where: { $0.1 }) { return nil }
    // A trailing period is not part of the domain.
    return j > start && t[j - 1] == UInt8(ascii: ".") ? j - 1 : j
  }

  /// Trailing punctuation, unbalanced `)` and entity-like `&x;` are not part of a link.
  static func trimTrailing(_ t: [UInt8], _ start: Int, _ end: Int) -> Int {
    var e = end
    while e > start {
      let c = t[e - 1]
      if "?!.,:*_~'\"".utf8.contains(c) {
        e -= 1
      } else if c == UInt8(ascii: ")") {
        var open = 0
        var close = 0
        for x in t[start..<e] {
          if x == UInt8(ascii: "(") { open += 1 } else if x == UInt8(ascii: ")") { close += 1 }
        }
        if close > open { e -= 1 } else { break }
      } else if c == UInt8(ascii: ";") {
        var k = e - 2
        while k > start && Bytes.isAlnum(t[k]) { k -= 1 }
        if k >= start && t[k] == UInt8(ascii: "&") && k < e - 2 { e = k } else { break }
      } else {
        break
      }
    }
    return e
  }

  static func scanEmail(_ t: [UInt8], _ at: Int, _ floor: Int) -> (
    start: Int, end: Int, href: [UInt8]
  )? {
    var s = at
    while s > floor
      && (Bytes.isAlnum(t[s - 1]) || t[s - 1] == UInt8(ascii: ".") || t[s - 1] == UInt8(ascii: "-")
        || t[s - 1] == UInt8(ascii: "_") || t[s - 1] == UInt8(ascii: "+"))
    {
      s -= 1
    }
    guard s < at else { return nil }
    var j = at + 1
    var dots = 0
    while j < t.count {
      let c = t[j]
      if Bytes.isAlnum(c) || c == UInt8(ascii: "-") || c == UInt8(ascii: "_") {
        j += 1
      } else if c == UInt8(ascii: ".") && j + 1 < t.count && Bytes.isAlnum(t[j + 1]) {
        dots += 1
        j += 1
      } else {
        break
      }
    }
    guard dots >= 1, j > at + 1 else { return nil }
    let lastC = t[j - 1]
    if lastC == UInt8(ascii: "-") || lastC == UInt8(ascii: "_") { return nil }
    return (s, j, Array("mailto:".utf8) + t[s..<j])
  }
}
