import Academy
import Catalog
import Foundation
import Storage
import Synchronization
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// Acknowledged means stored: the real `relais serve` is killed with SIGKILL in the middle
/// of a burst of quiz submissions, restarted on the same data, and every submission that got
/// its 303 must be there exactly once; sending them all again records nothing twice.
@Suite(.serialized) struct DurabilityTests {
  static let workers = 6
  static let ackedBeforeKill = 30

  /// What the workers saw, shared between their threads.
  final class Tally: Sendable {
    struct State {
      var sent: [String: Int] = [:]  // attempt id → worker, for every POST sent
      var acked: Set<String> = []  // a 303 to the attempt's result came back
      var unexpected: [String] = []  // any other answer while the server was up
    }
    let state = Mutex(State())
    let stop = Atomic<Bool>(false)
  }

  @Test func everyAcknowledgedSubmissionSurvivesSIGKILLExactlyOnce() throws {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent(
      "relais-kill-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: root) }
    let (curriculum, assessments) = try Drill.write(in: root)
    let data = root.appendingPathComponent("data")
    try FileManager.default.createDirectory(at: data, withIntermediateDirectories: true)
    let tokens = try Drill.learnerSessions(
      count: Self.workers, data: data, curriculum: curriculum, assessments: assessments)

    // The burst: each worker, on its own connections, opens a quiz and submits it, again and again.
    let server = try ServerProcess(data: data, curriculum: curriculum, assessments: assessments)
    let tally = Tally()
    let done = DispatchGroup()
    for (w, token) in tokens.enumerated() {
      done.enter()
      let port = server.port
      Thread.detachNewThread {
        defer { done.leave() }
        Self.submitUntilStopped(worker: w, port: port, token: token, tally: tally)
      }
    }
    let deadline = Date().addingTimeInterval(120)
    let killAt = Int.random(in: Self.ackedBeforeKill...2 * Self.ackedBeforeKill)  // a different moment each run
    while tally.state.withLock({ $0.acked.count }) < killAt && Date() < deadline {
      usleep(2_000)
    }
    server.kill9()
    tally.stop.store(true, ordering: .sequentiallyConsistent)
    done.wait()
    let seen = tally.state.withLock { $0 }
    print("kill -9 after \(seen.acked.count) acknowledged of \(seen.sent.count) submissions sent")
    #expect(
      seen.unexpected.isEmpty,
      "answers other than 303 before the kill: \(seen.unexpected.prefix(5))")
    try #require(
      seen.acked.count >= Self.ackedBeforeKill,
      "too few submissions acknowledged before the kill:\n\(server.output)")

    // After the crash, before any restart: what is on disk.
    let afterCrash = try Drill.submissions(
      data: data, curriculum: curriculum, assessments: assessments)
    print(
      "on disk after the crash: \(afterCrash.count) submitted (\(afterCrash.count - seen.acked.count) committed but not acknowledged)"
    )
    let missing = seen.acked.subtracting(afterCrash.keys)
    #expect(
      missing.isEmpty,
      "\(missing.count) acknowledged submissions lost: \(missing.sorted().prefix(5))")
    for id in seen.acked {
      #expect(
        afterCrash[id]?.answers == 2, "attempt \(id) has \(afterCrash[id]?.answers ?? 0) answers")
      #expect(afterCrash[id]?.score == 0.5)
    }
    let phantom = Set(afterCrash.keys).subtracting(seen.sent.keys)
    #expect(phantom.isEmpty, "submissions nobody sent: \(phantom)")

    // Restart on the same data; send every submission again (a phone retrying after the
    // network came back): each lands on its result and nothing is recorded twice.
    let again = try ServerProcess(data: data, curriculum: curriculum, assessments: assessments)
    do {
      for (id, w) in seen.sent {
        let c = Drill.client(port: again.port, token: tokens[w])
        _ = try c.get("/")  // the CSRF cookie
        let r = try c.post("/modules/drill/quiz", Drill.fields(attempt: id))
        #expect(
          r.status == 303 && r.location == "/attempts/\(id)",
          "resubmitting \(id): \(r.status) \(r.location ?? "")")
      }
      let page = try Drill.client(port: again.port, token: tokens[0]).get("/")
      #expect(page.status == 200)
    } catch {
      Issue.record(
        "after the restart: \(error); server running: \(again.process.isRunning)\n\(again.output)")
      again.kill9()
      return
    }
    #expect(again.stop() == 0, "\(again.output)")

    let afterRetry = try Drill.submissions(
      data: data, curriculum: curriculum, assessments: assessments)
    #expect(Set(afterRetry.keys) == Set(seen.sent.keys), "exactly the attempts sent are submitted")
    for (id, before) in afterCrash {
      #expect(
        afterRetry[id] == before,
        "attempt \(id) changed when sent again: \(before) → \(String(describing: afterRetry[id]))")
    }
    for (id, s) in afterRetry {
      #expect(s.answers == 2, "attempt \(id) has \(s.answers) answers")
    }
  }

  static func submitUntilStopped(worker w: Int, port: Int, token: String, tally: Tally) {
    let c = Drill.client(port: port, token: token)
    while !tally.stop.load(ordering: .sequentiallyConsistent) {
      guard let form = try? c.get("/modules/drill/quiz?kind=pre") else { return }  // killed
      guard form.status == 200, let id = form.body.capture("name=\"attempt\" value=\"([^\"]+)\"")
      else {
        tally.state.withLock { $0.unexpected.append("GET quiz: \(form.status)") }
        return
      }
      tally.state.withLock { $0.sent[id] = w }
      guard let r = try? c.post("/modules/drill/quiz", Drill.fields(attempt: id)) else { return }
      tally.state.withLock {
        if r.status == 303 && r.location == "/attempts/\(id)" {
          $0.acked.insert(id)
        } else {
          $0.unexpected.append("POST \(id): \(r.status)")
        }
      }
    }
  }
}

/// A one-module curriculum whose pre-test can be taken any number of times.
enum Drill {
  struct Submission: Equatable, CustomStringConvertible {
    var submittedAt: Int
    var score: Double
    var answers: Int
    var description: String { "submitted \(submittedAt), score \(score), \(answers) answers" }
  }

  static func write(in root: URL) throws -> (URL, URL) {
    let curriculum = root.appendingPathComponent("Curriculum")
    let assessments = root.appendingPathComponent("Assessments")
    let module = curriculum.appendingPathComponent("drill")
    try FileManager.default.createDirectory(at: module, withIntermediateDirectories: true)
    try FileManager.default.createDirectory(at: assessments, withIntermediateDirectories: true)
    try "---\ntitle: Drill\nsummary: A module for the crash test.\norder: 1\n---\nA drill.\n"
      .write(to: module.appendingPathComponent("module.md"), atomically: true, encoding: .utf8)
    try "---\ntitle: Start\nminutes: 1\n---\nRead this.\n"
      .write(to: module.appendingPathComponent("01-start.md"), atomically: true, encoding: .utf8)
    try "::d1::Water is wet.{T}\n\n::d2::The sun is cold.{F}\n"
      .write(
        to: assessments.appendingPathComponent("drill.gift"), atomically: true, encoding: .utf8)
    try "::p1::Water is wet.{T}\n\n::p2::The sun is cold.{F}\n"
      .write(
        to: assessments.appendingPathComponent("drill.pre.gift"), atomically: true, encoding: .utf8)
    return (curriculum, assessments)
  }

  /// One answer right, one wrong: every stored submission scores 0.5.
  static func fields(attempt: String) -> [(String, String)] {
    [("attempt", attempt), ("q.p1", "true"), ("q.p2", "true")]
  }

  static func academy(data: URL, curriculum: URL, assessments: URL) throws -> Academy {
    let store = CatalogStore(
      loader: CatalogLoader(curriculum: curriculum, assessments: assessments))
    var policy = Academy.Policy()
    policy.passphraseIterations = 1000
    return try Academy(
      databasePath: data.appendingPathComponent("relais.sqlite").path, content: store,
      policy: policy)
  }

  /// Learners and their session tokens, made directly in the database before the server runs.
  static func learnerSessions(count: Int, data: URL, curriculum: URL, assessments: URL) throws
    -> [String]
  {
    let academy = try academy(data: data, curriculum: curriculum, assessments: assessments)
    defer { academy.close() }
    return try (0..<count).map { i in
      try academy.startSession(
        userID: academy.createUser(role: .learner, displayName: "Learner \(i)").id)
    }
  }

  /// Every submitted attempt, read from the database file (with the server stopped or dead).
  static func submissions(data: URL, curriculum: URL, assessments: URL) throws -> [String:
    Submission]
  {
    let academy = try academy(data: data, curriculum: curriculum, assessments: assessments)
    defer { academy.close() }
    let rows = try academy.database.read { c in
      try c.query(
        """
        SELECT a.id, a.submitted_at, a.score, (SELECT COUNT(*) FROM answers n WHERE n.attempt_id = a.id) AS answers
        FROM attempts a WHERE a.submitted_at IS NOT NULL
        """)
    }
    var out: [String: Submission] = [:]
    for r in rows {
      out[r.string("id") ?? ""] = Submission(
        submittedAt: r.int("submitted_at") ?? 0, score: r.double("score") ?? -1,
        answers: r.int("answers") ?? 0)
    }
    return out
  }

  static func client(port: Int, token: String) -> TestHTTPClient {
    let c = TestHTTPClient(port: port)
    c.cookies["relais_session"] = token
    return c
  }
}
