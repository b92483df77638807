import Synchronization

/// A clock that only moves when the test says so.
final class TestClock: Sendable {
  let seconds: Atomic<Int64>

  init(_ start: Int64 = 1_800_000_000) { seconds = Atomic(start) }

  var now: Int64 { seconds.load(ordering: .relaxed) }
  var value: Int64 { now }
  func advance(days: Int64) { advance(seconds: days * 86_400) }
  func advance(seconds delta: Int64) { seconds.add(delta, ordering: .relaxed) }
}
