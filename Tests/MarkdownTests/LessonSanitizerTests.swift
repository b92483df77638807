import Testing

@testable import Markdown

// One test per sanitizer rule: what a lesson's raw HTML may and may not carry.

@Test func scriptTagIsEscapedAsText() {
  #expect(lessonHTML("<script>alert(1)</script>") == "&lt;script&gt;alert(1)&lt;/script&gt;\n")
}

@Test func styleTagIsEscapedAsText() {
  #expect(lessonHTML("<style>body{}</style>") == "&lt;style&gt;body{}&lt;/style&gt;\n")
}

@Test func iframeIsEscapedWithoutAllowedHosts() {
  let html = lessonHTML("<iframe src=\"https://www.youtube.com/embed/x\"></iframe>")
  #expect(!html.contains("<iframe"))
  #expect(html.contains("&lt;iframe"))
}

@Test func iframeFromAllowedHostSurvives() {
  let opts = LessonOptions(allowedIframeHosts: ["youtube.com"])
  let html = lessonHTML("<iframe src=\"https://www.youtube.com/embed/x\"></iframe>", opts)
  #expect(html == "<iframe src=\"https://www.youtube.com/embed/x\"></iframe>\n")
}

@Test func iframeFromOtherHostIsEscapedEvenWithAllowlist() {
  let opts = LessonOptions(allowedIframeHosts: ["youtube.com"])
  let html = lessonHTML("<iframe src=\"https://evil.example/youtube.com\"></iframe>", opts)
  #expect(!html.contains("<iframe"))
}

@Test func eventHandlerAttributesAreDropped() {
  #expect(
    lessonHTML("<div onclick=\"steal()\" title=\"t\">x</div>") == "<div title=\"t\">x</div>\n")
}

@Test func styleAttributeIsDropped() {
  #expect(lessonHTML("<p style=\"position:fixed\">x</p>") == "<p>x</p>\n")
}

@Test func javascriptHrefInRawHTMLIsDropped() {
  #expect(lessonHTML("<a href=\"javascript:alert(1)\">x</a>") == "<p><a>x</a></p>\n")
}

@Test func obfuscatedJavascriptSchemeIsDropped() {
  let html = lessonHTML(
    "<a href=\"jav&#x09;ascript:alert(1)\">x</a> <a href=\" JAVASCRIPT:x\">y</a>")
  #expect(!html.contains("href"))
}

@Test func javascriptMarkdownLinkBecomesHash() {
  #expect(lessonHTML("[x](javascript:alert(1))") == "<p><a href=\"#\">x</a></p>\n")
}

@Test func dataURLLinkIsRefused() {
  #expect(lessonHTML("[x](data:text/html;base64,PHNjcmlwdD4=)") == "<p><a href=\"#\">x</a></p>\n")
}

@Test func dataImageIsAllowedForImages() {
  let html = lessonHTML("![dot](data:image/png;base64,iVBORw0KGgo=)")
  #expect(html.contains("src=\"data:image/png;base64,iVBORw0KGgo=\""))
}

@Test func svgDataImageIsRefused() {
  let html = lessonHTML("<img src=\"data:image/svg+xml;base64,PHN2Zz4=\" alt=\"a\">")
  #expect(!html.contains("src="))
  #expect(html.contains("alt=\"a\""))
}

@Test func unknownTagsAreEscaped() {
  #expect(lessonHTML("<form action=\"/x\"><input name=\"p\"></form>").hasPrefix("&lt;form"))
}

@Test func allowedInlineTagsPassThrough() {
  #expect(
    lessonHTML("Press <kbd>Ctrl</kbd> and <mark>look</mark>.")
      == "<p>Press <kbd>Ctrl</kbd> and <mark>look</mark>.</p>\n")
}

@Test func strayClosingTagIsEscaped() {
  #expect(lessonHTML("</div>\n\ntext") == "&lt;/div&gt;\n<p>text</p>\n")
}

@Test func unclosedTagsAreClosedAtTheEnd() {
  #expect(lessonHTML("<div>\n\n*open*") == "<div>\n<p><em>open</em></p>\n</div>")
}

@Test func htmlCommentsAreDropped() {
  #expect(lessonHTML("a <!-- trainer note --> b") == "<p>a  b</p>\n")
}

@Test func rawImagesGetLazyLoading() {
  #expect(
    lessonHTML("<img src=\"a.png\" alt=\"A\">")
      == "<img src=\"a.png\" alt=\"A\" loading=\"lazy\" />\n")
}

@Test func entitiesInRawTextStayButBareAmpersandsAreEscaped() {
  #expect(lessonHTML("<div>&copy; & <</div>") == "<div>&copy; &amp; &lt;</div>\n")
}

@Test func plainMarkdownKeepsRawHTMLAsTheSpecSays() {
  #expect(md("<script>alert(1)</script>") == "<script>alert(1)</script>\n")
}

@Test func fuzzSeedWithScriptInsideUnknownBlockIsEscaped() {
  let src =
    "<di6 onclick=\"x\">\n<script>alert(1)</script>\n</div>\n\n<a href=\"javascript:x\">a</a> <img src=data:image/png;base64,AA> <!-- c -->\n"
  let html = lessonHTML(src)
  #expect(!html.contains("<script"))
  #expect(html.contains("<a>a</a>"))
}
