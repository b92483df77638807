import Dispatch
import Synchronization

/// Threads for offloaded handlers (password hashing, database writes, exports, PDFs): at most
/// `maxThreads` of them and at most `maxQueued` jobs waiting. A Dispatch concurrent queue
/// would add a thread for every handler blocked on the database, up to 64, and queue without
/// bound; here a burst past the queue is refused at once (the loop answers 503) instead.
/// Threads start on demand and end after `idleSeconds` without work, so a server that is shut
/// down (or many in one test process) leaves none behind.
final class WorkerPool: Sendable {
  typealias Job = @Sendable () -> Void

  private struct State {
    var jobs: [Job?] = []
    var head = 0
    var threads = 0
    var busy = 0
    var peakThreads = 0
    var queued: Int { jobs.count - head }

    mutating func pop() -> Job? {
      guard head < jobs.count else { return nil }
      let job = jobs[head]
      jobs[head] = nil
      head += 1
      if head == jobs.count {
        jobs.removeAll(keepingCapacity: true)
        head = 0
      } else if head > 1024 && head * 2 > jobs.count {
        jobs.removeFirst(head)
        head = 0
      }
      return job
    }
  }

  let maxThreads: Int
  let maxQueued: Int
  let idleSeconds: Double
  private let state = Mutex(State())
  /// One signal per submitted job; a thread that times out waiting may leave one unused,
  /// which costs the next thread an empty look at the queue, nothing more.
  private let ready = DispatchSemaphore(value: 0)
  let rejected = Atomic<Int>(0)

  init(maxThreads: Int, maxQueued: Int, idleSeconds: Double = 10) {
    self.maxThreads = max(1, maxThreads)
    self.maxQueued = max(0, maxQueued)
    self.idleSeconds = idleSeconds
  }

  /// Queues `job`; false (and nothing queued) when the queue is full.
  func submit(_ job: @escaping Job) -> Bool {
    let spawn = state.withLock { s -> Bool? in
      // Waiting jobs beyond the idle threads, which will take one each at once.
      let idle = s.threads - s.busy
      if s.queued - idle >= maxQueued { return nil }
      s.jobs.append(job)
      guard s.queued > idle, s.threads < maxThreads else { return false }
      s.threads += 1
      s.peakThreads = max(s.peakThreads, s.threads)
      return true
    }
    guard let spawn else {
      rejected.add(1, ordering: .relaxed)
      return false
    }
    ready.signal()
    if spawn { LoopThread.start { [self] in work() } }
    return true
  }

  private func work() {
    while true {
      let timedOut = ready.wait(timeout: .now() + idleSeconds) == .timedOut
      let job = state.withLock { s -> Job?? in
        if let job = s.pop() {
          s.busy += 1
          return .some(job)
        }
        if timedOut {
          s.threads -= 1
          return .none
        }
        return .some(nil)
      }
      guard let job else { return }  // idle too long: this thread ends
      guard let job else { continue }
      job()
      state.withLock { $0.busy -= 1 }
    }
  }

  /// Threads, jobs waiting, and the most threads there ever were (for `/metrics`).
  var snapshot: (threads: Int, queued: Int, peakThreads: Int) {
    state.withLock { ($0.threads, $0.queued, $0.peakThreads) }
  }
}
