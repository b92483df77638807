import Academy
import Catalog
import Testing

@testable import Web

struct TeachStringsTests {
  @Test func keysBuiltFromEnumsAllExist() {
    for flag in ItemFlag.allCases {
      #expect(Strings.teach["teach.stats.flag.\(flag.rawValue)"] != nil)
    }
    for kind in QuizKind.allCases {
      #expect(Strings.teach["teach.essays.kind.\(kind.rawValue)"] != nil)
    }
    for done in ["created", "saved", "unchanged", "uploaded", "marked"] {
      #expect(Strings.teach["teach.done.\(done)"] != nil)
    }
    // Every refusal the authoring code can raise has a message.
    for key in [
      "teach.error.slug", "teach.error.exists", "teach.error.noModule", "teach.error.title",
      "teach.error.language",
      "teach.error.noLesson", "teach.error.write", "teach.error.tooBig", "teach.error.notImage",
      "teach.error.fraction",
    ] {
      #expect(Strings.teach[key] != nil, "\(key)")
    }
  }

  @Test func browserTextBecomesTheFilesLineEndings() {
    #expect(EditorText.fromBrowser("a\r\nb\r\n", crlf: false) == Array("a\nb\n".utf8))
    #expect(EditorText.fromBrowser("a\r\nb\n", crlf: true) == Array("a\r\nb\r\n".utf8))
    #expect(EditorText.fromBrowser("a\rb", crlf: false) == Array("a\nb".utf8))
    #expect(EditorText.usesCRLF(Array("a\r\nb\r\n".utf8)))
    #expect(!EditorText.usesCRLF(Array("a\r\nb\n".utf8)))
    #expect(!EditorText.usesCRLF(Array("no newline".utf8)))
  }

  @Test func theTextareaKeepsALeadingNewline() {
    let html = EditorText.textarea(id: "s", name: "s", "\nx<y", label: "L").text
    #expect(html.hasSuffix(">\n\nx&lt;y</textarea>"))
  }

  @Test func statisticsPeriodDaysAreUTC() {
    #expect(Dates.parseDayStart("1970-01-02") == 86_400)
    #expect(Dates.parseDayStart("2024-03-01") == 1_709_251_200)
    #expect(Dates.parseDayStart("2024-13-01") == nil)
  }
}
