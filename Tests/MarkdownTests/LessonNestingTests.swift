import Testing

@testable import Markdown

// Raw HTML in a lesson stays inside the element Markdown wrote around it, so the page's
// HTML stays properly nested (found by the app fuzzer: a trainer's preview of `a <i>b`
// gave `<p>a <i>b</p>…</i>`).

@Test func anInlineTagLeftOpenClosesWithItsParagraph() {
  #expect(lessonHTML("a <i>b\n\nc") == "<p>a <i>b</i></p>\n<p>c</p>\n")
}

@Test func anInlineTagLeftOpenClosesWithItsEmphasisLinkAndCell() {
  #expect(lessonHTML("*a <b>x*") == "<p><em>a <b>x</b></em></p>\n")
  #expect(lessonHTML("[a <span>x](/y)") == "<p><a href=\"/y\">a <span>x</span></a></p>\n")
  #expect(lessonHTML("- a <u>x\n- b").contains("<li>a <u>x</u></li>"))
}

@Test func anEndTagCannotCloseWhatWasOpenedOutsideItsParagraph() {
  let html = lessonHTML("<div>\n\nin </div> text\n\n</div>")
  #expect(html == "<div>\n<p>in &lt;/div&gt; text</p>\n</div>\n")
}

@Test func blockLevelTagsStillSpanParagraphs() {
  #expect(lessonHTML("<div>\n\nhello\n\n</div>") == "<div>\n<p>hello</p>\n</div>\n")
}
