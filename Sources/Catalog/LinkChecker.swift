import Foundation
import Markdown

/// Checks every link and image in lessons and pages: lesson links must name a lesson that
/// exists, images a file under the module's `media/` that is small enough.
struct LinkChecker {
  var modules: [Module]
  var pages: [String: Localized<Page>]
  var curriculum: URL
  var loader: CatalogLoader

  func check() -> [ContentProblem] {
    var out: [ContentProblem] = []
    for m in modules {
      for lesson in m.lessons {
        for (_, text) in lesson.text.values.sorted(by: { $0.key < $1.key }) {
          out += check(text.references, path: text.path, module: m.slug)
        }
      }
    }
    for (_, page) in pages.sorted(by: { $0.key < $1.key }) {
      for (_, p) in page.values.sorted(by: { $0.key < $1.key }) {
        out += check(p.references, path: p.path, module: nil)
      }
    }
    return out
  }

  /// Uses the references collected when the file was rendered: nothing is read twice.
  private func check(_ refs: References, path: String, module: String?) -> [ContentProblem] {
    var out: [ContentProblem] = []
    for link in refs.links {
      if let why = problem(link.destination, module: module, image: false) {
        out.append(ContentProblem(path: path, line: link.line, message: why))
      }
    }
    for image in refs.images {
      if let why = problem(image.destination, module: module, image: true) {
        out.append(ContentProblem(path: path, line: image.line, message: why))
      }
    }
    return out
  }

  private func problem(_ destination: String, module: String?, image: Bool) -> String? {
    switch ContentLink.classify(destination, module: module) {
    case .external, .anchor:
      return nil
    case .lesson(let m, let l, _):
      guard let mod = modules.first(where: { $0.slug == m }) else {
        return "link to '\(destination)' points nowhere: no module '\(m)'"
      }
      return mod.lesson(l) == nil
        ? "link to '\(destination)' points nowhere: no lesson '\(l)' in \(m)" : nil
    case .page(let slug, _):
      return pages[slug] == nil
        ? "link to '\(destination)' points nowhere: no page Curriculum/\(slug).md" : nil
    case .media(let m, let file):
      let fileURL = curriculum.appendingPathComponent(m).appendingPathComponent("media")
        .appendingPathComponent(file)
      guard let attrs = try? FileManager.default.attributesOfItem(atPath: fileURL.path) else {
        return
          "\(image ? "image" : "link") '\(destination)' points nowhere: no file \(loader.relative(fileURL))"
      }
      let size = (attrs[.size] as? Int) ?? 0
      if image && size > CatalogLoader.maxImageBytes {
        return
          "image '\(destination)' is \(size / 1024) KB; images must be ≤ 60 KB for phones on metered data"
      }
      return nil
    case .unknown:
      return
        "\(image ? "image" : "link") '\(destination)' points nowhere (write a lesson file name like 02-lateral-reading.md, media/picture.png, or a full https:// URL)"
    }
  }
}
