import Academy
import Foundation
import Synchronization
import Testing

/// `relais backup`, `restore` and `retention`, run as the binary an operator would run, next
/// to a live `relais serve` on the same data.
@Suite(.serialized) struct DataCommandTests {
  struct Setup {
    var root: URL
    var data: URL
    var curriculum: URL
    var assessments: URL
    var tokens: [String]
  }

  func setup(learners: Int = 2) throws -> Setup {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent(
      "relais-data-\(UUID().uuidString)")
    let (curriculum, assessments) = try Drill.write(in: root)
    let data = root.appendingPathComponent("data")
    try FileManager.default.createDirectory(at: data, withIntermediateDirectories: true)
    let tokens = try Drill.learnerSessions(
      count: learners, data: data, curriculum: curriculum, assessments: assessments)
    return Setup(
      root: root, data: data, curriculum: curriculum, assessments: assessments, tokens: tokens)
  }

  /// Takes and submits one pre-test; returns the attempt id once the server acknowledged it.
  static func submitOne(port: Int, token: String) throws -> String {
    let c = Drill.client(port: port, token: token)
    let form = try c.get("/modules/drill/quiz?kind=pre")
    let id = try #require(form.body.capture("name=\"attempt\" value=\"([^\"]+)\""))
    let r = try c.post("/modules/drill/quiz", Drill.fields(attempt: id))
    try #require(r.status == 303)
    return id
  }

  @Test func accessLogLinesArriveInOrderSoonAndAllAreFlushedAtStop() throws {
    let s = try setup(learners: 1)
    defer { try? FileManager.default.removeItem(at: s.root) }
    let server = try ServerProcess(
      data: s.data, curriculum: s.curriculum, assessments: s.assessments, accessLog: true)
    let c = Drill.client(port: server.port, token: s.tokens[0])
    for path in ["/healthz", "/me", "/healthz?n=3"] { _ = try c.get(path) }
    // Written in batches, but within a fraction of a second.
    let deadline = Date().addingTimeInterval(5)
    while server.output.components(separatedBy: "route=").count < 4 && Date() < deadline {
      usleep(20_000)
    }
    let lines = server.output.split(separator: "\n").filter { $0.contains("route=") }
    #expect(lines.map { $0.contains("path=/healthz") } == [true, false, true])
    #expect(!server.output.contains("n=3"))  // paths without their query
    // A request just before the stop is still logged.
    _ = try c.get("/healthz")
    #expect(server.stop() == 0)
    #expect(server.output.components(separatedBy: "path=/healthz ").count == 4)
    #expect(!server.output.contains(s.tokens[0]))
  }

  @Test func backupRunsWhileTheServerKeepsServingAndRestoreBringsItBack() throws {
    let s = try setup()
    defer { try? FileManager.default.removeItem(at: s.root) }
    let server = try ServerProcess(
      data: s.data, curriculum: s.curriculum, assessments: s.assessments)
    var before: [String] = []
    for _ in 0..<5 { before.append(try Self.submitOne(port: server.port, token: s.tokens[0])) }

    // Submissions go on from another thread while the backup runs.
    let stop = Atomic<Bool>(false)
    let during = Mutex<[String]>([])
    let failures = Atomic<Int>(0)
    let port = server.port
    let token = s.tokens[1]
    let writer = Thread {
      while !stop.load(ordering: .relaxed) {
        if let id = try? Self.submitOne(port: port, token: token) {
          during.withLock { $0.append(id) }
        } else {
          failures.add(1, ordering: .relaxed)
        }
      }
    }
    writer.start()
    while during.withLock({ $0.count }) < 3 { usleep(5_000) }
    let file = s.root.appendingPathComponent("backup.sqlite").path
    let backup = try ServerProcess.run(["backup", file, "--data", s.data.path])
    let afterBackup = during.withLock { $0.count }
    while during.withLock({ $0.count }) < afterBackup + 3 { usleep(5_000) }  // still serving
    stop.store(true, ordering: .relaxed)
    while !writer.isFinished { usleep(1_000) }
    #expect(backup.status == 0, "\(backup.output)")
    #expect(backup.output.contains("integrity ok"))
    #expect(failures.load(ordering: .relaxed) == 0)
    let again = try ServerProcess.run(["backup", file, "--data", s.data.path])
    #expect(again.status == 1 && again.output.contains("--force"))  // never overwrites by accident

    // Restore refuses while the server runs, and changes nothing.
    let refused = try ServerProcess.run(["restore", file, "--data", s.data.path])
    #expect(refused.status == 1 && refused.output.contains("in use"), "\(refused.output)")
    let live = try Self.submitOne(port: server.port, token: s.tokens[0])
    #expect(server.stop() == 0)
    let all = Set(
      try Drill.submissions(data: s.data, curriculum: s.curriculum, assessments: s.assessments).keys
    )
    #expect(all.isSuperset(of: before + during.withLock { $0 } + [live]))

    // With the server stopped it puts the backup's data back: what was acknowledged before
    // the backup is there; the submission made after it is not.
    let restored = try ServerProcess.run(["restore", file, "--data", s.data.path])
    #expect(restored.status == 0, "\(restored.output)")
    let now = Set(
      try Drill.submissions(data: s.data, curriculum: s.curriculum, assessments: s.assessments).keys
    )
    #expect(now.isSuperset(of: before))
    #expect(!now.contains(live))
    #expect(now.isSubset(of: all))
    let kept = try FileManager.default.contentsOfDirectory(atPath: s.data.path).filter {
      $0.contains(".replaced-")
    }
    #expect(kept.count == 1)

    // And the server starts on the restored data.
    let back = try ServerProcess(data: s.data, curriculum: s.curriculum, assessments: s.assessments)
    let result = try Drill.client(port: back.port, token: s.tokens[0]).get("/attempts/\(before[0])")
    #expect(result.status == 200)
    #expect(back.stop() == 0)
  }

  @Test func restoreRejectsAFileThatIsNotABackup() throws {
    let s = try setup(learners: 1)
    defer { try? FileManager.default.removeItem(at: s.root) }
    let junk = s.root.appendingPathComponent("junk.sqlite")
    try Data("not a database at all, just text".utf8).write(to: junk)
    let r = try ServerProcess.run(["restore", junk.path, "--data", s.data.path])
    #expect(r.status == 1)
    let users = try Drill.academy(
      data: s.data, curriculum: s.curriculum, assessments: s.assessments)
    defer { users.close() }
    #expect(
      try users.database.read { try $0.scalar("SELECT COUNT(*) FROM users WHERE role = 'learner'") }
        .int == 1)
  }

  @Test func helpDocumentsBackupRestoreAndRetention() throws {
    for command in ["backup", "restore", "retention"] {
      let r = try ServerProcess.run([command, "--help"])
      #expect(r.status == 0)
      #expect(r.output.contains("usage: relais \(command)"))
    }
    #expect(try ServerProcess.run(["restore", "--help"]).output.contains("integrity check"))
    #expect(try ServerProcess.run(["--help"]).output.contains("backup FILE"))
  }

  @Test func retentionErasesOnlyLearnersInactiveForTheGivenDays() throws {
    let s = try setup(learners: 0)
    defer { try? FileManager.default.removeItem(at: s.root) }
    let path = s.data.appendingPathComponent("relais.sqlite").path
    let old = Int64(Date().timeIntervalSince1970) - 400 * 86_400
    var ids: [String] = []
    do {
      let a = try Drill.academy(data: s.data, curriculum: s.curriculum, assessments: s.assessments)
      for name in ["Gone", "Recent"] {
        ids.append(try a.createUser(role: .learner, displayName: name).id)
      }
      try a.database.write { c in
        try c.execute(
          "UPDATE users SET created_at = ?, last_seen_at = ? WHERE id = ?", [old, old, ids[0]])
        try c.execute("UPDATE users SET created_at = ? WHERE id = ?", [old, ids[1]])
        try c.execute(
          "UPDATE users SET last_seen_at = ? WHERE id = ?", [old + 300 * 86_400, ids[1]])
      }
      a.close()
    }
    let dry = try ServerProcess.run([
      "retention", "--inactive-days", "365", "--dry-run", "--data", s.data.path,
    ])
    #expect(dry.status == 0)
    #expect(
      dry.output.contains(ids[0]) && !dry.output.contains(ids[1]) && !dry.output.contains("Gone"))
    let tooShort = try ServerProcess.run([
      "retention", "--inactive-days", "3", "--data", s.data.path,
    ])
    #expect(tooShort.status != 0)
    var names = try Self.names(path)
    #expect(names == ["Gone", "Recent"])  // nothing erased yet
    let real = try ServerProcess.run(["retention", "--inactive-days", "365", "--data", s.data.path])
    #expect(real.status == 0 && real.output.contains("Erased 1 "), "\(real.output)")
    names = try Self.names(path)
    #expect(names == ["", "Recent"])
  }

  @Test func retentionReportsPendingDeletionRequestsAndFailsWhenOneIsOverdue() throws {
    let s = try setup(learners: 0)
    defer { try? FileManager.default.removeItem(at: s.root) }
    let now = Int64(Date().timeIntervalSince1970)
    var ids: [String] = []
    do {
      let a = try Drill.academy(data: s.data, curriculum: s.curriculum, assessments: s.assessments)
      for name in ["Late", "Recent"] {
        let id = try a.createUser(role: .learner, displayName: name).id
        try a.requestDeletion(userID: id)
        ids.append(id)
      }
      try a.database.write {
        try $0.execute(
          "UPDATE deletion_requests SET requested_at = ? WHERE user_id = ?",
          [now - 40 * 86_400, ids[0]])
      }
      a.close()
    }
    let report = try ServerProcess.run([
      "retention", "--inactive-days", "365", "--dry-run", "--data", s.data.path,
    ])
    #expect(report.status == 3, "\(report.output)")
    let late = report.output.split(separator: "\n").first { $0.contains(ids[0]) }
    let recent = report.output.split(separator: "\n").first { $0.contains(ids[1]) }
    #expect(late?.contains("OVERDUE") == true)
    #expect(recent?.contains("OVERDUE") == false)
    #expect(report.output.contains("2 deletion requests pending, 1 overdue"))
    #expect(
      try Self.names(s.data.appendingPathComponent("relais.sqlite").path) == ["Late", "Recent"])
  }

  @Test func serveMakesTheDataPrivateAndItsAdminLinkVoidsTheOlderOne() throws {
    let s = try setup(learners: 1)
    defer { try? FileManager.default.removeItem(at: s.root) }
    let db = s.data.appendingPathComponent("relais.sqlite").path
    // Data as older versions left it: world-readable.
    #expect(chmod(s.data.path, 0o755) == 0 && chmod(db, 0o644) == 0)
    let older = try ServerProcess.run(["admin-link", "--data", s.data.path])
    let olderPath = try #require(older.output.capture("(/signin/link/[A-Za-z0-9_-]+)"))
    let server = try ServerProcess(
      data: s.data, curriculum: s.curriculum, assessments: s.assessments)
    defer { _ = server.stop() }
    #expect(older.output.contains("now 0700"))  // the first command to open it says so
    func mode(_ p: String) -> mode_t {
      var st = stat()
      return stat(p, &st) == 0 ? st.st_mode & 0o777 : 0
    }
    #expect(mode(s.data.path) == 0o700)
    for p in [db, db + "-wal", db + "-shm"] { #expect(mode(p) == 0o600, "\(p)") }
    let newer = try #require(server.output.capture("(/signin/link/[A-Za-z0-9_-]+)"))
    let c = TestHTTPClient(port: server.port)
    #expect(try c.get(olderPath).status == 404)
    #expect(try c.get(newer).status == 200)
  }

  static func names(_ path: String) throws -> [String] {
    let data = URL(fileURLWithPath: path).deletingLastPathComponent()
    let root = data.deletingLastPathComponent()
    let a = try Drill.academy(
      data: data, curriculum: root.appendingPathComponent("Curriculum"),
      assessments: root.appendingPathComponent("Assessments"))
    defer { a.close() }
    return try a.database.read {
      try $0.query(
        "SELECT display_name FROM users WHERE role = 'learner' ORDER BY display_name = '' DESC, display_name"
      )
      .compactMap { $0.string("display_name") }
    }
  }
}
