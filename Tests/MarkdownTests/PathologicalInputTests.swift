import Testing

@testable import Markdown

// Inputs that make naive parsers quadratic or overflow the stack. These assert the output;
// Tests/Benchmarks/markdown.sh times them.

let depth = 50_000

@Test func deeplyNestedBracketsStayText() {
  let s = String(repeating: "[", count: depth) + "a"
  #expect(md(s) == "<p>" + s + "</p>\n")
}

@Test func deeplyNestedEmphasisBecomesNestedStrong() {
  let run = String(repeating: "*", count: depth)
  let expected =
    "<p>" + String(repeating: "<strong>", count: depth / 2) + "a"
    + String(repeating: "</strong>", count: depth / 2) + "</p>\n"
  #expect(md(run + "a" + run) == expected)
}

@Test func deeplyNestedBlockQuotes() {
  let s = String(repeating: ">", count: depth) + " a"
  let expected =
    String(repeating: "<blockquote>\n", count: depth) + "<p>a</p>\n"
    + String(repeating: "</blockquote>\n", count: depth)
  #expect(md(s) == expected)
}

@Test func deeplyNestedListItems() {
  let s = String(repeating: "- ", count: depth) + "a"
  let expected =
    String(repeating: "<ul>\n<li>\n", count: depth - 1) + "<ul>\n<li>a</li>\n</ul>\n"
    + String(repeating: "</li>\n</ul>\n", count: depth - 1)
  #expect(md(s) == expected)
}

@Test func manyUnmatchedBackticksStayText() {
  let s = "x" + String(repeating: "`", count: 100_000)
  #expect(md(s) == "<p>" + s + "</p>\n")
}

@Test func backtickRunsOfGrowingLengthDoNotMatch() {
  var s = ""
  for n in 1...400 { s += String(repeating: "`", count: n) + "a" }
  #expect(md(s) == "<p>" + s + "</p>\n")
}

@Test func unclosedLinkDestinationsStayText() {
  let s = String(repeating: "[x](", count: 30_000)
  #expect(md(s) == "<p>" + s + "</p>\n")
}

@Test func unclosedTitlesStayText() {
  let s = String(repeating: "[x](a \"", count: 20_000)
  #expect(md(s) == "<p>" + s.replacingQuotes() + "</p>\n")
}

@Test func unclosedCommentsStayText() {
  let s = String(repeating: "a <!-- ", count: 20_000)
  #expect(md(s) == "<p>" + String(repeating: "a &lt;!-- ", count: 20_000).dropLast() + "</p>\n")
}

@Test func alternatingDelimitersStayLinear() {
  let s = String(repeating: "_a *b ", count: 20_000)
  #expect(md(s).hasPrefix("<p>_a *b _a"))
}

extension String {
  fileprivate func replacingQuotes() -> String {
    var out = ""
    for c in self { out += c == "\"" ? "&quot;" : String(c) }
    return out
  }
}

@Test func deepNestingWithGFMAutolinksStaysLinear() {
  let s = String(repeating: ">", count: depth) + " www.a.org"
  let expected =
    String(repeating: "<blockquote>\n", count: depth)
    + "<p><a href=\"http://www.a.org\">www.a.org</a></p>\n"
    + String(repeating: "</blockquote>\n", count: depth)
  #expect(gfm(s) == expected)
}

@Test func deepNestingInALessonStaysLinear() {
  let s = String(repeating: "- ", count: depth) + "[a](b.md)"
  let r = Markdown.lesson(s)
  #expect(r.links == [SourceReference(destination: "b.md", line: 1)])
  #expect(r.html.contains("<ul>\n<li><a href=\"b.md\">a</a></li>\n</ul>\n</li>\n</ul>\n"))
  #expect(r.html.utf8.count == Markdown.html(s, gfm: true).utf8.count)
}

@Test func nestedImagesInALessonReportTheirLines() {
  let n = 20_000
  let s = "x\n" + String(repeating: "![", count: n) + "a" + String(repeating: "](i.png)", count: n)
  let r = Markdown.lesson(s)
  // Images inside alt text become text, so only the outermost is reported.
  #expect(r.images == [SourceReference(destination: "i.png", line: 2)])
}
