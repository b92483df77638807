import Foundation
import GIFT
import Markdown

/// Reads `Curriculum/` and `Assessments/` into a `Catalog`, collecting every problem.
public struct CatalogLoader: Sendable {
  public var curriculum: URL
  public var assessments: URL
  /// Largest image a lesson may carry (phones on metered data).
  public static let maxImageBytes = 60 * 1024

  public init(curriculum: URL, assessments: URL) {
    self.curriculum = curriculum
    self.assessments = assessments
  }

  public func load() -> Catalog {
    cache.begin(media: LoadCache.mediaFingerprint(curriculum))
    var problems: [ContentProblem] = []
    var modules: [Module] = []
    var versionBytes: [UInt8] = []
    let fm = FileManager.default
    guard let entries = try? fm.contentsOfDirectory(atPath: curriculum.path) else {
      return Catalog(
        modules: [], pages: [:],
        problems: [
          ContentProblem(
            path: curriculum.lastPathComponent, line: 1,
            message: "cannot read the curriculum folder \(curriculum.path)")
        ],
        version: "0")
    }
    var pages: [String: Localized<Page>] = [:]
    for name in entries.sorted() {
      var isDir: ObjCBool = false
      let url = curriculum.appendingPathComponent(name)
      _ = fm.fileExists(atPath: url.path, isDirectory: &isDir)
      if isDir.boolValue {
        if fm.fileExists(atPath: url.appendingPathComponent("module.md").path) {
          let loader = ModuleLoader(folder: url, slug: name, root: self)
          let (module, ps, bytes) = loader.load()
          problems += ps
          versionBytes += bytes
          if let module { modules.append(module) }
        } else {
          problems.append(
            ContentProblem(
              path: relative(url), line: 1, message: "module folder without module.md",
              severity: .warning))
        }
      } else if name.hasSuffix(".md") {
        let slug = ContentLink.lessonSlug(name)
        guard let lang = language(ofFile: name) else {
          problems.append(
            ContentProblem(
              path: relative(url), line: 1, message: "unknown language suffix", severity: .warning))
          continue
        }
        guard let data = fm.contents(atPath: url.path) else { continue }
        versionBytes += ContentHash.of(data).utf8
        let (page, ps) = loadPage(slug: slug, url: url, data: [UInt8](data))
        problems += ps
        if let page { pages[slug, default: Localized()].values[lang] = page }
      }
    }
    modules.sort { ($0.order, $0.slug) < ($1.order, $1.slug) }
    let (contacts, contactProblems, contactBytes) = loadReferralContacts(
      hasReferralsPage: pages["referrals"] != nil)
    problems += contactProblems
    versionBytes += contactBytes
    problems += LinkChecker(modules: modules, pages: pages, curriculum: curriculum, loader: self)
      .check()
    for (slug, page) in pages.sorted(by: { $0.key < $1.key }) {
      for lang in Language.allCases where page.values[lang] == nil {
        problems.append(
          ContentProblem(
            path: "Curriculum/\(slug).md", line: 1,
            message: "missing translation: \(slug)\(lang.fileSuffix).md", severity: .warning))
      }
    }
    var catalog = Catalog(
      modules: modules, pages: pages, problems: problems, version: ContentHash.of(versionBytes))
    catalog.referralContacts = contacts
    return catalog
  }

  /// Path as a trainer sees it: `Curriculum/…` or `Assessments/…`.
  func relative(_ url: URL) -> String {
    for base in [curriculum, assessments] {
      let b = base.standardizedFileURL.path
      let p = url.standardizedFileURL.path
      if p.hasPrefix(b + "/") { return base.lastPathComponent + "/" + p.dropFirst(b.count + 1) }
    }
    return url.path
  }

  /// `x.md` → en, `x.fr.md` → fr, `x.de.md` → nil.
  func language(ofFile name: String) -> Language? {
    let parts = name.split(separator: ".")
    guard parts.count >= 2 else { return nil }
    if parts.count >= 3, let l = Language(rawValue: String(parts[parts.count - 2])) { return l }
    if parts.count >= 3, parts[parts.count - 2].count == 2 { return nil }
    return .reference
  }

  func loadPage(slug: String, url: URL, data: [UInt8]) -> (Page?, [ContentProblem]) {
    let path = relative(url)
    let text = String(decoding: data, as: UTF8.self)
    let front = FrontMatter.parse(text)
    let problems = FrontMatterSchema.page.check(front, path: path)
    let rendered = cache.lesson(front.body, module: nil, kind: "full") {
      Markdown.lesson(front.body, options: lessonOptions(module: nil))
    }
    let page = Page(
      slug: slug, title: front.string("title") ?? slug, version: front.string("version"),
      html: rendered.html, path: path, hash: ContentHash.of(data),
      references: References(rendered, bodyLine: front.bodyLine))
    return (page, problems)
  }

  func lessonOptions(module: String?) -> LessonOptions {
    let curriculum = self.curriculum
    return LessonOptions(
      rewriteLink: { ContentLink.classify($0, module: module).url },
      imageSize: { src in
        guard case .media(let m, let file) = ContentLink.classify(src, module: module),
          let data = FileManager.default.contents(
            atPath: curriculum.appendingPathComponent(m).appendingPathComponent("media")
              .appendingPathComponent(file).path)
        else { return nil }
        return ImageSize.of([UInt8](data))
      })
  }
}
