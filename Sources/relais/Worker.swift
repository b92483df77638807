import Foundation
import Synchronization

#if canImport(Glibc)
  import Glibc
#endif

/// What the supervisor tells its worker, in environment variables rather than flags, so the
/// worker parses exactly the command line that was typed and `--help` shows none of this.
struct WorkerLink {
  /// The inherited listening socket.
  var listener: Int32
  /// The write end of a pipe; the worker writes a byte there once it serves.
  var readyFD: Int32
  /// Crashes so far (for `/metrics`).
  var restarts: Int
  /// Print the URL and the one-time admin link: only until a worker has been ready once.
  var banner: Bool
  var supervisor: pid_t

  static let variable = "RELAIS_WORKER"

  var environmentValue: String {
    "\(listener),\(readyFD),\(restarts),\(banner ? 1 : 0),\(supervisor)"
  }

  /// The link when this process is a worker.
  static func fromEnvironment() -> WorkerLink? {
    guard let value = ProcessInfo.processInfo.environment[variable] else { return nil }
    let parts = value.split(separator: ",").compactMap { Int32($0) }
    guard parts.count == 5 else { return nil }
    return WorkerLink(
      listener: parts[0], readyFD: parts[1], restarts: Int(parts[2]), banner: parts[3] == 1,
      supervisor: parts[4])
  }

  /// First thing in the worker: die with the supervisor. SIGKILL, so that a supervisor
  /// killed hard (`kill -9`, the OOM killer) leaves nothing serving or holding the data
  /// directory; a supervisor stopped gently stops its worker gently first.
  func attach() throws {
    _ = sys_prctl(PR_SET_PDEATHSIG, UInt(SIGKILL), 0, 0, 0)
    // Started as /proc/self/exe, it would show as "exe" in ps and top.
    "relais".withCString { _ = sys_prctl(PR_SET_NAME, UInt(bitPattern: $0), 0, 0, 0) }
    // The supervisor may have died before the line above.
    if getppid() != supervisor { throw CLIError("the supervising process is gone") }
    unsetenv(Self.variable)
  }

  func signalReady() {
    var byte: UInt8 = 1
    _ = write(readyFD, &byte, 1)
    close(readyFD)
  }
}

/// glibc's `prctl` is variadic, which Swift cannot call; its arguments are all integers,
/// passed the same way either way.
@_silgen_name("prctl")
private func sys_prctl(_ option: Int32, _ a: UInt, _ b: UInt, _ c: UInt, _ d: UInt) -> Int32
private let PR_SET_PDEATHSIG: Int32 = 1
private let PR_SET_NAME: Int32 = 15

/// A set-once flag a signal handler raises and a loop polls.
final class StopFlag: Sendable {
  private let raised = Atomic<Bool>(false)
  func raise() { raised.store(true, ordering: .sequentiallyConsistent) }
  var isRaised: Bool { raised.load(ordering: .sequentiallyConsistent) }
}

/// One worker process, seen from the supervisor.
struct Worker {
  let pid: pid_t
  /// The read end of its readiness pipe.
  let readyFD: Int32

  struct End {
    var exitCode: Int32?
    var signal: Int32?
    /// It had said it was serving.
    var ready: Bool
  }

  /// Starts `/proc/self/exe serve ARGUMENTS` (this very binary, even if the file was
  /// replaced since) with the link in its environment and default signal handling.
  static func spawn(arguments: [String], link: WorkerLink) throws -> Worker {
    var pipeFDs: [Int32] = [-1, -1]
    guard pipe(&pipeFDs) == 0 else {
      throw CLIError("pipe: \(String(cString: strerror(errno)))")
    }
    // The worker inherits the write end only (the supervisor starts no other process).
    let (readEnd, writeEnd) = (pipeFDs[0], pipeFDs[1])
    _ = fcntl(readEnd, F_SETFD, FD_CLOEXEC)
    defer { close(writeEnd) }
    var link = link
    link.readyFD = writeEnd

    var environment = ProcessInfo.processInfo.environment
    environment[WorkerLink.variable] = link.environmentValue
    // Swift's crash backtrace holds a dying worker for 0.3 to 3 s (symbolicating every
    // thread) while learners wait for the restart; the runtime's one-line message (what
    // trapped, and where) and our log line remain. An operator who wants the full
    // backtrace sets SWIFT_BACKTRACE=enable=yes.
    if environment["SWIFT_BACKTRACE"] == nil { environment["SWIFT_BACKTRACE"] = "enable=no" }
    let argv = (["relais", "serve"] + arguments).map { strdup($0) } + [nil]
    let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer { (argv + envp).forEach { free($0) } }

    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    // The supervisor ignores SIGINT/SIGTERM/SIGPIPE (it watches them another way); ignored
    // signals survive exec, so put them back to default for the worker.
    var defaults = sigset_t()
    sigemptyset(&defaults)
    for sig in [SIGINT, SIGTERM, SIGPIPE, SIGCHLD] { sigaddset(&defaults, sig) }
    posix_spawnattr_setsigdefault(&attributes, &defaults)
    var mask = sigset_t()
    sigemptyset(&mask)
    posix_spawnattr_setsigmask(&attributes, &mask)
    posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))

    var pid: pid_t = 0
    let rc = posix_spawn(&pid, "/proc/self/exe", nil, &attributes, argv, envp)
    guard rc == 0 else {
      close(readEnd)
      throw CLIError("cannot start the server process: \(String(cString: strerror(rc)))")
    }
    return Worker(pid: pid, readyFD: readEnd)
  }

  /// Waits for the worker to end, noting when it says it is ready. Once `stop` is raised it
  /// is asked to stop (SIGTERM: finish requests in flight) and, past `patience`, killed.
  func wait(stop: StopFlag, patience: Double = 15) -> End {
    var end = End(ready: false)
    var readyOpen = true
    var stopSentAt: Date?
    while true {
      var status: Int32 = 0
      let r = waitpid(pid, &status, WNOHANG)
      if r == pid || (r < 0 && errno == ECHILD) {
        let low = status & 0x7F
        if low == 0 {
          end.exitCode = (status >> 8) & 0xFF
        } else if low != 0x7F {
          end.signal = low
        }
        break
      }
      if stop.isRaised {
        if stopSentAt == nil {
          kill(pid, SIGTERM)
          stopSentAt = Date()
        } else if let t = stopSentAt, Date().timeIntervalSince(t) > patience {
          kill(pid, SIGKILL)
        }
      }
      if readyOpen {
        var p = pollfd(fd: readyFD, events: Int16(POLLIN), revents: 0)
        if poll(&p, 1, 10) > 0 {
          var byte: UInt8 = 0
          let n = read(readyFD, &byte, 1)
          if n == 1 { end.ready = true }
          if n >= 0 { readyOpen = false }  // a byte, or the end: it died before serving
        }
      } else {
        usleep(10_000)
      }
    }
    close(readyFD)
    return end
  }
}
