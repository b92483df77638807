import Foundation
import GIFT
import Markdown
import Testing

@testable import Catalog

/// Issue 22: every writer goes through one verified path; a file that would not read back
/// as what was meant is never written.
struct AuthoredWriteTests {
  let root: URL
  let loader: CatalogLoader

  init() throws {
    let fixture = try ContentFixture()
    root = fixture.root
    loader = fixture.loader
  }

  func names(_ folder: String) throws -> [String] {
    try FileManager.default.contentsOfDirectory(
      atPath: root.appendingPathComponent(folder).path
    ).sorted()
  }

  @Test func aQuizThatWouldNotReadBackLeavesTheFileAlone() throws {
    defer { try? FileManager.default.removeItem(at: root) }
    let url = root.appendingPathComponent("Assessments/arrow.gift")
    try Data("::arrow:: Q {=north}\n".utf8).write(to: url)
    let q = Question(
      id: "arrow", text: "Q",
      kind: .shortAnswer(answers: [
        Answer(text: "->north", fraction: 1), Answer(text: "south", fraction: 0.5),
      ]))
    let before = try names("Assessments")
    do {
      try CatalogLoader.writeQuiz(
        GIFT.write([q]), meaning: [q], settings: QuizSettings(), to: url)
      Issue.record("wrote a quiz that reads back as matching")
    } catch let e as AuthoringError {
      #expect(e.key == "teach.error.roundTrip")
      #expect(e.description.contains("nothing written"))
    }
    #expect(try String(contentsOf: url, encoding: .utf8) == "::arrow:: Q {=north}\n")
    #expect(try names("Assessments") == before)  // no temporary file left behind
  }

  @Test func aQuizThatReadsBackTheSameReplacesTheFile() throws {
    defer { try? FileManager.default.removeItem(at: root) }
    let url = root.appendingPathComponent("Assessments/t.gift")
    let q = Question(
      id: "t", text: "Q",
      kind: .shortAnswer(answers: [Answer(text: "T", fraction: 1, feedback: "->z")]))
    try CatalogLoader.writeQuiz(GIFT.write([q]), meaning: [q], settings: QuizSettings(), to: url)
    let back = GIFT.parse(try String(contentsOf: url, encoding: .utf8))
    #expect(back.questions.first?.kind == q.kind)
    #expect(throws: AuthoringError.self) {
      try CatalogLoader.writeQuiz(
        GIFT.write([q]), meaning: [q], settings: QuizSettings(), to: url, mode: .create)
    }
  }

  @Test func frontMatterValuesTheReaderWouldChangeAreQuoted() throws {
    defer { try? FileManager.default.removeItem(at: root) }
    try loader.newModule(slug: "m", title: "M")
    for title in ["\"Rumours\" and facts", "'single'", "Plain: with colon", "#1 rule"] {
      let url = try loader.newLesson(module: "m", title: title)
      let front = FrontMatter.parse(try String(contentsOf: url, encoding: .utf8))
      #expect(front.string("title") == title)
    }
    // A title the front matter cannot hold (it reads `[a, b]` as a list even in quotes):
    // refused with the reason, no file.
    let before = try names("Curriculum/m")
    #expect(throws: AuthoringError.self) { try loader.newLesson(module: "m", title: "[draft, 2]") }
    #expect(try names("Curriculum/m") == before)
    #expect(loader.load().errors.isEmpty)
  }

  @Test func theEditorsTextIsComparedWithWhatReadsBack() throws {
    defer { try? FileManager.default.removeItem(at: root) }
    let url = root.appendingPathComponent("Curriculum/x.md")
    let typed = "---\r\ntitle: X\r\n---\r\nBody\r\n"
    // Line endings converted: the same front matter and body, so it is written.
    try CatalogLoader.writeMarkdown(
      Array("---\ntitle: X\n---\nBody\n".utf8), meaning: typed, to: url)
    #expect(try String(contentsOf: url, encoding: .utf8) == "---\ntitle: X\n---\nBody\n")
    // Bytes that say something else than what was meant: refused, file unchanged.
    #expect(throws: AuthoringError.self) {
      try CatalogLoader.writeMarkdown(
        Array("---\ntitle: Y\n---\nBody\n".utf8), meaning: typed, to: url)
    }
    #expect(try String(contentsOf: url, encoding: .utf8) == "---\ntitle: X\n---\nBody\n")
    #expect(try names("Curriculum").filter { $0.hasPrefix(".") }.isEmpty)
  }
}
