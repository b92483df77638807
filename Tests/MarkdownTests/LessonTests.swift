import Testing

@testable import Markdown

@Test func headingsGetSlugIDs() {
  let r = Markdown.lesson("# Why verify? (Part 2)\n\n## Lateral *reading*")
  #expect(
    r.html
      == "<h1 id=\"why-verify-part-2\">Why verify? (Part 2)</h1>\n<h2 id=\"lateral-reading\">Lateral <em>reading</em></h2>\n"
  )
  #expect(
    r.headings == [
      Heading(level: 1, text: "Why verify? (Part 2)", id: "why-verify-part-2"),
      Heading(level: 2, text: "Lateral reading", id: "lateral-reading"),
    ])
}

@Test func duplicateHeadingIDsAreNumbered() {
  let ids = Markdown.lesson("# Sources\n# Sources\n# Sources").headings.map(\.id)
  #expect(ids == ["sources", "sources-1", "sources-2"])
}

@Test func headingIDsKeepNonLatinLetters() {
  #expect(Markdown.lesson("# Vérifier l'été").headings.first?.id == "vérifier-lété")
  #expect(Markdown.lesson("# ???").headings.first?.id == "section")
}

@Test func linksAreRewrittenAndReportedWithTheirLine() {
  let opts = LessonOptions(rewriteLink: { dest in
    dest.hasSuffix(".md") ? "/modules/fact-checking/" + dest.dropLast(3) : nil
  })
  let r = Markdown.lesson(
    "Intro\n\nSee [next](02-lateral-reading.md)\nand [web](https://example.org).", options: opts)
  #expect(
    r.html
      == "<p>Intro</p>\n<p>See <a href=\"/modules/fact-checking/02-lateral-reading\">next</a>\nand <a href=\"https://example.org\">web</a>.</p>\n"
  )
  #expect(
    r.links == [
      SourceReference(destination: "02-lateral-reading.md", line: 3),
      SourceReference(destination: "https://example.org", line: 4),
    ])
}

@Test func referenceLinksReportTheLineOfTheirUse() {
  let r = Markdown.lesson("[a]: x.md\n\ntext\n[a]")
  #expect(r.links == [SourceReference(destination: "x.md", line: 4)])
}

@Test func linksInTableCellsAndListsReportTheirLine() {
  let r = Markdown.lesson("- one\n- [two](b.md)\n\n| a |\n|---|\n| [c](c.md) |")
  #expect(r.links.map(\.line) == [2, 6])
}

@Test func imagesAreLazyWithTheirSize() {
  let opts = LessonOptions(imageSize: { $0 == "img/map.png" ? (width: 640, height: 480) : nil })
  let r = Markdown.lesson("![Map](img/map.png)\n\n![Far](https://x.org/a.png)", options: opts)
  #expect(
    r.html
      == "<p><img src=\"img/map.png\" alt=\"Map\" loading=\"lazy\" width=\"640\" height=\"480\" /></p>\n<p><img src=\"https://x.org/a.png\" alt=\"Far\" loading=\"lazy\" /></p>\n"
  )
  #expect(
    r.images == [
      SourceReference(destination: "img/map.png", line: 1),
      SourceReference(destination: "https://x.org/a.png", line: 3),
    ])
}

@Test func reportedDestinationsArePercentDecoded() {
  let r = Markdown.lesson("[a](<my file.md>)")
  #expect(r.links == [SourceReference(destination: "my file.md", line: 1)])
  #expect(r.html.contains("href=\"my%20file.md\""))
}

@Test func lessonsUseGFM() {
  #expect(
    lessonHTML("~~old~~ www.unhcr.org")
      == "<p><del>old</del> <a href=\"http://www.unhcr.org\">www.unhcr.org</a></p>\n")
}
