import GIFT
import Markdown

/// A training module: its lessons and quizzes in every language it has.
public struct Module: Sendable {
  public var slug: String
  public var order: Int
  /// Percent needed to pass the certifying quiz.
  public var passMark: Int
  public var certificateMonths: Int
  public var prerequisites: [String]
  public var text: Localized<ModuleText>
  public var lessons: [Lesson]
  public var quizzes: [QuizKind: Localized<Quiz>]
  /// Bank settings after merging the GIFT header with the module's front matter.
  public var settings: QuizSettings

  public func lesson(_ slug: String) -> Lesson? { lessons.first { $0.slug == slug } }

  public func quiz(_ kind: QuizKind, _ language: Language) -> Quiz? {
    quizzes[kind]?[language]
  }

  /// The quiz a refresher session uses: the refresher bank, or the certifying one.
  public func refresherQuiz(_ language: Language) -> Quiz? {
    quiz(.refresher, language) ?? quiz(.certifying, language)
  }
}

public struct ModuleText: Sendable {
  public var title: String
  public var summary: String
  public var introHTML: String
  public var path: String
}

public struct Lesson: Sendable {
  public var slug: String
  public var text: Localized<LessonText>
}

public struct LessonText: Sendable {
  public var title: String
  public var minutes: Int
  public var objectives: [String]
  public var html: String
  public var headings: [String]
  public var path: String
  /// Content hash of the source file: the page's ETag and cache key.
  public var hash: String
  /// Links and images as written, with their line in the file, for the link check.
  var references: References = References()
}

/// What a rendered file points at, with lines counted from the top of the file.
struct References: Sendable {
  var links: [SourceReference] = []
  var images: [SourceReference] = []

  init() {}

  init(_ rendered: RenderedLesson, bodyLine: Int) {
    let offset = bodyLine - 1
    links = rendered.links.map { SourceReference(destination: $0.destination, line: $0.line + offset) }
    images = rendered.images.map { SourceReference(destination: $0.destination, line: $0.line + offset) }
  }
}

public enum QuizKind: String, Sendable, CaseIterable, Hashable {
  /// The post-test that certifies (`m.gift`).
  case certifying
  /// Knowledge before the lessons (`m.pre.gift`).
  case pre
  /// Recertification (`m.refresher.gift`).
  case refresher

  var fileInfix: String {
    switch self {
    case .certifying: return ""
    case .pre: return ".pre"
    case .refresher: return ".refresher"
    }
  }
}

public struct Quiz: Sendable {
  public var kind: QuizKind
  public var language: Language
  public var path: String
  public var questions: [Question]
  public var settings: QuizSettings
  /// Hash of the file: an attempt records which version it answered.
  public var hash: String

  public func question(_ id: String) -> Question? { questions.first { $0.id == id } }
}

/// A standalone page (`referrals.md`, `code-of-conduct.md`).
public struct Page: Sendable {
  public var slug: String
  public var title: String
  public var version: String?
  public var html: String
  public var path: String
  public var hash: String
  var references: References = References()
}
