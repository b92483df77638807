import Foundation
import GIFT
import Markdown

/// Reads `Curriculum/` and `Assessments/` into a `Catalog`, collecting every problem.
public struct CatalogLoader: Sendable {
  public var curriculum: URL
  public var assessments: URL
  /// The program's English interface strings, to check the locale files against (missing,
  /// extra, placeholders); empty: the files are only parsed.
  public var referenceStrings: [String: String]
  /// English and the languages found in `Curriculum/locales/`, set at the start of a load:
  /// the translations the loaders look for.
  var languages: [Language] = [.reference]
  /// Largest image a lesson may carry (phones on metered data).
  public static let maxImageBytes = 60 * 1024
  /// Where interface strings live, inside the curriculum.
  public static let localesFolder = "locales"

  public init(curriculum: URL, assessments: URL, referenceStrings: [String: String] = [:]) {
    self.curriculum = curriculum
    self.assessments = assessments
    self.referenceStrings = referenceStrings
  }

  public func load() -> Catalog {
    cache.begin(media: LoadCache.mediaFingerprint(curriculum))
    var problems: [ContentProblem] = []
    var modules: [Module] = []
    var versionBytes: [UInt8] = []
    let fm = FileManager.default
    let (locales, stringsCoverage, localeProblems, localeBytes) = LocaleLoader(
      folder: curriculum.appendingPathComponent(Self.localesFolder),
      displayFolder: "\(curriculum.lastPathComponent)/\(Self.localesFolder)",
      reference: referenceStrings
    ).load()
    problems += localeProblems
    versionBytes += localeBytes
    var root = self
    root.languages = [.reference] + locales.keys.sorted()
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
        if name == Self.localesFolder || name == BriefingLoader.folder { continue }
        if fm.fileExists(atPath: url.appendingPathComponent("module.md").path) {
          let loader = ModuleLoader(folder: url, slug: name, root: root)
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
        guard let lang = root.language(ofFile: name) else {
          problems.append(root.unknownLanguage(url))
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
    let (briefings, briefingProblems, briefingBytes) = BriefingLoader(root: root).load()
    problems += briefingProblems
    versionBytes += briefingBytes
    let (contacts, contactProblems, contactBytes) = loadReferralContacts(
      hasReferralsPage: pages["referrals"] != nil)
    problems += contactProblems
    versionBytes += contactBytes
    problems += root.unusedQuizFiles(modules: entries)
    problems += LinkChecker(modules: modules, pages: pages, curriculum: curriculum, loader: root)
      .check()
    for (slug, page) in pages.sorted(by: { $0.key < $1.key }) {
      for lang in root.languages where page.values[lang] == nil {
        problems.append(
          ContentProblem(
            path: "Curriculum/\(slug).md", line: 1,
            message: "missing translation: \(slug)\(lang.fileSuffix).md", severity: .warning))
      }
    }
    var catalog = Catalog(
      modules: modules, pages: pages, problems: problems, version: ContentHash.of(versionBytes),
      locales: locales, stringsCoverage: stringsCoverage)
    catalog.briefings = briefings
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

  /// `x.md` → en, `x.fr.md` → fr; nil for a language without a strings file (`x.de.md`
  /// before `locales/de.strings` exists), so half-added languages are reported, not served.
  func language(ofFile name: String) -> Language? {
    let parts = name.split(separator: ".")
    guard parts.count >= 2 else { return nil }
    if parts.count >= 3, let l = Language(rawValue: String(parts[parts.count - 2])) {
      return languages.contains(l) ? l : nil
    }
    return .reference
  }

  /// Quiz files no module or offered language reads (`x.de.gift` before `de.strings`, a
  /// misspelt module name), so a trainer learns why a quiz doesn't show.
  func unusedQuizFiles(modules folders: [String]) -> [ContentProblem] {
    var expected: Set<String> = []
    for m in folders {
      for kind in QuizKind.allCases {
        for lang in languages { expected.insert("\(m)\(kind.fileInfix)\(lang.fileSuffix).gift") }
      }
    }
    let names = (try? FileManager.default.contentsOfDirectory(atPath: assessments.path)) ?? []
    return names.sorted().filter { $0.hasSuffix(".gift") && !expected.contains($0) }.map { name in
      ContentProblem(
        path: "\(assessments.lastPathComponent)/\(name)", line: 1,
        message:
          "not read: no module folder matches its name, or its language has no \(curriculum.lastPathComponent)/\(Self.localesFolder)/CODE.strings",
        severity: .warning)
    }
  }

  /// The warning for a translation in a language the site doesn't offer yet.
  func unknownLanguage(_ url: URL) -> ContentProblem {
    let parts = url.lastPathComponent.split(separator: ".")
    let code = parts.count >= 3 ? String(parts[parts.count - 2]) : "?"
    return ContentProblem(
      path: relative(url), line: 1,
      message:
        "translation into '\(code)', which has no \(curriculum.lastPathComponent)/\(Self.localesFolder)/\(code).strings: not served",
      severity: .warning)
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
