import Testing

@testable import Markdown

@Test func taskListItemsBecomeBoxesInGFM() {
  let html = Markdown.html("- [ ] check the source\n- [x] asked the focal point\n- [y] not a task\n", gfm: true)
  #expect(
    html
      == "<ul>\n<li class=\"task\"><span class=\"box\" aria-hidden=\"true\">☐</span> check the source</li>\n<li class=\"task done\"><span class=\"box\" aria-hidden=\"true\">☑</span> asked the focal point</li>\n<li>[y] not a task</li>\n</ul>\n"
  )
}

@Test func taskMarkersStayTextInPlainCommonMark() {
  #expect(Markdown.html("- [ ] one\n") == "<ul>\n<li>[ ] one</li>\n</ul>\n")
}

@Test func taskMarkerNeedsASpaceAfterIt() {
  #expect(Markdown.html("- [ ]one\n", gfm: true) == "<ul>\n<li>[ ]one</li>\n</ul>\n")
}

@Test func lessonChecklistsRenderAsTasks() {
  let html = Markdown.lesson("## Checklist\n\n- [ ] Who posted it?\n").html
  #expect(html.contains("<li class=\"task\">"))
  #expect(html.contains("Who posted it?"))
}
