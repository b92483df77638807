import Foundation
import Markdown

/// What a trainer fills in to publish a briefing from `/teach`.
public struct BriefingDraft: Sendable {
  public var title: String
  /// `YYYY-MM-DD`; ignored for a translation (the English file decides).
  public var date: String
  public var validUntil: String
  /// Cohort ids or names; empty means everyone.
  public var cohorts: [String]
  public var urgent: Bool
  public var body: String

  public init(
    title: String, date: String, validUntil: String, cohorts: [String], urgent: Bool,
    body: String
  ) {
    self.title = title
    self.date = date
    self.validUntil = validUntil
    self.cohorts = cohorts
    self.urgent = urgent
    self.body = body
  }
}

extension CatalogLoader {
  /// Writes a new briefing (`translationOf == nil`: English, named after its date and
  /// title) or a translation of an existing one, after checking it as `relais check`
  /// would, so a published file never stops the catalog from reloading. Returns the slug.
  @discardableResult
  public func publishBriefing(
    _ d: BriefingDraft, language: Language, translationOf: String? = nil
  ) throws -> String {
    let folder = curriculum.appendingPathComponent(BriefingLoader.folder)
    let title = Self.oneLine(d.title)
    guard !title.isEmpty, title.count <= 200 else {
      throw AuthoringError(
        "teach.error.briefing", "a briefing needs a title (200 characters at most)")
    }
    let slug: String
    var front = "---\ntitle: \(title)\n"
    if let original = translationOf {
      guard Self.isSlug(original), language != .reference,
        FileManager.default.fileExists(
          atPath: folder.appendingPathComponent("\(original).md").path)
      else { throw AuthoringError("teach.error.briefing", "no English briefing '\(original)'") }
      slug = original
    } else {
      guard language == .reference else {
        throw AuthoringError("teach.error.briefing", "a new briefing is written in English first")
      }
      let name = Self.slugify(title)
      slug = String("\(Self.oneLine(d.date))-\(name)".prefix(70))
      guard Self.isSlug(slug), !name.isEmpty else {
        throw AuthoringError("teach.error.briefing", "the date or title gives no file name")
      }
      let cohorts = d.cohorts.map(Self.oneLine).filter { !$0.isEmpty }
      front += "date: \(Self.oneLine(d.date))\n"
      if cohorts.isEmpty {
        front += "cohorts: everyone\n"
      } else {
        front += "cohorts:\n" + cohorts.map { "  - \($0)\n" }.joined()
      }
      front += "valid_until: \(Self.oneLine(d.validUntil))\nurgent: \(d.urgent)\n"
    }
    let text = front + "---\n" + d.body.replacingOccurrences(of: "\r\n", with: "\n") + "\n"
    let path =
      "\(curriculum.lastPathComponent)/\(BriefingLoader.folder)/\(slug)\(language.fileSuffix).md"
    let parsed = FrontMatter.parse(text)
    var problems = FrontMatterSchema.briefing(translation: translationOf != nil).check(
      parsed, path: path)
    problems += BriefingLoader.checkDates(parsed, path: path)
    problems += BriefingLoader.extractPosts(parsed.body, bodyLine: parsed.bodyLine).2.map {
      ContentProblem(path: path, line: $0.line, message: $0.message)
    }
    guard problems.isEmpty else {
      throw AuthoringError(
        "teach.error.briefing", problems.map(\.description).joined(separator: "\n"))
    }
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    // The one verified write path: reads back as the same front matter and body, never
    // overwrites an existing briefing.
    try Self.writeMarkdown(
      Array(text.utf8), meaning: text,
      to: folder.appendingPathComponent("\(slug)\(language.fileSuffix).md"), mode: .create)
    return slug
  }
}
