/// The public face of the Markdown module: CommonMark text in, HTML out.
public enum Markdown {
  /// Plain CommonMark 0.31.2 (raw HTML passes through, as the spec says). `gfm` adds tables,
  /// strikethrough and extended autolinks. This is what `relais markdown` prints.
  public static func html(_ source: String, gfm: Bool = false) -> String {
    let bytes = utf8Bytes(source)
    let doc = Document.parse(bytes, gfm: gfm)
    defer { doc.teardown() }
    var r = HTMLRenderer()
    r.out.reserveCapacity(bytes.count + bytes.count / 4)
    return String(decoding: r.render(doc), as: UTF8.self)
  }

  /// A lesson: GFM, raw HTML through the allowlist sanitizer, heading ids, links rewritten,
  /// images lazy with their size when known. Returns the HTML and what it refers to.
  public static func lesson(_ source: String, options: LessonOptions = LessonOptions())
    -> RenderedLesson
  {
    let doc = Document.parse(utf8Bytes(source), gfm: true, trackLines: true)
    defer { doc.teardown() }
    var r = HTMLRenderer()
    r.lesson = LessonRenderer(options: options)
    let html = String(decoding: r.render(doc), as: UTF8.self)
    let l = r.lesson!
    return RenderedLesson(html: html, links: l.links, images: l.images, headings: l.headings)
  }

  /// The string's UTF-8 as an array, copied in one go when the storage is contiguous.
  static func utf8Bytes(_ s: String) -> [UInt8] {
    s.utf8.withContiguousStorageIfAvailable { Array($0) } ?? Array(s.utf8)
  }

  public static func escapeHTML(_ s: String) -> String {
    var out = ""
    out.reserveCapacity(s.utf8.count)
    for c in s.unicodeScalars {
      switch c {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      default: out.unicodeScalars.append(c)
      }
    }
    return out
  }
}

extension String {
  var trimmingSpaces: String {
    var s = Substring(self)
    while let f = s.first, f == " " || f == "\n" || f == "\t" || f == "\r" { s.removeFirst() }
    while let l = s.last, l == " " || l == "\n" || l == "\t" || l == "\r" { s.removeLast() }
    return String(s)
  }
}
