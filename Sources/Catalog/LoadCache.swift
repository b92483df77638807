import Foundation
import GIFT
import Markdown
import Synchronization

/// Parsed files of the previous load, reused when their text is unchanged, so a reload after
/// one edit re-renders one lesson instead of the whole curriculum (a full load takes ~1 s in
/// a debug build on a busy two-core machine; the hot-reload promise is 2 s).
///
/// Rendering is a pure function of (text, module, options) except for image sizes, which
/// are read from the `media/` folders: a digest of those is part of the key. Entries
/// not used by a load are dropped after it, so the cache holds one curriculum at most.
final class LoadCache: Sendable {
  /// One cache per content location, the few most recent ones. Kept outside
  /// `CatalogLoader` on purpose: a stored property would change that public struct's size,
  /// and incremental builds of its clients have been seen to keep the old size (a crash in
  /// its initializer until a clean build).
  private static let byLocation = Mutex<[(key: String, cache: LoadCache)]>([])
  static let locationsKept = 8

  static func shared(for loader: CatalogLoader) -> LoadCache {
    let key =
      loader.curriculum.standardizedFileURL.path + "\u{0}"
      + loader.assessments.standardizedFileURL.path
    return byLocation.withLock { list in
      if let i = list.firstIndex(where: { $0.key == key }) {
        let entry = list.remove(at: i)
        list.append(entry)
        return entry.cache
      }
      let cache = LoadCache()
      list.append((key, cache))
      if list.count > locationsKept { list.removeFirst() }
      return cache
    }
  }

  private struct State {
    var media = ""
    var lessons: [String: RenderedLesson] = [:]
    var previousLessons: [String: RenderedLesson] = [:]
    var quizzes: [String: ParseResult] = [:]
    var previousQuizzes: [String: ParseResult] = [:]
  }

  private let state = Mutex(State())

  /// Starts a load: what the last load used stays available for this one.
  func begin(media: String) {
    let digest = ContentHash.of(media)
    state.withLock { s in
      s.previousLessons = s.lessons
      s.previousQuizzes = s.quizzes
      s.lessons = [:]
      s.quizzes = [:]
      s.media = digest
    }
  }

  /// `Markdown.lesson` of `body`; `kind` names the options (they depend only on it and on
  /// `module`).
  func lesson(_ body: String, module: String?, kind: String, render: () -> RenderedLesson)
    -> RenderedLesson
  {
    // The media state is part of the key: a load running alongside another (two servers
    // on the same folders) can never file a render under the wrong image sizes.
    var key = ""
    if let hit = state.withLock({ s -> RenderedLesson? in
      key = "\(kind)\u{0}\(module ?? "")\u{0}\(s.media)\u{0}\(body)"
      guard let r = s.lessons[key] ?? s.previousLessons[key] else { return nil }
      s.lessons[key] = r
      return r
    }) {
      return hit
    }
    let r = render()
    state.withLock { $0.lessons[key] = r }
    return r
  }

  /// `GIFT.parse` of a quiz file (its path is part of the errors, so of the key).
  func quiz(_ text: String, path: String) -> ParseResult {
    let key = "\(path)\u{0}\(text)"
    if let hit = state.withLock({ s -> ParseResult? in
      guard let r = s.quizzes[key] ?? s.previousQuizzes[key] else { return nil }
      s.quizzes[key] = r
      return r
    }) {
      return hit
    }
    let r = GIFT.parse(text, path: path)
    state.withLock { $0.quizzes[key] = r }
    return r
  }

  /// Names, sizes and modification times of every module's `media/` files.
  static func mediaFingerprint(_ curriculum: URL) -> String {
    let fm = FileManager.default
    var parts: [String] = []
    for m in ((try? fm.contentsOfDirectory(atPath: curriculum.path)) ?? []).sorted() {
      let media = curriculum.appendingPathComponent(m).appendingPathComponent("media")
      for f in ((try? fm.contentsOfDirectory(atPath: media.path)) ?? []).sorted() {
        let a = try? fm.attributesOfItem(atPath: media.appendingPathComponent(f).path)
        let date = (a?[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
        parts.append("\(m)/\(f)|\(a?[.size] as? Int ?? -1)|\(date)")
      }
    }
    return parts.joined(separator: "\n")
  }
}

extension CatalogLoader {
  /// Parsed files kept between loads of this content (see `LoadCache`).
  var cache: LoadCache { LoadCache.shared(for: self) }
}
