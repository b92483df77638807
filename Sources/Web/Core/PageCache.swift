import Synchronization

/// Public pages as anonymous visitors see them, rendered once per content version and
/// language and served from memory. The visitor's CSRF token is the only per-request part:
/// a page is stored split around a placeholder token and joined with the real one.
final class PageCache: Sendable {
  static let placeholder = "\u{1}csrf\u{1}"
  private let state = Mutex<(version: String, pages: [String: Entry])>(("", [:]))
  private let limit = 4096

  struct Entry: Sendable {
    /// The page's bytes between placeholders.
    var parts: [[UInt8]]
    var contentType: String

    /// The page with `token` in each gap, built straight into bytes (served thousands of
    /// times a second: no String joined and then copied out).
    func body(token: String) -> [UInt8] {
      var out: [UInt8] = []
      out.reserveCapacity(parts.reduce(0) { $0 + $1.count } + (parts.count - 1) * token.utf8.count)
      for (i, part) in parts.enumerated() {
        if i > 0 { out.append(contentsOf: token.utf8) }
        out.append(contentsOf: part)
      }
      return out
    }
  }

  func get(_ key: String, version: String) -> Entry? {
    state.withLock { $0.version == version ? $0.pages[key] : nil }
  }

  func put(_ key: String, version: String, _ entry: Entry) {
    state.withLock { s in
      if s.version != version || s.pages.count >= limit { s = (version, [:]) }
      s.pages[key] = entry
    }
  }
}
