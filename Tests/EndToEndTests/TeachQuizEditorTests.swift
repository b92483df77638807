import Catalog
import Foundation
import GIFT
import Testing

/// The quiz editor over real sockets: a trainer sees the check's warning for a wrong key
/// inline, fixes the key, saves, and the warning, the file and the served quiz all follow;
/// a broken text is refused and the file kept. (The wrong key is on a multiple-choice item:
/// a GIFT true/false item's feedback is written as "if wrong # if right", so only its
/// feedback, never its key alone, can contradict it.)
@Suite(.serialized) struct TeachQuizEditorTests {
  let content: ContentCopy
  let server: TestServer
  let quizFile: URL
  /// The line of `fc-lateral`, keyed here on its first answer, whose feedback begins "No.".

  let line: Int
  let path = "/teach/quiz/fact-checking/fact-checking.gift"

  init() throws {
    content = try ContentCopy()
    quizFile = content.assessments.appendingPathComponent("fact-checking.gift")
    let original = try String(contentsOf: quizFile, encoding: .utf8)
    let wrong = Self.rekey(original, from: Self.rightKey, to: Self.wrongKey)
    #expect(wrong != original)
    try wrong.write(to: quizFile, atomically: true, encoding: .utf8)
    let lines = wrong.components(separatedBy: "\n")
    line = (lines.firstIndex { $0.hasPrefix("::fc-lateral::") } ?? -1) + 1
    server = try TestServer(curriculum: content.curriculum, assessments: content.assessments)
  }

  func finish() {
    server.stop()
    content.remove()
  }

  /// The key on the right answer (2) and on the wrong one (1).
  static let rightKey = ["  ~Read the page's \"About\" section", "  =Open a new tab"]
  static let wrongKey = ["  =Read the page's \"About\" section", "  ~Open a new tab"]

  static func rekey(_ text: String, from: [String], to: [String]) -> String {
    zip(from, to).reduce(text) { $0.replacingOccurrences(of: $1.0, with: $1.1) }
  }

  var warning: String {
    "line \(line): warning: question &#39;fc-lateral&#39;: the feedback for the keyed answer 1"
  }

  /// The served quiz's keyed answer of `fc-lateral` (from 0).
  func servedKey() -> Int? {
    let quiz = server.academy.catalog.module("fact-checking")?.quiz(.certifying, .reference)
    guard case .multipleChoice(let answers, _)? = quiz?.question("fc-lateral")?.kind else {
      return nil
    }
    return answers.firstIndex { $0.fraction >= 1 }
  }

  @Test func fixingAKeyMakesItsWarningDisappearAndIsServed() throws {
    defer { finish() }
    #expect(servedKey() == 0)
    let trainer = try server.staffClient(.trainer, name: "Trainer")
    #expect(try trainer.get("/teach").body.contains("href=\"\(path)\""))
    let page = try trainer.get(path)
    #expect(page.status == 200)
    #expect(page.body.contains(warning), "\(page.body)")
    #expect(page.body.contains("class=\"phone\""))
    #expect(page.body.contains("name=\"q.fc-lateral\" value=\"1\""))
    let hash = try #require(page.body.capture("name=\"hash\" value=\"([0-9a-f]+)\""))
    let fixed = Self.rekey(
      try #require(page.body.textareaValue), from: Self.wrongKey, to: Self.rightKey)
    // Preview checks the typed text: the warning is gone before anything is saved.
    let preview = try trainer.post(
      path, [("hash", hash), ("source", fixed.asSubmittedByBrowser), ("action", "preview")])
    #expect(preview.status == 200)
    #expect(!preview.body.contains(warning))
    #expect(try String(contentsOf: quizFile, encoding: .utf8).contains(Self.wrongKey[0]))
    let saved = try trainer.post(
      path, [("hash", hash), ("source", fixed.asSubmittedByBrowser), ("action", "save")])
    #expect(saved.status == 303)
    #expect(saved.location?.contains("done=saved") == true)
    #expect(try String(contentsOf: quizFile, encoding: .utf8) == fixed)
    let after = try trainer.follow(saved)
    #expect(after.body.contains("id=\"source\""))
    #expect(!after.body.contains(warning))
    #expect(servedKey() == 1)
    let log = try server.academy.auditLog()
    #expect(log.first?.action == "content.save")
    #expect(log.first?.subject == "Assessments/fact-checking.gift")
  }

  @Test func aTextWithAnErrorIsRefusedWithItsLineAndTheFileIsKept() throws {
    defer { finish() }
    let trainer = try server.staffClient(.trainer, name: "Trainer")
    let before = try Data(contentsOf: quizFile)
    let page = try trainer.get(path)
    let hash = try #require(page.body.capture("name=\"hash\" value=\"([0-9a-f]+)\""))
    let broken =
      try #require(page.body.textareaValue) + "\n::broken::An unclosed question {\n=Yes\n"
    let r = try trainer.post(
      path, [("hash", hash), ("source", broken.asSubmittedByBrowser), ("action", "save")])
    #expect(r.status == 400)
    // The error names the line where the unclosed question starts.
    let brokenLine = broken.components(separatedBy: "\n").count - 2
    #expect(r.body.contains("<li class=\"error\">line \(brokenLine): "), "\(r.body)")
    #expect(r.body.contains("Nothing was saved: this quiz has errors."))
    #expect((r.body.textareaValue ?? "").contains("::broken::An unclosed question"))
    #expect(try Data(contentsOf: quizFile) == before)
    #expect(servedKey() == 0)
  }

  @Test func onlyTrainersAndOnlyTheModulesQuizFiles() throws {
    defer { finish() }
    let learner = try server.learnerClient()
    let before = try Data(contentsOf: quizFile)
    let denied = try learner.get(path)
    #expect(denied.status == 403, "\(denied.status)")
    let post = try learner.post(path, [("hash", "x"), ("source", "x"), ("action", "save")])
    #expect(post.status == 403, "\(post.status)")
    #expect(try Data(contentsOf: quizFile) == before)
    let trainer = try server.staffClient(.trainer, name: "Trainer")
    for bad in [
      "..%2F..%2Fetc%2Fpasswd", "..%2FCurriculum%2Ffact-checking%2Fmodule.md",
      "content-creation.gift", "fact-checking.de.gift", "fact-checking.gift.bak",
    ] {
      let r = try trainer.get("/teach/quiz/fact-checking/\(bad)")
      #expect(r.status == 404 || r.status == 400, "\(bad): \(r.status)")
    }
    #expect(try trainer.get("/teach/quiz/fact-checking/fact-checking.pre.fr.gift").status == 200)
  }
}
