import Dispatch
import Synchronization

/// What joins a streamed body's producer thread to its connection's event loop: framed chunks
/// one way, "sent" and "gone" the other. The producer blocks in `push` while more than
/// `maxUnsent` bytes wait to be sent, so a slow client costs a bounded amount of memory.
final class StreamChannel: Sendable {
  /// Framed bytes a stream may have queued but unsent (here or in the connection's output).
  static let maxUnsent = 256 * 1024

  enum End: Sendable, Equatable {
    /// The producer returned and its last chunk (the terminating one, if chunked) is queued.
    case complete
    /// The producer threw: the body must not look complete to the client.
    case failed(String)
  }

  struct Chunk: Sendable {
    /// Bytes for the wire, chunk framing included.
    var bytes: [UInt8]
    /// How many of them are body bytes (for the access log).
    var bodyCount: Int
  }

  private struct State {
    var chunks: [Chunk] = []
    var end: End?
    /// Pushed and not yet reported sent by the loop.
    var unsent = 0
    var producerWaiting = false
    /// The loop found nothing to take and waits for a wake-up (so it does before the first).
    var loopWaiting = true
  }

  private let state = Mutex(State())
  /// Set once the connection is gone; also read outside the lock so that `write` can fail fast.
  private let cancelled = Atomic<Bool>(false)
  private let space = DispatchSemaphore(value: 0)
  /// Asks the loop to come and take what was pushed. Thread-safe.
  private let wake: @Sendable () -> Void
  private let metrics: ServerMetrics?

  init(metrics: ServerMetrics?, wake: @escaping @Sendable () -> Void) {
    self.metrics = metrics
    self.wake = wake
  }

  var isCancelled: Bool { cancelled.load(ordering: .acquiring) }

  // MARK: Producer side

  /// Queues one framed chunk; blocks while the connection has too much unsent. Throws once
  /// the connection is gone.
  func push(_ chunk: Chunk) throws(ResponseStreamError) {
    enum Step { case queued, queuedAndWake, wait, gone }
    while true {
      let step = state.withLock { s -> Step in
        if cancelled.load(ordering: .relaxed) { return .gone }
        // One chunk larger than the bound still goes when nothing else waits.
        if s.unsent > 0 && s.unsent + chunk.bytes.count > Self.maxUnsent {
          s.producerWaiting = true
          return .wait
        }
        s.chunks.append(chunk)
        s.unsent += chunk.bytes.count
        metrics?.streamPeakUnsent.max(s.unsent, ordering: .relaxed)
        if s.loopWaiting {
          s.loopWaiting = false
          return .queuedAndWake
        }
        return .queued
      }
      switch step {
      case .queued: return
      case .queuedAndWake:
        wake()
        return
      case .wait:
        metrics?.streamWaits.add(1, ordering: .relaxed)
        space.wait()
      case .gone: throw .clientGone
      }
    }
  }

  /// The producer is done, well or badly; nothing is pushed after this.
  func finish(_ end: End) {
    let wakeLoop = state.withLock { s -> Bool in
      if cancelled.load(ordering: .relaxed) { return false }
      s.end = end
      let waiting = s.loopWaiting
      s.loopWaiting = false
      return waiting
    }
    if wakeLoop { wake() }
  }

  // MARK: Loop side

  /// Everything pushed so far and, once the producer is done, how it ended. When there is
  /// neither, the next push (or the end) wakes the loop.
  func take() -> (chunks: [Chunk], end: End?) {
    state.withLock { s in
      let taken = s.chunks
      s.chunks.removeAll()
      if taken.isEmpty && s.end == nil { s.loopWaiting = true }
      return (taken, s.end)
    }
  }

  /// `n` bytes of this stream reached the socket; lets a blocked producer go on once half the
  /// bound is free (not at every byte: fewer wake-ups for the same throughput).
  func sent(_ n: Int) {
    state.withLock { s in
      s.unsent -= n
      if s.producerWaiting && s.unsent <= Self.maxUnsent / 2 {
        s.producerWaiting = false
        space.signal()
      }
    }
  }

  /// The connection closed: the producer's next `write` throws, a blocked one wakes up.
  func cancel() {
    state.withLock { s in
      cancelled.store(true, ordering: .releasing)
      s.chunks.removeAll()
      if s.producerWaiting {
        s.producerWaiting = false
        space.signal()
      }
    }
  }
}
