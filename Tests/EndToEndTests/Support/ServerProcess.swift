import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// The real `relais` binary run as a child process, for tests that must kill it (SIGKILL) or
/// run its other commands. Its output goes to a log file in the data directory's parent.
final class ServerProcess {
  let process: Process
  let port: Int
  let log: URL

  /// The `relais` executable that `swift build` / `swift test` put next to the test bundle
  /// (every product of the package is built before the tests run), or `RELAIS_BINARY`.
  static func binary() throws -> URL {
    let fm = FileManager.default
    if let path = ProcessInfo.processInfo.environment["RELAIS_BINARY"] {
      guard fm.isExecutableFile(atPath: path) else {
        throw Failure("RELAIS_BINARY=\(path) is not an executable")
      }
      return URL(fileURLWithPath: path)
    }
    var looked: [String] = []
    let starts = [
      Bundle.main.executableURL, Bundle.main.bundleURL,
      URL(fileURLWithPath: CommandLine.arguments[0]),
    ]
    for start in starts.compactMap({ $0?.standardizedFileURL }) {
      var dir = start.deletingLastPathComponent()
      for _ in 0..<4 {  // debug/X.xctest, or X.xctest/Contents/MacOS/X on macOS
        let candidate = dir.appendingPathComponent("relais")
        var isDirectory: ObjCBool = false
        if fm.fileExists(atPath: candidate.path, isDirectory: &isDirectory), !isDirectory.boolValue,
          fm.isExecutableFile(atPath: candidate.path)
        {
          return candidate
        }
        looked.append(dir.path)
        dir = dir.deletingLastPathComponent()
      }
    }
    throw Failure(
      "the relais binary was not found next to the tests (looked in \(Set(looked).sorted().joined(separator: ", "))). "
        + "Build it with 'swift build' (same --scratch-path) or set RELAIS_BINARY=/path/to/relais.")
  }

  /// Runs `relais ARGS` to completion; returns its exit status and output.
  static func run(_ args: [String]) throws -> (status: Int32, output: String) {
    let p = Process()
    p.executableURL = try binary()
    p.arguments = args
    let pipe = Pipe()
    p.standardOutput = pipe
    p.standardError = pipe
    try p.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    return (p.terminationStatus, String(decoding: data, as: UTF8.self))
  }

  /// Starts `relais serve` on a free port and waits for the line that gives its URL.
  init(
    data: URL, curriculum: URL, assessments: URL, accessLog: Bool = false,
    arguments: [String] = [], environment: [String: String] = [:]
  ) throws {
    log = data.deletingLastPathComponent().appendingPathComponent(
      "\(data.lastPathComponent)-serve-\(UUID().uuidString.prefix(8)).log")
    _ = FileManager.default.createFile(atPath: log.path, contents: nil)
    let out = try FileHandle(forWritingTo: log)
    process = Process()
    process.executableURL = try Self.binary()
    process.arguments =
      [
        "serve", "--port", "0", "--data", data.path, "--curriculum", curriculum.path,
        "--assessments",
        assessments.path, "--no-watch",
      ] + (accessLog ? [] : ["--quiet"]) + arguments
    if !environment.isEmpty {
      process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
    }
    process.standardOutput = out
    process.standardError = out
    try process.run()
    try? out.close()
    let deadline = Date().addingTimeInterval(60)
    while true {
      let text = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
      if let p = text.capture("serving [0-9]+ modules at http://127\\.0\\.0\\.1:([0-9]+)/"),
        let n = Int(p)
      {
        port = n
        return
      }
      if !process.isRunning {
        throw Failure(
          "relais serve exited with \(process.terminationStatus) before serving:\n\(text)")
      }
      if Date() > deadline {
        kill(process.processIdentifier, SIGKILL)
        throw Failure("relais serve printed no URL within 60 s:\n\(text)")
      }
      usleep(20_000)
    }
  }

  var output: String { (try? String(contentsOf: log, encoding: .utf8)) ?? "" }

  /// The server process the `relais serve` supervisor runs now (its child), if any.
  var workerPID: pid_t? { Self.children(of: process.processIdentifier).first }

  /// Processes whose parent is `parent`, from /proc.
  static func children(of parent: pid_t) -> [pid_t] {
    let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
    return entries.compactMap { name -> pid_t? in
      guard let pid = pid_t(name),
        let stat = try? String(contentsOfFile: "/proc/\(name)/stat", encoding: .utf8),
        let close = stat.lastIndex(of: ")")
      else { return nil }
      // pid (comm) state ppid …
      let fields = stat[stat.index(after: close)...].split(separator: " ")
      guard fields.count > 2, pid_t(fields[1]) == parent, fields[0] != "Z" else { return nil }
      return pid
    }
  }

  /// SIGKILL: no handler runs, nothing is flushed or checkpointed. The supervisor's worker
  /// is killed with it (by the kernel, `PR_SET_PDEATHSIG`); this waits until it is gone too.
  func kill9() {
    let worker = workerPID
    kill(process.processIdentifier, SIGKILL)
    process.waitUntilExit()
    if let worker { Self.waitUntilGone(worker) }
  }

  /// Waits (up to 5 s) until `pid` has exited; true if it has.
  @discardableResult
  static func waitUntilGone(_ pid: pid_t) -> Bool {
    for _ in 0..<500 {
      let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8)
      guard let stat, let close = stat.lastIndex(of: ")") else { return true }
      if stat[stat.index(after: close)...].hasPrefix(" Z") { return true }
      usleep(10_000)
    }
    return false
  }

  /// SIGTERM: the server finishes requests in flight and closes the database.
  func stop() -> Int32 {
    process.terminate()
    process.waitUntilExit()
    return process.terminationStatus
  }

  struct Failure: Error, CustomStringConvertible {
    var description: String
    init(_ s: String) { description = s }
  }
}
