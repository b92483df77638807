import Foundation
import GIFT
import Testing

/// `relais quiz fmt` and `relais quiz review`, run as the binary a trainer runs.
@Suite(.serialized) struct QuizCommandTests {
  let folder: URL

  init() throws {
    folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "relais-quiz-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
  }

  func file(_ name: String, _ text: String) throws -> URL {
    let url = folder.appendingPathComponent(name)
    try Data(text.utf8).write(to: url)
    return url
  }

  func contents(_ url: URL) throws -> String { try String(contentsOf: url, encoding: .utf8) }

  /// Issue 22's reproduction: the file written must parse to the same questions.
  @Test func formatWritesOnlyWhatReadsBackTheSame() throws {
    defer { try? FileManager.default.removeItem(at: folder) }
    try formatKeepsTheQuestions("Q {%100%T#->z}\n")
    // The issue's own case: `->` then a combining mark, which String.contains did not see.
    try formatKeepsTheQuestions("Qx {->\u{301}x}\n")
  }

  func formatKeepsTheQuestions(_ input: String) throws {
    let url = try file("t.gift", input)
    let r = try ServerProcess.run(["quiz", "fmt", url.path])
    #expect(r.status == 0, "\(r.output)")
    #expect(r.output.contains("formatted"))
    let before = GIFT.parse(input).questions.map(\.kind)
    let after = GIFT.parse(try contents(url))
    #expect(after.errors.isEmpty)
    #expect(after.questions.map(\.kind) == before)
  }

  /// A comment inside the first question would land in the header and read as a setting:
  /// nothing is written, the problem is named, exit 1.
  @Test func formatLeavesTheFileUntouchedWhenTheRoundTripWouldChangeIt() throws {
    defer { try? FileManager.default.removeItem(at: folder) }
    let input = "Q {\n// @draw: 2\nT}\n"
    let url = try file("c.gift", input)
    let r = try ServerProcess.run(["quiz", "fmt", url.path])
    #expect(r.status == 1)
    #expect(r.output.contains("settings would change"), "\(r.output)")
    #expect(!r.output.contains("formatted"))
    #expect(try contents(url) == input)
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["c.gift"])
  }

  @Test func reviewPrintsTheKeySheet() throws {
    defer { try? FileManager.default.removeItem(at: folder) }
    let url = try file(
      "k.gift", "// @shuffle: false\n\n::free::Aid can be bought.{T#Wrong.#Correct, it is free.}\n")
    let r = try ServerProcess.run(["quiz", "review", url.path])
    #expect(r.status == 0)
    #expect(r.output.contains("answers NOT shuffled"))
    #expect(
      r.output.contains("3  free [truefalse]  Aid can be bought.  =>  TRUE  # Correct, it is free.")
    )
    let bad = try file("b.gift", "Q {\n")
    #expect(try ServerProcess.run(["quiz", "review", bad.path]).status == 1)
  }
}
