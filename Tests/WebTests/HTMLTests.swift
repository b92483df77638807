import Testing

@testable import Web

@Test func interpolatedStringsAreEscaped() {
  let name = "<script>alert('x')</script> & \"quotes\""
  let html: HTML = "<p title=\"\(name)\">\(name)</p>"
  #expect(
    html.text
      == "<p title=\"&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;quotes&quot;\">&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;quotes&quot;</p>"
  )
}

@Test func escapingKeepsNonASCIIAndPlainRuns() {
  #expect(HTML.escape("Vérifiez « avant » de partager") == "Vérifiez « avant » de partager")
  #expect(HTML.escape("a<b") == "a&lt;b")
  #expect(HTML.escape("<") == "&lt;")
  #expect(HTML.escape("é&é") == "é&amp;é")
  #expect(HTML.escape("") == "")
}

@Test func trustedHTMLIsNotEscapedTwice() {
  let inner: HTML = "<b>\("x<y")</b>"
  let outer: HTML = "<p>\(inner)</p>"
  #expect(outer.text == "<p><b>x&lt;y</b></p>")
}
