import Foundation
import Testing

/// Issue 19's "done when", in a real browser (Tests/Benchmarks/offline_module.py): a learner
/// downloads a module, restarts the browser with the network off, reads every lesson, answers
/// the quiz; the first reconnection loses the server's reply, the second brings the result;
/// the server holds the attempt exactly once; a lesson corrected meanwhile replaces the stored
/// one. Runs where Chromium, chromedriver and Python's selenium are installed.
@Suite(.serialized) struct OfflineModuleBrowserTests {
  @Test(.enabled(if: OfflineBrowserTests.available))
  func aDownloadedModuleReadsOfflineAndItsQuizArrivesOnce() throws {
    let content = try ContentCopy()
    defer { content.remove() }
    // A picture in a lesson of the downloaded module, and one in a module not downloaded.
    for (module, lesson) in [
      ("fact-checking", "02-lateral-reading.md"),
      ("data-protection", "01-personal-and-sensitive-data.md"),
    ] {
      let media = content.curriculum.appendingPathComponent("\(module)/media")
      try FileManager.default.createDirectory(at: media, withIntermediateDirectories: true)
      try Self.picture.write(to: media.appendingPathComponent("dot.png"))
      let file = content.lesson(module, lesson)
      try (try String(contentsOf: file, encoding: .utf8) + "\n![A tiny map](media/dot.png)\n")
        .write(
          to: file, atomically: true, encoding: .utf8)
    }
    let server = try TestServer(curriculum: content.curriculum, assessments: content.assessments)
    defer { server.stop() }
    server.academy.content.watch(every: 0.2)
    let learner = try server.academy.createUser(role: .learner, displayName: "Amina")
    let token = try server.academy.createSignInLink(userID: learner.id, createdBy: nil)
    let script = TestServer.repoRoot.appendingPathComponent("Tests/Benchmarks/offline_module.py")
    let lesson = content.lesson("fact-checking", "01-why-verify.md")
    let r = try Self.run(
      script,
      [
        "http://127.0.0.1:\(server.port)", "--signin", "/signin/link/\(token)",
        "--lesson-file", lesson.path, "--saver-lesson",
        "/modules/data-protection/01-personal-and-sensitive-data",
      ], log: server.dataDirectory)

    let titles = try #require(r["titles"] as? [String])
    #expect(titles.count == server.academy.catalog.module("fact-checking")?.lessons.count)
    #expect((r["offered"] as? String)?.hasPrefix("Download this module (about ") == true)
    #expect((r["status"] as? String)?.hasPrefix("Downloaded") == true)
    #expect(r["serverChanged"] as? Bool == true)
    // Data saver: the picture of a lesson not downloaded waits for a tap, then shows.
    #expect(r["saverButton"] as? String == "Show the picture: A tiny map")
    #expect((r["saverFetchedBeforeTap"] as? [String])?.isEmpty == true)
    #expect(r["saverTapLoaded"] as? Bool == true)
    #expect(r["saverKept"] as? Bool == true)
    // After a restart of the browser, offline: every lesson, the referrals page, the quiz.
    #expect(r["offlineTitles"] as? [String] == titles)
    #expect(r["staleWhileOffline"] as? Bool == true)
    #expect(r["offlinePicture"] as? Bool == true, "\(r["stored"] ?? "")")  // downloaded with its lesson
    #expect(r["offlineReferrals"] as? String == "Referral contacts and protocol")
    #expect((r["offlineQuizForm"] as? Int ?? 0) > 0)
    #expect((r["queued"] as? String)?.hasPrefix("No connection: your answers are kept") == true)
    #expect(r["keptOnPhone"] as? Int == 1)
    #expect(r["keptAfterLostReply"] as? Int == 1)  // the reply was lost: still on the phone
    #expect((r["sent"] as? String)?.hasPrefix("Your answers were sent.") == true)
    #expect((r["resultURL"] as? String)?.contains("/attempts/") == true)
    #expect(r["keptAfterResult"] as? Int == 0)
    #expect((r["resultTitle"] as? String)?.hasPrefix("Your result") == true)
    #expect((r["quizPosts"] as? Int ?? 0) >= 3)  // sent more than once…
    let attempts = try server.academy.database.read { c in
      try c.query(
        "SELECT id FROM attempts WHERE user_id = ? AND module = 'fact-checking' AND submitted_at IS NOT NULL",
        [learner.id])
    }
    #expect(attempts.count == 1)  // …held once
    #expect(r["refreshed"] as? Bool == true)
    #expect(r["correctedOffline"] as? Bool == true)
    #expect((r["dataUsed"] as? String)?.hasPrefix("This month, Relais used about ") == true)
  }

  /// An 8×8 PNG.
  static let picture = Data(
    base64Encoded:
      "iVBORw0KGgoAAAANSUhEUgAAAAgAAAAICAIAAABLbSncAAAAEUlEQVR4nGM4pqGBFTEMLQkAT91FgbR57YsAAAAASUVORK5CYII="
  )!

  /// Runs the script; its last line is a JSON object.
  static func run(_ script: URL, _ args: [String], log dir: URL) throws -> [String: Any] {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    p.arguments = ["timeout", "240", "python3", script.path] + args
    let output = Pipe()
    p.standardOutput = output
    let log = dir.appendingPathComponent("browser.log")
    FileManager.default.createFile(atPath: log.path, contents: nil)
    p.standardError = try FileHandle(forWritingTo: log)
    try p.run()
    let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    p.waitUntilExit()
    let last = try #require(
      text.split(separator: "\n").last.map(String.init),
      "no result; log: \((try? String(contentsOf: log, encoding: .utf8))?.suffix(1500) ?? "")")
    return try #require(try JSONSerialization.jsonObject(with: Data(last.utf8)) as? [String: Any])
  }
}
