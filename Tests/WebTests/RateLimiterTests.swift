import Testing

@testable import Web

/// The limiter's memory is bounded by evicting the keys whose last failure is oldest, so a
/// flood of new addresses cannot free the keys that are being limited right now.
@Suite struct RateLimiterTests {
  @Test func aKeyIsBlockedAfterItsLimitAndFreedAfterTheWindow() {
    let limiter = RateLimiter(limit: 3, window: 60)
    for t in 0..<3 { limiter.fail("ip:a", now: Double(t)) }
    #expect(limiter.blocked("ip:a", now: 10) == 1)
    #expect(limiter.blocked("ip:b", now: 10) == nil)
    #expect(limiter.blocked("ip:a", now: 61) == nil)  // the first failure left the window
  }

  @Test func aFloodOfNewKeysEvictsTheOldestNotTheBlockedOne() {
    let limiter = RateLimiter(limit: 3, window: 600, capacity: 100)
    for t in 0..<3 { limiter.fail("early", now: Double(t)) }
    // The attacker keeps failing (recent), while a flood of other keys arrives.
    for i in 0..<1_000 {
      limiter.fail("flood:\(i)", now: 10 + Double(i) / 100)
      if i % 50 == 0 { limiter.fail("attacker", now: 10 + Double(i) / 100) }
    }
    #expect(limiter.count <= 100)
    #expect(limiter.blocked("attacker", now: 21) != nil)
    #expect(limiter.blocked("early", now: 21) == nil)  // oldest: evicted
    #expect(limiter.blocked("flood:999", now: 21) == nil)  // one failure: not blocked, but kept
  }

  @Test func evictionKeepsTheNewestKeys() {
    let limiter = RateLimiter(limit: 1, window: 600, capacity: 10)
    for i in 0..<25 { limiter.fail("k\(i)", now: Double(i)) }
    #expect(limiter.count == 10)
    for i in 0..<15 { #expect(limiter.blocked("k\(i)", now: 30) == nil, "k\(i)") }
    for i in 15..<25 { #expect(limiter.blocked("k\(i)", now: 30) != nil, "k\(i)") }
  }
}
