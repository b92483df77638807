import Catalog
import Foundation

/// The content as it is on disk (not as served: a module with errors is listed too), for
/// the `/teach` tree.
struct ContentTree {
  struct ModuleEntry {
    var slug: String
    /// Lesson stems in file order, `module` first, with the languages present.
    var files: [(stem: String, languages: Set<Language>)]
    var quizzes: [String]
    var media: [String]
  }

  var modules: [ModuleEntry]

  static func scan(_ loader: CatalogLoader) -> ContentTree {
    let fm = FileManager.default
    var modules: [ModuleEntry] = []
    let quizFiles = ((try? fm.contentsOfDirectory(atPath: loader.assessments.path)) ?? []).filter {
      $0.hasSuffix(".gift")
    }
    for slug in ((try? fm.contentsOfDirectory(atPath: loader.curriculum.path)) ?? []).sorted() {
      let folder = loader.curriculum.appendingPathComponent(slug)
      guard fm.fileExists(atPath: folder.appendingPathComponent("module.md").path) else { continue }
      var stems: [String: Set<Language>] = [:]
      for name in (try? fm.contentsOfDirectory(atPath: folder.path)) ?? []
      where name.hasSuffix(".md") {
        guard let (stem, lang) = split(name) else { continue }
        stems[stem, default: []].insert(lang)
      }
      let ordered = stems.keys.sorted { ($0 == "module" ? "" : $0) < ($1 == "module" ? "" : $1) }
      let media =
        ((try? fm.contentsOfDirectory(atPath: folder.appendingPathComponent("media").path)) ?? [])
        .filter { !$0.hasPrefix(".") }.sorted()
      modules.append(
        ModuleEntry(
          slug: slug, files: ordered.map { ($0, stems[$0] ?? []) },
          quizzes: quizFiles.filter { $0 == "\(slug).gift" || $0.hasPrefix("\(slug).") }.sorted(),
          media: media))
    }
    return ContentTree(modules: modules)
  }

  /// `02-x.fr.md` → (`02-x`, fr); nil for unknown language suffixes.
  static func split(_ name: String) -> (String, Language)? {
    guard name.hasSuffix(".md") else { return nil }
    let base = String(name.dropLast(3))
    if let dot = base.lastIndex(of: "."),
      (3...4).contains(base.distance(from: dot, to: base.endIndex))
    {
      guard let lang = Language(rawValue: String(base[base.index(after: dot)...])) else {
        return nil
      }
      return (String(base[..<dot]), lang)
    }
    return (base, .reference)
  }
}
