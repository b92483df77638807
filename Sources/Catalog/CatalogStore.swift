import Foundation
import Synchronization

/// The catalog being served. A reload builds a new catalog; it replaces the served one only
/// when it has no errors, so a broken edit never takes the site down. The last reload's
/// problems stay visible to trainers.
public final class CatalogStore: Sendable {
  private struct State {
    var served: Catalog
    var lastProblems: [ContentProblem]
    var fingerprint: String
  }

  public let loader: CatalogLoader
  private let state: Mutex<State>

  public init(loader: CatalogLoader) {
    self.loader = loader
    let first = loader.load()
    state = Mutex(
      State(
        served: first, lastProblems: first.problems, fingerprint: CatalogStore.fingerprint(loader)))
  }

  public var catalog: Catalog { state.withLock { $0.served } }

  /// Problems of the most recent load (which may not be the one served).
  public var problems: [ContentProblem] { state.withLock { $0.lastProblems } }

  /// Reloads when a file under the content folders changed (by modification time and size).
  /// Returns true when a new catalog is now served.
  @discardableResult
  public func reloadIfChanged() -> Bool {
    let now = CatalogStore.fingerprint(loader)
    let changed = state.withLock { $0.fingerprint != now }
    guard changed else { return false }
    let next = loader.load()
    return state.withLock { s in
      s.fingerprint = now
      s.lastProblems = next.problems
      if next.errors.isEmpty {
        s.served = next
        return true
      }
      return false
    }
  }

  /// Polls for changes every `interval` seconds on a background thread.
  public func watch(every interval: Double = 1) {
    let t = Thread { [weak self] in
      while let self {
        Thread.sleep(forTimeInterval: interval)
        self.reloadIfChanged()
      }
    }
    t.name = "relais-content-watch"
    t.start()
  }

  /// A cheap summary of every content file's path, size and modification time.
  static func fingerprint(_ loader: CatalogLoader) -> String {
    ContentFingerprint.of([loader.curriculum.path, loader.assessments.path])
  }
}
