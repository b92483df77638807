import Dispatch
import Foundation
import HTTPServer

#if canImport(Glibc)
  import Glibc
#endif

/// `relais serve` as a small supervisor. Swift cannot catch a trap, so the server runs in a
/// child process (this executable again, told by `WorkerLink` variables that it is the
/// worker) and a crash costs the time to start it again, not the service. The supervisor
/// holds what must outlive a crash: the data directory's lock and the listening socket, so
/// connections made while no worker runs wait in the backlog instead of being refused.
enum Supervisor {
  /// Crashes within `crashWindow` seconds that make a crash loop; restarts then wait
  /// `backoffFirst` seconds, doubling up to `backoffMax`, instead of spinning.
  static let crashLoopCount = 5
  static let crashWindow = 60.0
  static let backoffFirst = 1.0
  static let backoffMax = 30.0
  /// How long a worker told to stop may take before it is killed.
  static let stopPatience = 15.0

  static func run(arguments: [String], dataDirectory: String, host: String, port: Int) throws
    -> Int32
  {
    let stop = StopFlag()
    var sources: [DispatchSourceSignal] = []
    for sig in [SIGINT, SIGTERM] {
      signal(sig, SIG_IGN)
      let s = DispatchSource.makeSignalSource(signal: sig, queue: .global())
      s.setEventHandler { stop.raise() }
      s.resume()
      sources.append(s)
    }
    defer { sources.forEach { $0.cancel() } }
    signal(SIGPIPE, SIG_IGN)

    try FileManager.default.createDirectory(
      atPath: dataDirectory, withIntermediateDirectories: true)
    let lock = try DataDirectoryLock.acquire(directory: dataDirectory)
    let listener = try HTTPServer.bindListener(host: host, port: port)
    // Both are handed down to each worker: the lock so that it covers the worker's whole
    // life (it dies with us, see `WorkerLink`), the socket to serve.
    for fd in [lock.fd, listener.fd] { _ = fcntl(fd, F_SETFD, 0) }

    var crashes: [Date] = []
    var restarts = 0
    var everReady = false
    while true {
      let link = WorkerLink(
        listener: listener.fd, readyFD: -1, restarts: restarts, banner: !everReady,
        supervisor: getpid())
      let worker = try Worker.spawn(arguments: arguments, link: link)
      let end = worker.wait(stop: stop, patience: stopPatience)
      everReady = everReady || end.ready
      if stop.isRaised {
        return end.exitCode ?? 1  // a signal: it crashed, or would not stop in time
      }
      switch (end.exitCode, end.ready) {
      case (let code?, false) where !everReady:
        return code  // the first start failed (bad options, database): it said why
      case (0, true):
        return 0  // stopped by a signal sent to it alone: stop with it
      default:
        break
      }
      let now = Date()
      crashes = crashes.filter { now.timeIntervalSince($0) < crashWindow } + [now]
      restarts += 1
      let cause =
        end.signal.map { "died of \(signalName($0))" }
        ?? "exited with status \(end.exitCode ?? -1)"
      var line =
        "relais: the server process (pid \(worker.pid)) \(cause) at \(timestamp(now)); "
        + "restarting it (crash \(restarts) since start)"
      if crashes.count >= crashLoopCount {
        let delay = min(
          backoffMax, backoffFirst * pow(2, Double(crashes.count - crashLoopCount)))
        line +=
          "\nrelais: \(crashes.count) crashes within a minute: a crash loop; waiting "
          + "\(Int(delay)) s before the next start"
        report(line)
        if pause(delay, unless: stop) { return 0 }
      } else {
        report(line)
      }
    }
  }

  /// Waits `seconds`; true if asked to stop meanwhile.
  private static func pause(_ seconds: Double, unless stop: StopFlag) -> Bool {
    let until = Date().addingTimeInterval(seconds)
    while Date() < until {
      if stop.isRaised { return true }
      usleep(20_000)
    }
    return stop.isRaised
  }

  static func report(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
  }

  static func timestamp(_ date: Date) -> String {
    let f = ISO8601DateFormatter()
    f.formatOptions = [.withInternetDateTime]
    return f.string(from: date)
  }

  static func signalName(_ sig: Int32) -> String {
    let names: [Int32: String] = [
      SIGKILL: "SIGKILL", SIGTERM: "SIGTERM", SIGINT: "SIGINT", SIGABRT: "SIGABRT",
      SIGILL: "SIGILL (a trap)", SIGTRAP: "SIGTRAP (a trap)", SIGSEGV: "SIGSEGV",
      SIGBUS: "SIGBUS", SIGFPE: "SIGFPE", SIGQUIT: "SIGQUIT",
    ]
    return names[sig] ?? "signal \(sig)"
  }
}
