import Catalog
import Foundation
import Testing

/// Editing content files while the server runs: an edit is served within 2 s; a broken
/// edit keeps the last good version online and shows up on /teach as path:line: message.
@Suite(.serialized) struct TeachHotReloadTests {
  @Test func anEditedLessonIsServedWithinTwoSecondsAndABrokenEditKeepsTheOldOne() throws {
    let content = try ContentCopy()
    defer { content.remove() }
    let server = try TestServer(curriculum: content.curriculum, assessments: content.assessments)
    defer { server.stop() }
    server.academy.content.watch(every: CatalogStore.reloadInterval)  // as `relais serve` does
    let admin = try server.adminClient()
    let file = content.lesson("fact-checking", "01-why-verify.md")
    let page = "/modules/fact-checking/01-why-verify"
    let original = try String(contentsOf: file, encoding: .utf8)
    #expect(try admin.get(page).body.contains("Hot reload marker") == false)

    try (original + "\nHot reload marker 1.\n").write(to: file, atomically: true, encoding: .utf8)
    let start = Date()
    var seen = false
    while Date().timeIntervalSince(start) < 2 {
      if try admin.get(page).body.contains("Hot reload marker 1.") {
        seen = true
        break
      }
      Thread.sleep(forTimeInterval: 0.05)
    }
    let elapsed = Date().timeIntervalSince(start)
    print("hot reload: edit served after \(Int(elapsed * 1000)) ms")
    #expect(seen, "the edit was not served within 2 s")

    // A front matter error: the old version stays up, /teach names the file and line.
    let broken =
      original.replacingOccurrences(of: "minutes: ", with: "minutes: lots") + "\nBroken marker.\n"
    try broken.write(to: file, atomically: true, encoding: .utf8)
    var teach = ""
    let brokenStart = Date()
    while Date().timeIntervalSince(brokenStart) < 10 {  // a wait, not a timing check
      teach = try admin.get("/teach").body
      if teach.contains("Curriculum/fact-checking/01-why-verify.md:") { break }
      Thread.sleep(forTimeInterval: 0.1)
    }
    let line =
      broken.split(separator: "\n", omittingEmptySubsequences: false).firstIndex {
        $0.hasPrefix("minutes:")
      }! + 1
    let expected =
      "Curriculum/fact-checking/01-why-verify.md:\(line): &#39;minutes&#39; must be a whole number"
    #expect(
      teach.contains(expected), "\(teach.captures("<li>(Curriculum/fact-checking/01[^<]*)</li>"))")
    let served = try admin.get(page)
    #expect(served.status == 200)
    #expect(served.body.contains("Hot reload marker 1."))
    #expect(!served.body.contains("Broken marker."))

    // A GIFT syntax error in a quiz: same rule.
    let quiz = content.assessments.appendingPathComponent("fact-checking.gift")
    try (try String(contentsOf: quiz, encoding: .utf8) + "\n::broken::Unclosed {\n=yes\n").write(
      to: quiz, atomically: true, encoding: .utf8)
    let quizStart = Date()
    repeat {
      Thread.sleep(forTimeInterval: 0.1)
      teach = try admin.get("/teach").body
    } while !teach.contains("Assessments/fact-checking.gift:")
      && Date().timeIntervalSince(quizStart) < 10
    #expect(teach.contains("Assessments/fact-checking.gift:"))
    #expect(try admin.get(page).body.contains("Hot reload marker 1."))
  }
}
