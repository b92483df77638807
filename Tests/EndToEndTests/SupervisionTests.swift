import Foundation
import Synchronization
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// `relais serve` supervises its server: the worker process is killed (SIGKILL) and made to
/// trap (a real Swift runtime error, through the test-only route) while learners keep
/// submitting quizzes; each time the site answers again within a second, and every
/// submission that was acknowledged is in the database afterwards.
@Suite(.serialized) struct SupervisionTests {
  static let submitters = 4
  static let trapPath = "/__test-trap"
  static let metricsToken = "supervision-test-token-0123456789"

  /// What the submitters saw.
  final class Tally: Sendable {
    struct State {
      var acked: Set<String> = []
      var unexpected: [String] = []
    }
    let state = Mutex(State())
    let stop = Atomic<Bool>(false)
    var acked: Int { state.withLock { $0.acked.count } }
  }

  @Test func aCrashedWorkerIsBackWithinASecondAndKeepsEveryAcknowledgedAnswer() throws {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent(
      "relais-supervise-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: root) }
    let (curriculum, assessments) = try Drill.write(in: root)
    let data = root.appendingPathComponent("data")
    try FileManager.default.createDirectory(at: data, withIntermediateDirectories: true)
    let tokens = try Drill.learnerSessions(
      count: Self.submitters, data: data, curriculum: curriculum, assessments: assessments)
    let server = try ServerProcess(
      data: data, curriculum: curriculum, assessments: assessments,
      arguments: ["--metrics-token", Self.metricsToken],
      environment: ["RELAIS_TEST_TRAP_PATH": Self.trapPath])
    defer { if server.process.isRunning { server.kill9() } }

    let tally = Tally()
    let done = DispatchGroup()
    for token in tokens {
      done.enter()
      let port = server.port
      Thread.detachNewThread {
        defer { done.leave() }
        Self.submitThroughCrashes(port: port, token: token, tally: tally)
      }
    }
    func waitForAcks(_ n: Int) throws {
      let deadline = Date().addingTimeInterval(60)
      while tally.acked < n && Date() < deadline { usleep(2_000) }
      try #require(tally.acked >= n, "only \(tally.acked) acknowledged:\n\(server.output)")
    }

    // 1. SIGKILL, as the OOM killer would.
    try waitForAcks(20)
    let first = try #require(server.workerPID)
    let killedAt = Date()
    kill(first, SIGKILL)
    let downKill = try Self.secondsUntilServedByAnotherWorker(server, than: first, since: killedAt)
    #expect(downKill < 1.0, "SIGKILL: served again after \(downKill) s")

    // 2. A trap, as a bug would: the worker crashes in the middle of a request.
    try waitForAcks(tally.acked + 20)
    let second = try #require(server.workerPID)
    let trappedAt = Date()
    _ = try? TestHTTPClient(port: server.port).get(Self.trapPath)
    let downTrap = try Self.secondsUntilServedByAnotherWorker(
      server, than: second, since: trappedAt)
    #expect(downTrap < 1.0, "trap: served again after \(downTrap) s")

    try waitForAcks(tally.acked + 20)
    tally.stop.store(true, ordering: .sequentiallyConsistent)
    done.wait()
    print(
      "supervision: down \(Int(downKill * 1000)) ms after SIGKILL, \(Int(downTrap * 1000)) ms after a trap; \(tally.acked) submissions acknowledged"
    )

    // Both crashes are counted on /metrics, and were logged with their signal.
    let metrics = try TestHTTPClient(port: server.port).get(
      "/metrics", headers: [("Authorization", "Bearer \(Self.metricsToken)")])
    #expect(metrics.status == 200)
    #expect(
      metrics.body.contains("relais_worker_restarts_total 2\n"), "\(metrics.body.suffix(300))")
    let log = server.output
    for line in log.split(separator: "\n")
    where line.contains("relais:") || line.contains("serving") {
      print("  | \(line)")
    }
    #expect(log.contains("died of SIGKILL"))
    #expect(log.contains("died of SIGILL (a trap)") || log.contains("died of SIGTRAP (a trap)"))
    // The one-time admin link was printed once, not at each restart.
    #expect(log.components(separatedBy: "One-time admin sign-in link").count == 2)

    let worker = server.workerPID
    #expect(server.stop() == 0, "\(server.output)")
    if let worker { #expect(ServerProcess.waitUntilGone(worker), "the worker outlived its stop") }

    let stored = try Drill.submissions(
      data: data, curriculum: curriculum, assessments: assessments)
    let seen = tally.state.withLock { $0 }
    #expect(seen.unexpected.isEmpty, "\(seen.unexpected.prefix(5))")
    let missing = seen.acked.subtracting(stored.keys)
    #expect(missing.isEmpty, "\(missing.count) acknowledged submissions lost")
    for id in seen.acked { #expect(stored[id]?.answers == 2, "attempt \(id)") }
  }

  /// Time from `since` until `/healthz` is answered by a worker other than `old`.
  static func secondsUntilServedByAnotherWorker(
    _ server: ServerProcess, than old: pid_t, since: Date
  ) throws -> Double {
    let deadline = since.addingTimeInterval(20)
    while Date() < deadline {
      if let r = try? TestHTTPClient(port: server.port).get("/healthz"), r.status == 200,
        let now = server.workerPID, now != old
      {
        return Date().timeIntervalSince(since)
      }
      usleep(5_000)
    }
    throw ServerProcess.Failure("no new worker within 20 s:\n\(server.output)")
  }

  /// Opens the quiz and submits it, again and again; a connection the crash cut is tried
  /// again on a new one (the phone retrying), and anything but a 303 or a cut is noted.
  static func submitThroughCrashes(port: Int, token: String, tally: Tally) {
    let c = Drill.client(port: port, token: token)
    while !tally.stop.load(ordering: .sequentiallyConsistent) {
      guard let form = try? c.get("/modules/drill/quiz?kind=pre") else {
        usleep(5_000)
        continue
      }
      guard form.status == 200, let id = form.body.capture("name=\"attempt\" value=\"([^\"]+)\"")
      else {
        tally.state.withLock { $0.unexpected.append("GET quiz: \(form.status)") }
        return
      }
      guard let r = try? c.post("/modules/drill/quiz", Drill.fields(attempt: id)) else {
        continue  // cut by the crash: not acknowledged, so not counted
      }
      tally.state.withLock {
        if r.status == 303 && r.location == "/attempts/\(id)" {
          $0.acked.insert(id)
        } else {
          $0.unexpected.append("POST \(id): \(r.status)")
        }
      }
    }
  }

  @Test func aSecondServerOnTheSamePortOrDataDirectoryFailsClearly() throws {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent(
      "relais-twice-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: root) }
    let (curriculum, assessments) = try Drill.write(in: root)
    let data = root.appendingPathComponent("data")
    let server = try ServerProcess(data: data, curriculum: curriculum, assessments: assessments)
    defer { if server.process.isRunning { server.kill9() } }
    let content = ["--curriculum", curriculum.path, "--assessments", assessments.path]

    let sameData = try ServerProcess.run(
      ["serve", "--port", "0", "--data", data.path, "--no-watch"] + content)
    #expect(sameData.status != 0)
    #expect(
      sameData.output.contains("the data directory \(data.path) is in use by another relais serve"),
      "\(sameData.output)")

    let other = root.appendingPathComponent("other")
    let samePort = try ServerProcess.run(
      ["serve", "--port", String(server.port), "--data", other.path, "--no-watch"] + content)
    #expect(samePort.status != 0)
    #expect(samePort.output.contains("port \(server.port) is in use"), "\(samePort.output)")

    // The first one is untouched, and serves alone.
    #expect(try TestHTTPClient(port: server.port).get("/healthz").status == 200)

    // Killed hard, the supervisor takes its worker with it: nothing is left holding the
    // data, and a new server can have it at once.
    let worker = try #require(server.workerPID)
    server.kill9()
    #expect(ServerProcess.waitUntilGone(worker))
    let next = try ServerProcess(data: data, curriculum: curriculum, assessments: assessments)
    #expect(try TestHTTPClient(port: next.port).get("/healthz").status == 200)
    #expect(next.stop() == 0)
  }

  /// Five crashes within a minute: the supervisor says it is in a crash loop and waits
  /// before the next start instead of spinning.
  @Test func aCrashLoopBacksOffAndSaysSo() throws {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent(
      "relais-loop-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: root) }
    let (curriculum, assessments) = try Drill.write(in: root)
    let server = try ServerProcess(
      data: root.appendingPathComponent("data"), curriculum: curriculum,
      assessments: assessments)
    defer { if server.process.isRunning { server.kill9() } }
    for _ in 0..<5 {
      let old = try #require(server.workerPID)
      kill(old, SIGKILL)
      _ = try Self.secondsUntilServedByAnotherWorker(server, than: old, since: Date())
    }
    #expect(server.output.contains("5 crashes within a minute: a crash loop; waiting 1 s"))
    #expect(server.stop() == 0)
  }
}
