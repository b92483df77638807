import Testing

@testable import Markdown

@Test func tablesWithAlignment() {
  #expect(
    gfm("| a | b | c |\n|:--|:-:|--:|\n| 1 | 2 | 3 |")
      == "<table>\n<thead>\n<tr>\n<th align=\"left\">a</th>\n<th align=\"center\">b</th>\n<th align=\"right\">c</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td align=\"left\">1</td>\n<td align=\"center\">2</td>\n<td align=\"right\">3</td>\n</tr>\n</tbody>\n</table>\n"
  )
}

@Test func tableRowsArePaddedAndTruncatedToTheHeader() {
  #expect(
    gfm("a | b\n--|--\n1\n1 | 2 | 3")
      == "<table>\n<thead>\n<tr>\n<th>a</th>\n<th>b</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>1</td>\n<td></td>\n</tr>\n<tr>\n<td>1</td>\n<td>2</td>\n</tr>\n</tbody>\n</table>\n"
  )
}

@Test func tableNeedsMatchingDelimiterRow() {
  #expect(gfm("a | b\n--|--|--") == "<p>a | b\n--|--|--</p>\n")
}

@Test func tableEndsAtBlankLineAndEscapedPipesStayInCells() {
  #expect(
    gfm("| `a\\|b` |\n|---|\n\nafter")
      == "<table>\n<thead>\n<tr>\n<th><code>a|b</code></th>\n</tr>\n</thead>\n</table>\n<p>after</p>\n"
  )
}

@Test func tablesAreNotParsedWithoutGFM() {
  #expect(md("a | b\n--|--") == "<h2>a | b</h2>\n" || md("a | b\n--|--") == "<p>a | b\n--|--</p>\n")
}

@Test func strikethroughWithOneOrTwoTildes() {
  #expect(gfm("~~gone~~ ~also~ ~~~no~~~") == "<p><del>gone</del> <del>also</del> ~~~no~~~</p>\n")
  #expect(md("~~gone~~") == "<p>~~gone~~</p>\n")
}

@Test func extendedWWWAndURLAutolinks() {
  #expect(
    gfm("Visit www.ifrc.org/en. or https://unhcr.org/a_(b) now")
      == "<p>Visit <a href=\"http://www.ifrc.org/en\">www.ifrc.org/en</a>. or <a href=\"https://unhcr.org/a_(b)\">https://unhcr.org/a_(b)</a> now</p>\n"
  )
}

@Test func extendedAutolinksDropUnbalancedParenthesisAndEntities() {
  #expect(gfm("(www.a.org/x)") == "<p>(<a href=\"http://www.a.org/x\">www.a.org/x</a>)</p>\n")
  #expect(
    gfm("www.a.org/s?q=x&hl;")
      == "<p><a href=\"http://www.a.org/s?q=x\">www.a.org/s?q=x</a>&amp;hl;</p>\n")
}

@Test func extendedEmailAutolinks() {
  #expect(
    gfm("write to help.desk@ifrc.org.")
      == "<p>write to <a href=\"mailto:help.desk@ifrc.org\">help.desk@ifrc.org</a>.</p>\n")
}

@Test func noAutolinksInsideLinksOrCode() {
  #expect(
    gfm("[www.a.org](/x) `www.b.org`")
      == "<p><a href=\"/x\">www.a.org</a> <code>www.b.org</code></p>\n")
}

@Test func tableHeaderIsTheLastLineOfAParagraph() {
  #expect(
    gfm("Intro line\n| a |\n|---|\n| 1 |")
      == "<p>Intro line</p>\n<table>\n<thead>\n<tr>\n<th>a</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>1</td>\n</tr>\n</tbody>\n</table>\n"
  )
}

@Test func tableStopsAtAnotherBlock() {
  #expect(
    gfm("| a |\n|---|\n> quote")
      == "<table>\n<thead>\n<tr>\n<th>a</th>\n</tr>\n</thead>\n</table>\n<blockquote>\n<p>quote</p>\n</blockquote>\n"
  )
}
