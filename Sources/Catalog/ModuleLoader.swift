import Foundation
import GIFT
import Markdown

/// Loads one module folder: `module.md` (+ translations), its lessons, and its quizzes from
/// the assessments folder.
struct ModuleLoader {
  var folder: URL
  var slug: String
  var root: CatalogLoader

  func load() -> (Module?, [ContentProblem], [UInt8]) {
    var problems: [ContentProblem] = []
    var versionBytes: [UInt8] = []

    var moduleText = Localized<ModuleText>()
    var moduleFront: FrontMatter?
    var lessonTexts: [String: Localized<LessonText>] = [:]
    for file in root.markdownFiles(in: folder, problems: &problems, version: &versionBytes) {
      let (path, lang, data, text) = (file.path, file.language, file.data, file.text)
      let front = FrontMatter.parse(text)
      let stem = file.stem
      if stem == "module" {
        problems += FrontMatterSchema.module.check(front, path: path)
        if lang == .reference { moduleFront = front }
        let intro = root.cache.lesson(front.body, module: slug, kind: "full") {
          Markdown.lesson(front.body, options: root.lessonOptions(module: slug))
        }
        moduleText.values[lang] = ModuleText(
          title: front.string("title") ?? slug, summary: front.string("summary") ?? "",
          introHTML: intro.html, path: path)
        continue
      }
      guard isLessonStem(stem) else {
        problems.append(
          ContentProblem(
            path: path, line: 1, message: "lesson file names start with a number: 01-\(stem).md",
            severity: .warning))
        continue
      }
      problems += FrontMatterSchema.lesson.check(front, path: path)
      let rendered = root.cache.lesson(front.body, module: slug, kind: "full") {
        Markdown.lesson(front.body, options: root.lessonOptions(module: slug))
      }
      lessonTexts[stem, default: Localized()].values[lang] = LessonText(
        title: front.string("title") ?? stem, minutes: front.int("minutes") ?? 5,
        objectives: front.list("objectives") ?? [], html: rendered.html,
        headings: rendered.headings.map(\.text), path: path, hash: ContentHash.of(data),
        references: References(rendered, bodyLine: front.bodyLine))
    }
    guard let front = moduleFront else {
      problems.append(
        ContentProblem(
          path: "Curriculum/\(slug)/module.md", line: 1, message: "module.md is missing"))
      return (nil, problems, versionBytes)
    }
    var lessons: [Lesson] = []
    for stem in lessonTexts.keys.sorted() {
      let texts = lessonTexts[stem]!
      if texts.values[.reference] == nil {
        problems.append(
          ContentProblem(
            path: "Curriculum/\(slug)/\(stem).md", line: 1,
            message: "translation without the English lesson \(stem).md"))
        continue
      }
      for lang in root.languages where texts.values[lang] == nil {
        problems.append(
          ContentProblem(
            path: texts.values[.reference]!.path, line: 1,
            message: "missing translation: \(stem)\(lang.fileSuffix).md", severity: .warning))
      }
      lessons.append(Lesson(slug: stem, text: texts))
    }
    for lang in root.languages where moduleText.values[lang] == nil {
      problems.append(
        ContentProblem(
          path: "Curriculum/\(slug)/module.md", line: 1,
          message: "missing translation: module\(lang.fileSuffix).md", severity: .warning))
    }
    if lessons.isEmpty {
      problems.append(
        ContentProblem(
          path: "Curriculum/\(slug)/module.md", line: 1, message: "module has no lessons"))
    }

    let quizLoader = QuizLoader(module: slug, root: root, moduleFront: front)
    let (quizzes, settings, qProblems, qBytes) = quizLoader.load()
    problems += qProblems
    versionBytes += qBytes

    let module = Module(
      slug: slug, order: front.int("order") ?? 999, passMark: front.int("pass_mark") ?? 80,
      certificateMonths: front.int("certificate_months") ?? 24,
      prerequisites: front.list("prerequisites") ?? [], text: moduleText, lessons: lessons,
      quizzes: quizzes, settings: settings)
    return (module, problems, versionBytes)
  }

  private func isLessonStem(_ stem: String) -> Bool {
    guard let dash = stem.firstIndex(of: "-") else { return false }
    return !stem[..<dash].isEmpty && stem[..<dash].allSatisfy(\.isNumber)
  }
}
