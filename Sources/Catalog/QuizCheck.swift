import Foundation
import GIFT
import Markdown

/// A quiz file's text as the quiz editor sees it before saving: what it parses to and the
/// problems `relais check` would report for that file, computed by the same loader and lints
/// with the text in place of the file on disk (the module's other quizzes are read as they are).
public struct QuizCheck: Sendable {
  public var questions: [Question]
  public var settings: QuizSettings
  /// GIFT syntax errors: a file with any is refused.
  public var parseErrors: [ContentProblem]
  /// Every problem for this file (errors and warnings), by line.
  public var problems: [ContentProblem]
  public var hasErrors: Bool { problems.contains { $0.severity == .error } }
}

extension CatalogLoader {
  /// The quiz files a module may have, by exact name: `m.gift`, `m.pre.gift`,
  /// `m.refresher.gift` and their translations into the offered languages.
  public func quizFileNames(module: String) -> [String] {
    offeringLanguages().languages.flatMap { lang in
      QuizKind.allCases.map { "\(module)\($0.fileInfix)\(lang.fileSuffix).gift" }
    }
  }

  /// The problems `relais check` would report for `Assessments/file` if it held `text`.
  public func checkQuiz(module: String, file: String, text: String) -> QuizCheck {
    let root = offeringLanguages()
    let path = "\(assessments.lastPathComponent)/\(file)"
    let parsed = GIFT.parse(text, path: path)
    let moduleFile = curriculum.appendingPathComponent(module).appendingPathComponent("module.md")
    let front = FrontMatter.parse(
      String(
        decoding: FileManager.default.contents(atPath: moduleFile.path) ?? Data(), as: UTF8.self))
    let loader = QuizLoader(
      module: module, root: root, moduleFront: front, overrides: [file: text])
    let problems = loader.load().2.filter { $0.path == path }.sorted {
      ($0.line, $0.column ?? 0) < ($1.line, $1.column ?? 0)
    }
    return QuizCheck(
      questions: parsed.questions, settings: parsed.settings,
      parseErrors: parsed.errors.map {
        ContentProblem(path: $0.path, line: $0.line, column: $0.column, message: $0.message)
      }, problems: problems)
  }

  /// This loader with the languages a load would find (`Curriculum/locales/*.strings`).
  func offeringLanguages() -> CatalogLoader {
    var root = self
    let folder = curriculum.appendingPathComponent(Self.localesFolder)
    let codes = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
      .filter { $0.hasSuffix(".strings") }
      .compactMap { Language(rawValue: String($0.dropLast(".strings".count))) }
    root.languages = [.reference] + Set(codes).subtracting([.reference]).sorted()
    return root
  }
}
