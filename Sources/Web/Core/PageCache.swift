import Synchronization

/// Public pages as anonymous visitors see them, rendered once per content version and
/// language and served from memory. The visitor's CSRF token is the only per-request part:
/// a page is stored split around a placeholder token and joined with the real one.
final class PageCache: Sendable {
  static let placeholder = "\u{1}csrf\u{1}"
  private let state = Mutex<(version: String, pages: [String: Entry])>(("", [:]))
  private let limit = 4096

  struct Entry: Sendable {
    var parts: [String]
    var contentType: String
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
