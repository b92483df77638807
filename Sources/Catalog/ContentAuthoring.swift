import Foundation
import GIFT
import Markdown

/// Why an authoring action was refused, in words a trainer can act on.
public struct AuthoringError: Error, Sendable, Equatable, CustomStringConvertible {
  /// A key the web interface translates (`teach.error.*`); the CLI prints `description`.
  public var key: String
  public var description: String
  public init(_ key: String, _ description: String) {
    self.key = key
    self.description = description
  }
}

/// Creating content files: new modules, lessons and translations from templates (written
/// through the verified path in AuthoredWrite.swift), lesson previews. Used by `relais new` and by `/teach`.
extension CatalogLoader {
  /// `Lateral reading!` → `lateral-reading` (ASCII letters and digits, dashes between words).
  public static func slugify(_ title: String) -> String {
    var out = ""
    var dash = false
    for ch in title.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil)
      .lowercased()
    {
      if ch.isASCII && (ch.isLetter || ch.isNumber) {
        if dash && !out.isEmpty { out.append("-") }
        out.append(ch)
        dash = false
      } else {
        dash = true
      }
    }
    return String(out.prefix(60))
  }

  static func isSlug(_ s: String) -> Bool {
    !s.isEmpty && s.count <= 80 && s.first != "-"
      && s.allSatisfy { ($0.isASCII && ($0.isLowercase || $0.isNumber)) || $0 == "-" }
  }

  /// The module folder, refusing names that are not plain slugs (no `..`, no `/`).
  public func moduleFolder(_ slug: String) throws -> URL {
    guard Self.isSlug(slug) else {
      throw AuthoringError("teach.error.slug", "'\(slug)' is not a module name (a-z, 0-9, -)")
    }
    return curriculum.appendingPathComponent(slug)
  }

  /// The file of a lesson (or `module`) in a language: `02-x.md`, `02-x.fr.md`.
  public func lessonFile(module: String, lesson: String, language: Language) throws -> URL {
    guard Self.isSlug(lesson) || lesson == "module" else {
      throw AuthoringError("teach.error.slug", "'\(lesson)' is not a lesson name")
    }
    return try moduleFolder(module).appendingPathComponent("\(lesson)\(language.fileSuffix).md")
  }

  /// Creates `Curriculum/SLUG/module.md`, a first lesson and a one-question certifying quiz,
  /// so the new module loads without errors (a module needs a lesson and a quiz).
  @discardableResult
  public func newModule(slug: String, title: String) throws -> [URL] {
    let folder = try moduleFolder(slug)
    let fm = FileManager.default
    let quiz = assessments.appendingPathComponent("\(slug).gift")
    if fm.fileExists(atPath: folder.path) || fm.fileExists(atPath: quiz.path) {
      throw AuthoringError("teach.error.exists", "module '\(slug)' already exists")
    }
    try fm.createDirectory(at: folder, withIntermediateDirectories: true)
    let moduleURL = folder.appendingPathComponent("module.md")
    try Self.writeMarkdown(
      fields: [
        ("title", .scalar(Self.oneLine(title))),
        ("summary", .scalar("What a learner will be able to do after this module.")),
        ("order", .scalar("999")), ("pass_mark", .scalar("80")),
        ("certificate_months", .scalar("24")),
      ],
      body: "Why this module matters, in two or three sentences.\n", to: moduleURL)
    let lesson = try newLesson(module: slug, title: "Introduction")
    let question = Question(
      id: "\(slug)-q1", text: "Replace this question. Which answer is right?",
      kind: .multipleChoice(
        answers: [
          Answer(text: "The right answer", fraction: 1, feedback: "Why it is right."),
          Answer(text: "A wrong answer", fraction: 0, feedback: "Why it is wrong."),
        ], multipleAnswers: false))
    let comments = [
      "// \(Self.oneLine(title)): certifying quiz (post-test), English.",
      "// Ids are stable across edits and shared with the translations.",
    ]
    let gift = GIFT.write([question], settings: QuizSettings(), comments: [comments])
    try Self.writeQuiz(
      gift, meaning: [question], settings: QuizSettings(), to: quiz, mode: .create)
    return [moduleURL, lesson, quiz]
  }

  /// Creates the next lesson of a module, numbered after the last one.
  @discardableResult
  public func newLesson(module: String, title: String) throws -> URL {
    let folder = try moduleFolder(module)
    let fm = FileManager.default
    guard fm.fileExists(atPath: folder.appendingPathComponent("module.md").path) else {
      throw AuthoringError("teach.error.noModule", "no module '\(module)' (no \(module)/module.md)")
    }
    let stem = Self.slugify(title)
    guard !stem.isEmpty else {
      throw AuthoringError("teach.error.title", "the title needs letters or digits")
    }
    let names = (try? fm.contentsOfDirectory(atPath: folder.path)) ?? []
    let numbers = names.compactMap { Int($0.prefix { $0.isNumber }) }
    let next = (numbers.max() ?? 0) + 1
    let url = folder.appendingPathComponent(String(format: "%02d-%@.md", next, stem))
    try Self.writeMarkdown(
      fields: [
        ("title", .scalar(Self.oneLine(title))), ("minutes", .scalar("5")),
        ("objectives", .list(["What the learner will be able to do"])),
      ],
      body: "## A first heading\n\nStart with a short story from the field.\n", to: url)
    return url
  }

  /// Starts a translation of a lesson (or of `module`) as a copy of the English file.
  @discardableResult
  public func newTranslation(module: String, lesson: String, language: Language) throws -> URL {
    guard language != .reference else {
      throw AuthoringError("teach.error.language", "\(language.rawValue) is the reference language")
    }
    let source = try lessonFile(module: module, lesson: lesson, language: .reference)
    guard let data = FileManager.default.contents(atPath: source.path) else {
      throw AuthoringError("teach.error.noLesson", "no lesson \(relative(source))")
    }
    let url = try lessonFile(module: module, lesson: lesson, language: language)
    try Self.writeMarkdown(
      [UInt8](data), meaning: String(decoding: data, as: UTF8.self), to: url, mode: .create)
    return url
  }

  static func oneLine(_ s: String) -> String {
    String(s.map { $0.isNewline ? " " : $0 }).trimmingCharacters(in: .whitespaces)
  }

  /// A lesson's source rendered as the learner will see it, with the problems of its front
  /// matter: what the editor's preview shows before anything is saved.
  public func preview(_ source: String, module: String, path: String) -> (
    title: String, html: String, problems: [ContentProblem]
  ) {
    let front = FrontMatter.parse(source)
    let schema: FrontMatterSchema =
      path.hasSuffix("/module.md") || path.contains("/module.") ? .module : .lesson
    let rendered = Markdown.lesson(front.body, options: lessonOptions(module: module))
    return (front.string("title") ?? "", rendered.html, schema.check(front, path: path))
  }
}
