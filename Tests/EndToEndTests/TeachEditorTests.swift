import Foundation
import Testing

/// The in-browser editor over real sockets: byte-for-byte round trip, saving, conflicts,
/// previews with and without JavaScript, audit.
@Suite(.serialized) struct TeachEditorTests {
  let content: ContentCopy
  let server: TestServer

  init() throws {
    content = try ContentCopy()
    server = try TestServer(curriculum: content.curriculum, assessments: content.assessments)
  }

  func finish() {
    server.stop()
    content.remove()
  }

  /// Opens the editor and sends the textarea back as a browser would.
  func saveUnchanged(_ c: TestHTTPClient, _ module: String, _ file: String) throws
    -> TestHTTPClient.Reply
  {
    let page = try c.get("/teach/edit/\(module)/\(file)")
    #expect(page.status == 200)
    let value = try #require(page.body.textareaValue)
    let hash = try #require(page.body.capture("name=\"hash\" value=\"([0-9a-f]+)\""))
    return try c.post(
      "/teach/edit/\(module)/\(file)",
      [("hash", hash), ("source", value.asSubmittedByBrowser), ("action", "save")])
  }

  @Test func anUnchangedLessonRoundTripsByteForByte() throws {
    defer { finish() }
    let admin = try server.adminClient()
    let file = content.lesson("fact-checking", "02-lateral-reading.md")
    let before = try Data(contentsOf: file)
    let r = try saveUnchanged(admin, "fact-checking", "02-lateral-reading.md")
    #expect(r.status == 303)
    #expect(r.location?.contains("done=unchanged") == true)
    #expect(try Data(contentsOf: file) == before)
  }

  @Test func crlfFilesLeadingNewlinesAndMarkupCharactersRoundTrip() throws {
    defer { finish() }
    let admin = try server.adminClient()
    let tricky =
      "\r\n---\r\ntitle: A & B <i>\r\nminutes: 3\r\n---\r\n\r\nText with &amp; and </textarea> and \"quotes\".\r\n\r\n"
    let file = content.lesson("fact-checking", "09-tricky.md")
    try Data(tricky.utf8).write(to: file)
    let r = try saveUnchanged(admin, "fact-checking", "09-tricky.md")
    #expect(r.location?.contains("done=unchanged") == true)
    #expect(try Data(contentsOf: file) == Data(tricky.utf8))
    // An edit keeps the file's CRLF line endings.
    let page = try admin.get("/teach/edit/fact-checking/09-tricky.md")
    let hash = try #require(page.body.capture("name=\"hash\" value=\"([0-9a-f]+)\""))
    let edited = try #require(page.body.textareaValue) + "More.\n"
    let saved = try admin.post(
      "/teach/edit/fact-checking/09-tricky.md",
      [("hash", hash), ("source", edited.asSubmittedByBrowser), ("action", "save")])
    #expect(saved.location?.contains("done=saved") == true)
    #expect(try String(contentsOf: file, encoding: .utf8) == tricky + "More.\r\n")
  }

  @Test func savingWritesTheFileAndRecordsWhoSavedIt() throws {
    defer { finish() }
    let admin = try server.adminClient()
    let file = content.lesson("fact-checking", "01-why-verify.md")
    let page = try admin.get("/teach/edit/fact-checking/01-why-verify.md")
    let hash = try #require(page.body.capture("name=\"hash\" value=\"([0-9a-f]+)\""))
    let text = try #require(page.body.textareaValue) + "\nA new paragraph.\n"
    let r = try admin.post(
      "/teach/edit/fact-checking/01-why-verify.md",
      [("hash", hash), ("source", text.asSubmittedByBrowser), ("action", "save")])
    #expect(r.status == 303)
    #expect(try String(contentsOf: file, encoding: .utf8) == text)
    let log = try server.academy.auditLog()
    #expect(log.first?.action == "content.save")
    #expect(log.first?.subject == "Curriculum/fact-checking/01-why-verify.md")
    #expect(log.first?.actorID == (try server.academy.ensureAdmin().id))
    // The page we come back to already shows the saved version's problems.
    let broken = try admin.get("/teach/edit/fact-checking/01-why-verify.md")
    let brokenHash = try #require(broken.body.capture("name=\"hash\" value=\"([0-9a-f]+)\""))
    let bad = text.replacingOccurrences(of: "minutes: ", with: "minutes: x")
    let after = try admin.follow(
      admin.post(
        "/teach/edit/fact-checking/01-why-verify.md",
        [("hash", brokenHash), ("source", bad.asSubmittedByBrowser), ("action", "save")]))
    #expect(
      after.body.contains(
        "Curriculum/fact-checking/01-why-verify.md:3: &#39;minutes&#39; must be a whole number"))
    // No temporary file is left behind.
    let names = try FileManager.default.contentsOfDirectory(
      atPath: file.deletingLastPathComponent().path)
    #expect(!names.contains { $0.hasPrefix(".") })
  }

  @Test func aFileChangedOnDiskSinceOpeningIsNotOverwritten() throws {
    defer { finish() }
    let admin = try server.adminClient()
    let file = content.lesson("fact-checking", "01-why-verify.md")
    let page = try admin.get("/teach/edit/fact-checking/01-why-verify.md")
    let hash = try #require(page.body.capture("name=\"hash\" value=\"([0-9a-f]+)\""))
    let mine = try #require(page.body.textareaValue) + "\nMy change.\n"
    let theirs = try String(contentsOf: file, encoding: .utf8) + "\nTheir change.\n"
    try theirs.write(to: file, atomically: true, encoding: .utf8)
    let r = try admin.post(
      "/teach/edit/fact-checking/01-why-verify.md",
      [("hash", hash), ("source", mine.asSubmittedByBrowser), ("action", "save")])
    #expect(r.status == 409)
    #expect(r.body.contains("My change.") && r.body.contains("Their change."))
    #expect(try String(contentsOf: file, encoding: .utf8) == theirs)
    // The conflict page carries the disk version's hash: saving from it is deliberate.
    let diskHash = try #require(r.body.capture("name=\"hash\" value=\"([0-9a-f]+)\""))
    let again = try admin.post(
      "/teach/edit/fact-checking/01-why-verify.md",
      [("hash", diskHash), ("source", mine.asSubmittedByBrowser), ("action", "save")])
    #expect(again.status == 303)
    #expect(try String(contentsOf: file, encoding: .utf8) == mine)
  }

  @Test func previewRendersWithoutSavingWithAndWithoutJavaScript() throws {
    defer { finish() }
    let admin = try server.adminClient()
    let file = content.lesson("fact-checking", "01-why-verify.md")
    let before = try Data(contentsOf: file)
    let page = try admin.get("/teach/edit/fact-checking/01-why-verify.md")
    #expect(page.body.contains("<script src=\"/teach/editor.js\" defer></script>"))
    #expect(page.body.contains("class=\"phone\""))
    let hash = try #require(page.body.capture("name=\"hash\" value=\"([0-9a-f]+)\""))
    let source =
      "---\ntitle: Draft title\nminutes: 2\n---\n## Draft heading\n\n<script>alert(1)</script>\n\n**bold**\n"
    let preview = try admin.post(
      "/teach/edit/fact-checking/01-why-verify.md",
      [("hash", hash), ("source", source), ("action", "preview")])
    #expect(preview.status == 200)
    #expect(
      preview.body.contains("Draft heading</h2>") && preview.body.contains("<strong>bold</strong>"))
    #expect(!preview.body.contains("<script>alert"))
    #expect(preview.body.contains("value=\"\(hash)\""))
    #expect(try Data(contentsOf: file) == before)
    let live = try admin.post(
      "/teach/preview/fact-checking/01-why-verify.md",
      [("source", "---\ntitle: T\nminutes: x\n---\n# Live\n")])
    #expect(live.status == 200)
    #expect(live.body.contains("Live</h1>"))
    #expect(
      live.body.contains(
        "Curriculum/fact-checking/01-why-verify.md:3: &#39;minutes&#39; must be a whole number"))
    let script = try admin.get("/teach/editor.js")
    #expect(script.header("Content-Type")?.hasPrefix("text/javascript") == true)
    #expect(script.body.contains("csrf"))
    // Without the CSRF token the live preview is refused like any POST.
    #expect(
      try admin.post(
        "/teach/preview/fact-checking/01-why-verify.md", [("source", "x")], csrf: false
      ).status == 403)
  }

  @Test func onlyTrainersAndAdminsReachTheEditor() throws {
    defer { finish() }
    let learner = try server.learnerClient()
    #expect(try learner.get("/teach").status == 403)
    #expect(try learner.get("/teach/edit/fact-checking/01-why-verify.md").status == 403)
    #expect(try server.client().get("/teach").status == 303)
    let trainer = try server.staffClient(.trainer, name: "Trainer")
    #expect(try trainer.get("/teach").status == 200)
    #expect(try trainer.get("/teach/edit/fact-checking/01-why-verify.md").status == 200)
    #expect(try trainer.get("/teach/essays").status == 200)
    let manager = try server.staffClient(.manager, name: "Manager")
    #expect(try manager.get("/teach").status == 403)
    #expect(try manager.post("/teach/modules", [("slug", "x"), ("title", "X")]).status == 403)
    #expect(
      !FileManager.default.fileExists(atPath: content.curriculum.appendingPathComponent("x").path))
    let admin = try server.adminClient()
    let traversal = try admin.get("/teach/edit/fact-checking/..%2F..%2Fetc%2Fpasswd.md")
    #expect(traversal.status == 404 || traversal.status == 400, "\(traversal.status)")
    #expect(try admin.get("/teach/edit/nope/01-why-verify.md").status == 404)
    #expect(try admin.get("/teach/edit/fact-checking/01-missing.md").status == 404)
  }
}
