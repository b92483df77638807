import Foundation
import HTTPServer
import Synchronization

/// Counts failures per key (an IP, an account) in a sliding window; sign-in and invite
/// redemption refuse once a key has failed too often.
final class RateLimiter: Sendable {
  private let hits = Mutex<[String: [Double]]>([:])
  let limit: Int
  let window: Double

  init(limit: Int = 10, window: Double = 15 * 60) {
    self.limit = limit
    self.window = window
  }

  /// Minutes to wait when `key` is over the limit, else nil.
  func blocked(_ key: String, now: Double = Date().timeIntervalSince1970) -> Int? {
    hits.withLock { h in
      let recent = (h[key] ?? []).filter { $0 > now - window }
      h[key] = recent
      guard recent.count >= limit, let oldest = recent.first else { return nil }
      return max(1, Int(((oldest + window - now) / 60).rounded(.up)))
    }
  }

  func fail(_ key: String, now: Double = Date().timeIntervalSince1970) {
    hits.withLock { h in
      h[key, default: []].append(now)
      if h.count > 100_000 { h.removeAll() }  // bounded memory under a flood
    }
  }

  func reset(_ key: String) { hits.withLock { _ = $0.removeValue(forKey: key) } }
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
