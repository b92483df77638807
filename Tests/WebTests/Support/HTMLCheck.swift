/// A strict well-formedness check for the HTML the app writes: every element closed in order
/// (void elements excepted), no `<` in text that does not start a tag, comment or doctype,
/// quoted attributes closed. The app writes all of its end tags, so anything else means a
/// value reached the page unescaped. Returns nil when the page is well formed, or a short
/// description of the first problem and where it is.
enum HTMLCheck {
  static let void: Set<String> = [
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
    "track", "wbr",
  ]
  /// Their content is text up to their own end tag.
  static let raw: Set<String> = ["script", "style", "textarea", "title"]

  static func problem(_ html: [UInt8]) -> String? {
    var stack: [String] = []
    var i = 0
    let n = html.count
    func at(_ j: Int) -> UInt8 { j < n ? html[j] : 0 }
    func isLetter(_ b: UInt8) -> Bool { (b | 0x20) >= 97 && (b | 0x20) <= 122 }
    func find(_ needle: [UInt8], from: Int) -> Int? {
      guard needle.count <= n else { return nil }
      var j = from
      while j + needle.count <= n {
        if html[j] == needle[0], Array(html[j..<j + needle.count]) == needle { return j }
        j += 1
      }
      return nil
    }
    func context(_ j: Int) -> String {
      let lo = max(0, j - 60)
      let hi = min(n, j + 60)
      return String(decoding: html[lo..<hi], as: UTF8.self)
    }
    while i < n {
      guard html[i] == UInt8(ascii: "<") else {
        i += 1
        continue
      }
      if at(i + 1) == UInt8(ascii: "!") {
        if at(i + 2) == UInt8(ascii: "-") && at(i + 3) == UInt8(ascii: "-") {
          guard let end = find(Array("-->".utf8), from: i + 4) else {
            return "unclosed comment near: \(context(i))"
          }
          i = end + 3
        } else {
          guard let end = find([UInt8(ascii: ">")], from: i) else { return "unclosed <!" }
          i = end + 1
        }
        continue
      }
      let closing = at(i + 1) == UInt8(ascii: "/")
      var j = i + (closing ? 2 : 1)
      guard isLetter(at(j)) else { return "stray '<' in text near: \(context(i))" }
      let nameStart = j
      while j < n, isLetter(html[j]) || (html[j] >= 48 && html[j] <= 57) || html[j] == 45 {
        j += 1
      }
      let name = String(decoding: html[nameStart..<j], as: UTF8.self).lowercased()
      // Attributes: up to the first `>` outside quotes.
      var quote: UInt8?
      var selfClosing = false
      while j < n {
        let b = html[j]
        if let q = quote {
          if b == q { quote = nil }
        } else if b == UInt8(ascii: "\"") || b == UInt8(ascii: "'") {
          quote = b
        } else if b == UInt8(ascii: "<") {
          return "'<' inside the <\(name)> tag near: \(context(j))"
        } else if b == UInt8(ascii: ">") {
          selfClosing = j > 0 && html[j - 1] == UInt8(ascii: "/")
          break
        }
        j += 1
      }
      guard j < n else { return "unclosed <\(name) tag near: \(context(i))" }
      i = j + 1
      if closing {
        guard let top = stack.last else { return "</\(name)> with nothing open" }
        guard top == name else { return "</\(name)> closes <\(top)> near: \(context(nameStart))" }
        stack.removeLast()
        continue
      }
      if void.contains(name) || selfClosing { continue }
      if raw.contains(name) {
        guard let end = find(Array("</\(name)".utf8), from: i) else {
          return "<\(name)> never closed"
        }
        i = end
      }
      stack.append(name)
    }
    return stack.isEmpty ? nil : "unclosed: \(stack.joined(separator: " > "))"
  }
}
