import Foundation
import Testing

/// Hostile content (a trainer's file from elsewhere, a copied quiz) is inert on every page
/// that shows it: lesson Markdown with raw HTML, GIFT answers and feedback.
@Suite(.serialized) struct ContentXSSTests {
  static let payload = "<script>alert(1)</script><img src=x onerror=alert(2)>"

  static func hostileContent() throws -> (URL, URL) {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent(
      "relais-xss-\(UUID().uuidString)")
    let cur = root.appendingPathComponent("Curriculum/evil")
    let assess = root.appendingPathComponent("Assessments")
    try FileManager.default.createDirectory(at: cur, withIntermediateDirectories: true)
    try FileManager.default.createDirectory(at: assess, withIntermediateDirectories: true)
    try "---\ntitle: Evil \(payload)\nsummary: \(payload)\norder: 1\n---\n\(payload)\n".write(
      to: cur.appendingPathComponent("module.md"), atomically: true, encoding: .utf8)
    let lesson = """
      ---
      title: Lesson \(payload)
      minutes: 3
      objectives:
        - \(payload)
      ---
      Text \(payload)

      <a href="javascript:alert(3)" onclick="alert(4)">click</a> <iframe src="https://evil.example"></iframe>

      [link](javascript:alert(5)) <style>body{display:none}</style>
      """
    try lesson.write(
      to: cur.appendingPathComponent("01-evil.md"), atomically: true, encoding: .utf8)
    let quiz = """
      ::q1::[html]Which? \(payload){=right \(payload)#good \(payload) ~wrong#bad \(payload)####general \(payload)}

      ::q2::Plain \(payload){=<b>bold</b>#<script>x()</script> ~other}
      """
    try quiz.write(
      to: assess.appendingPathComponent("evil.gift"), atomically: true, encoding: .utf8)
    return (root.appendingPathComponent("Curriculum"), assess)
  }

  /// Real markup only: escaped text (`&lt;script&gt;`) is inert and may show the payload.
  static func assertInert(_ body: String, _ label: String) {
    if let m = body.capture(#"((href|src|action)\s*=\s*"\s*javascript:)"#) {
      Issue.record("\(label): javascript: URL \(m)")
    }
    // Quoted attribute values are data, not markup: blank them before looking at tags.
    let tags =
      (try? NSRegularExpression(pattern: #""[^"]*""#)).map {
        $0.stringByReplacingMatches(
          in: body, range: NSRange(body.startIndex..., in: body), withTemplate: "\"\"")
      } ?? body
    let dangerous = [
      #"<script(?![^>]*\bsrc="")"#,  // only external scripts (our own, same origin by CSP)
      #"<(iframe|style|object|embed)\b"#,
      #"<[a-zA-Z][^<>]*\son[a-z]+\s*="#,
      #"<b>bold</b>"#,
    ]
    for pattern in dangerous {
      if let m = tags.capture("(" + pattern + ")") {
        Issue.record("\(label): live markup \(m)")
      }
    }
  }

  @Test func hostileLessonAndQuizContentIsInertEverywhere() throws {
    let (cur, assess) = try Self.hostileContent()
    let server = try TestServer(curriculum: cur, assessments: assess)
    defer { server.stop() }
    let learner = try server.learnerClient()
    let quiz = try learner.get("/modules/evil/quiz")
    #expect(quiz.status == 200)
    let attempt = try #require(quiz.body.capture("name=\"attempt\" value=\"([^\"]+)\""))
    let r = try learner.post("/modules/evil/quiz", [("attempt", attempt), ("q1", "1")])
    let resultPath = try #require(r.location)
    for path in ["/", "/modules/evil", "/modules/evil/01-evil", "/modules/evil/quiz", resultPath] {
      let page = try learner.get(path)
      #expect(page.status == 200, "\(path)")
      Self.assertInert(page.body, path)
    }
    let anonymous = try server.client().get("/modules/evil/01-evil")
    Self.assertInert(anonymous.body, "anonymous lesson")
  }
}
