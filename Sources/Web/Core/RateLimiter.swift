import Foundation
import HTTPServer
import Synchronization

/// Counts failures per key (an IP, an account) in a sliding window; sign-in and invite
/// redemption refuse once a key has failed too often. At most `capacity` keys are kept: past
/// it the key whose last failure is oldest goes, so a flood of new keys (addresses) cannot
/// wipe the counts of the keys being limited right now.
final class RateLimiter: Sendable {
  private struct State {
    /// Failure times per key, and the stamp of its last failure (its place in `order`).
    var hits: [String: (times: [Double], stamp: Int)] = [:]
    /// Keys by last failure, oldest first; an entry whose stamp is no longer the key's is
    /// stale and skipped.
    var order: [(key: String, stamp: Int)] = []
    var orderStart = 0
    var nextStamp = 0

    mutating func evictOldest() {
      while orderStart < order.count {
        let (key, stamp) = order[orderStart]
        orderStart += 1
        if hits[key]?.stamp == stamp {
          hits.removeValue(forKey: key)
          return
        }
      }
    }

    /// Drops stale entries once they outnumber live ones, so `order` stays O(keys).
    mutating func compact() {
      guard order.count - orderStart > 2 * hits.count + 1024 else { return }
      order = order[orderStart...].filter { hits[$0.key]?.stamp == $0.stamp }
      orderStart = 0
    }
  }

  private let state = Mutex(State())
  let limit: Int
  let window: Double
  let capacity: Int

  init(limit: Int = 10, window: Double = 15 * 60, capacity: Int = 100_000) {
    self.limit = limit
    self.window = window
    self.capacity = max(1, capacity)
  }

  /// Minutes to wait when `key` is over the limit, else nil.
  func blocked(_ key: String, now: Double = Date().timeIntervalSince1970) -> Int? {
    state.withLock { s in
      guard let entry = s.hits[key] else { return nil }
      let recent = entry.times.filter { $0 > now - window }
      if recent.isEmpty {
        s.hits.removeValue(forKey: key)
        return nil
      }
      s.hits[key] = (recent, entry.stamp)
      guard recent.count >= limit, let oldest = recent.first else { return nil }
      return max(1, Int(((oldest + window - now) / 60).rounded(.up)))
    }
  }

  func fail(_ key: String, now: Double = Date().timeIntervalSince1970) {
    state.withLock { s in
      let stamp = s.nextStamp
      s.nextStamp += 1
      var times = s.hits[key]?.times ?? []
      times.append(now)
      // Only the last `limit` failures matter to `blocked`.
      if times.count > limit { times.removeFirst(times.count - limit) }
      s.hits[key] = (times, stamp)
      s.order.append((key, stamp))
      while s.hits.count > capacity { s.evictOldest() }
      s.compact()
    }
  }

  func reset(_ key: String) { state.withLock { _ = $0.hits.removeValue(forKey: key) } }

  /// Keys held now (for tests).
  var count: Int { state.withLock { $0.hits.count } }
}

extension App {
  /// The 429 page (with `Retry-After`) when any of `keys` has failed too often, else nil.
  func refuseIfLimited(_ keys: [String], _ ctx: Context, title: String) -> HTTPResponse? {
    guard let wait = keys.lazy.compactMap({ self.limiter.blocked($0) }).first else { return nil }
    let body: HTML =
      "<h1>\(title)</h1><p class=\"bad\" role=\"alert\">\(ctx.t("signin.limited", String(wait)))</p>"
    var r = HTTPResponse.page(Layout.page(ctx, title: title, body), status: 429)
    r.headers.set("Retry-After", String(wait * 60))
    return r
  }
}
