import Testing

@testable import Markdown

@Test func emphasisAndStrong() {
  #expect(
    md("*a* _b_ **c** __d__")
      == "<p><em>a</em> <em>b</em> <strong>c</strong> <strong>d</strong></p>\n")
}

@Test func underscoreInsideWordsIsNotEmphasis() {
  #expect(md("snake_case_name") == "<p>snake_case_name</p>\n")
}

@Test func ruleOfThreeKeepsMixedRunsApart() {
  #expect(md("*a**b*") == "<p><em>a**b</em></p>\n")
  #expect(md("***a***") == "<p><em><strong>a</strong></em></p>\n")
}

@Test func emphasisNeedsFlankingDelimiters() {
  #expect(md("a * b *") == "<p>a * b *</p>\n")
}

@Test func codeSpansStripOneSurroundingSpace() {
  #expect(md("`` `a` `` and ` b `") == "<p><code>`a`</code> and <code>b</code></p>\n")
}

@Test func codeSpansTurnLineEndingsIntoSpaces() {
  #expect(md("`a\nb`") == "<p><code>a b</code></p>\n")
}

@Test func backslashEscapesPunctuationOnly() {
  #expect(md("\\*not\\* \\a") == "<p>*not* \\a</p>\n")
}

@Test func hardBreaksFromSpacesOrBackslash() {
  #expect(md("a  \nb\\\nc") == "<p>a<br />\nb<br />\nc</p>\n")
}

@Test func trailingSpacesAtParagraphEndAreNotABreak() {
  #expect(md("a  ") == "<p>a</p>\n")
}

@Test func namedAndNumericCharacterReferences() {
  #expect(md("&copy; &#233; &#x1F600; &nosuch; &#0;") == "<p>© é 😀 &amp;nosuch; \u{FFFD}</p>\n")
}

@Test func multiCodepointEntity() {
  #expect(md("&NotEqualTilde;") == "<p>\u{2242}\u{338}</p>\n")
}

@Test func inlineLinksWithTitles() {
  #expect(
    md("[a](/x 'T') [b](<y z>)")
      == "<p><a href=\"/x\" title=\"T\">a</a> <a href=\"y%20z\">b</a></p>\n")
}

@Test func linkDestinationsAllowBalancedParentheses() {
  #expect(md("[a](f(x))") == "<p><a href=\"f(x)\">a</a></p>\n")
}

@Test func linksCannotContainLinks() {
  #expect(md("[a [b](/in)](/out)") == "<p>[a <a href=\"/in\">b</a>](/out)</p>\n")
}

@Test func imagesUsePlainTextAsAlt() {
  #expect(md("![a *b* `c`](i.png)") == "<p><img src=\"i.png\" alt=\"a b c\" /></p>\n")
}

@Test func collapsedAndShortcutReferences() {
  #expect(
    md("[Red Cross][] [red cross]\n\n[red CROSS]: /rc")
      == "<p><a href=\"/rc\">Red Cross</a> <a href=\"/rc\">red cross</a></p>\n")
}

@Test func referenceLabelsFoldCase() {
  #expect(md("[ẞ]\n\n[SS]: /s") == "<p><a href=\"/s\">ẞ</a></p>\n")
}

@Test func autolinksForURIsAndEmails() {
  #expect(
    md("<https://a.org/x?y> <me@ex.org>")
      == "<p><a href=\"https://a.org/x?y\">https://a.org/x?y</a> <a href=\"mailto:me@ex.org\">me@ex.org</a></p>\n"
  )
}

@Test func rawInlineHTMLPassesThrough() {
  #expect(
    md("a <span class=\"x\">b</span> <!-- c -->")
      == "<p>a <span class=\"x\">b</span> <!-- c --></p>\n")
}

@Test func invalidInlineHTMLIsEscaped() {
  #expect(md("a <3 b") == "<p>a &lt;3 b</p>\n")
}

@Test func nonASCIIInURLsIsPercentEncoded() {
  #expect(md("[a](/été)") == "<p><a href=\"/%C3%A9t%C3%A9\">a</a></p>\n")
}

@Test func lineBreaksInsideAltTextBecomeSpaces() {
  #expect(md("![a\nb\\\nc](i.png)") == "<p><img src=\"i.png\" alt=\"a b c\" /></p>\n")
}

@Test func softBreaksStayNewlinesInText() {
  #expect(md("one\ntwo\n  three") == "<p>one\ntwo\nthree</p>\n")
}
