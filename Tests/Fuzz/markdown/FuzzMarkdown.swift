// libFuzzer entry point: every input is rendered as plain CommonMark, as GFM and as a lesson.
// Crashes, traps and sanitizer reports are findings; the lesson output is also checked for
// tags and attributes the sanitizer must never let through.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzMarkdown(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let source = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
  _ = Markdown.html(source)
  _ = Markdown.html(source, gfm: true)
  checkLesson(Array(Markdown.lesson(source).html.lowercased().utf8))
  return 0
}

/// Inside real tags (text escapes every `<`), no forbidden element and no event handler.
func checkLesson(_ html: [UInt8]) {
  var i = 0
  while i < html.count {
    guard html[i] == UInt8(ascii: "<") else {
      i += 1
      continue
    }
    var j = i + 1
    while j < html.count && html[j] != UInt8(ascii: ">") { j += 1 }
    let tag = String(decoding: html[i..<j], as: UTF8.self)
    for name in ["<script", "<style", "<iframe", "<object", "<embed", "<form"] {
      precondition(!tag.hasPrefix(name), "sanitizer let \(tag) through")
    }
    // Attribute names follow a space; values are quoted and cannot hide a bare ` on`.
    var inQuote = false
    var k = i
    while k + 3 < j {
      if html[k] == UInt8(ascii: "\"") { inQuote.toggle() }
      if !inQuote && html[k] == UInt8(ascii: " ") && html[k + 1] == UInt8(ascii: "o")
        && html[k + 2] == UInt8(ascii: "n")
      {
        preconditionFailure("event handler attribute in \(tag)")
      }
      k += 1
    }
    i = j
  }
}
