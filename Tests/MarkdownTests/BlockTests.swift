import Testing

@testable import Markdown

@Test func paragraphsAreSeparatedByBlankLines() {
  #expect(md("one\ntwo\n\nthree") == "<p>one\ntwo</p>\n<p>three</p>\n")
}

@Test func atxHeadingsDropClosingHashes() {
  #expect(
    md("## Sources ##\n###### six\n####### seven")
      == "<h2>Sources</h2>\n<h6>six</h6>\n<p>####### seven</p>\n")
}

@Test func atxHeadingNeedsASpaceAfterTheHashes() {
  #expect(md("#hashtag") == "<p>#hashtag</p>\n")
}

@Test func setextHeadingsUnderlineAParagraph() {
  #expect(md("Title\n===\nSub\n---") == "<h1>Title</h1>\n<h2>Sub</h2>\n")
}

@Test func thematicBreaksAcceptSpacesBetweenMarks() {
  #expect(md("* * *\n_____\n- - -") == "<hr />\n<hr />\n<hr />\n")
}

@Test func indentedCodeKeepsInnerBlankLinesButNotTrailingOnes() {
  #expect(md("    a\n\n    b\n\n\n") == "<pre><code>a\n\nb\n</code></pre>\n")
}

@Test func indentedCodeCannotInterruptAParagraph() {
  #expect(md("text\n    more") == "<p>text\nmore</p>\n")
}

@Test func fencedCodeTakesTheFirstInfoWordAsLanguage() {
  #expect(
    md("```swift title\nlet a = 1 < 2\n```")
      == "<pre><code class=\"language-swift\">let a = 1 &lt; 2\n</code></pre>\n")
}

@Test func fenceClosesOnlyWithAsLongAFence() {
  #expect(md("~~~~\n~~~\n~~~~") == "<pre><code>~~~\n</code></pre>\n")
}

@Test func fenceIndentationIsRemovedFromContent() {
  #expect(md("  ```\n  a\n    b\n  ```") == "<pre><code>a\n  b\n</code></pre>\n")
}

@Test func unclosedFenceRunsToTheEnd() {
  #expect(md("```\ncode") == "<pre><code>code\n</code></pre>\n")
}

@Test func tabsExpandToFourColumnStops() {
  #expect(md("\tcode") == "<pre><code>code\n</code></pre>\n")
  #expect(md("-\tfoo\n\n\tbar") == "<ul>\n<li>\n<p>foo</p>\n<p>bar</p>\n</li>\n</ul>\n")
}

@Test func blockQuotesAllowLazyContinuation() {
  #expect(md("> a\nb\n\nc") == "<blockquote>\n<p>a\nb</p>\n</blockquote>\n<p>c</p>\n")
}

@Test func tightAndLooseLists() {
  #expect(md("- a\n- b") == "<ul>\n<li>a</li>\n<li>b</li>\n</ul>\n")
  #expect(md("- a\n\n- b") == "<ul>\n<li>\n<p>a</p>\n</li>\n<li>\n<p>b</p>\n</li>\n</ul>\n")
}

@Test func orderedListsKeepTheirStart() {
  #expect(md("3. c\n4. d") == "<ol start=\"3\">\n<li>c</li>\n<li>d</li>\n</ol>\n")
}

@Test func changingTheBulletStartsANewList() {
  #expect(md("- a\n+ b") == "<ul>\n<li>a</li>\n</ul>\n<ul>\n<li>b</li>\n</ul>\n")
}

@Test func onlyAListStartingAtOneInterruptsAParagraph() {
  #expect(md("text\n2. no") == "<p>text\n2. no</p>\n")
  #expect(md("text\n1. yes") == "<p>text</p>\n<ol>\n<li>yes</li>\n</ol>\n")
}

@Test func listItemContentFollowsTheMarkerIndent() {
  #expect(md("1.  a\n\n    b") == "<ol>\n<li>\n<p>a</p>\n<p>b</p>\n</li>\n</ol>\n")
  #expect(md("- a\n\n b") == "<ul>\n<li>a</li>\n</ul>\n<p>b</p>\n")
}

@Test func htmlBlocksPassThroughUntilABlankLine() {
  #expect(md("<div>\n*raw*\n</div>\n\n*md*") == "<div>\n*raw*\n</div>\n<p><em>md</em></p>\n")
}

@Test func scriptHtmlBlockRunsToItsClosingTag() {
  #expect(
    md("<script>\n\nlet a\n</script>\nafter") == "<script>\n\nlet a\n</script>\n<p>after</p>\n")
}

@Test func linkReferenceDefinitionsAreUsedAndRemoved() {
  #expect(
    md("[UNHCR]: https://unhcr.org \"Refugee agency\"\n\nSee [unhcr].")
      == "<p>See <a href=\"https://unhcr.org\" title=\"Refugee agency\">unhcr</a>.</p>\n")
}

@Test func firstDefinitionOfALabelWins() {
  #expect(md("[a]: /one\n[a]: /two\n\n[a]") == "<p><a href=\"/one\">a</a></p>\n")
}

@Test func nulBytesBecomeReplacementCharacters() {
  #expect(md("a\u{0}b") == "<p>a\u{FFFD}b</p>\n")
}

@Test func carriageReturnLineEndings() {
  #expect(md("a\r\nb\rc") == "<p>a\nb\nc</p>\n")
}

@Test func nulBytesAreFoundAnywhereInLongInput() {
  let s = "0123456789abcdef" + "\u{0}" + "ghijklmnopqrstuvwxyz"
  #expect(md(s) == "<p>0123456789abcdef\u{FFFD}ghijklmnopqrstuvwxyz</p>\n")
  #expect(BlockParser.containsNUL(Array("01234567\u{0}".utf8)))
  #expect(!BlockParser.containsNUL(Array("0123456789abcdefgh".utf8)))
}

@Test func lineEndsAreFoundInsideAndAfterWords() {
  let b = Array("0123456789abcdef\rxyz\n".utf8)
  #expect(BlockParser.lineEnd(b, from: 0) == 16)
  #expect(BlockParser.lineEnd(b, from: 17) == 20)
  #expect(BlockParser.lineEnd(Array("abc".utf8), from: 0) == 3)
  #expect(
    md("aaaaaaaaaaaaaaaaaaaa\r\nbbbbbbbbbbbbbbbbbbbbbbbbb\n")
      == "<p>aaaaaaaaaaaaaaaaaaaa\nbbbbbbbbbbbbbbbbbbbbbbbbb</p>\n")
}
