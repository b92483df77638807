import Foundation
import Markdown

/// Loads `Curriculum/briefings/*.md` (+ `.fr.md`…). The English file decides dates, cohorts
/// and urgency (a translation can't widen who receives a kit); every file is checked.
struct BriefingLoader {
  static let folder = "briefings"
  var root: CatalogLoader

  func load() -> ([Briefing], [ContentProblem], [UInt8]) {
    let dir = root.curriculum.appendingPathComponent(Self.folder)
    var problems: [ContentProblem] = []
    var bytes: [UInt8] = []
    var fronts: [String: FrontMatter] = [:]
    var texts: [String: Localized<BriefingText>] = [:]
    for file in root.markdownFiles(in: dir, problems: &problems, version: &bytes) {
      let (path, lang, data) = (file.path, file.language, file.data)
      let front = FrontMatter.parse(file.text)
      let slug = file.stem
      problems += FrontMatterSchema.briefing(translation: lang != .reference).check(
        front, path: path)
      problems += Self.checkDates(front, path: path)
      if lang == .reference { fronts[slug] = front }
      let (body, posts, postProblems) = Self.extractPosts(front.body, bodyLine: front.bodyLine)
      problems += postProblems.map {
        ContentProblem(path: path, line: $0.line, message: $0.message)
      }
      let rendered = root.cache.lesson(body, module: nil, kind: "briefing") {
        Markdown.lesson(body, options: root.lessonOptions(module: nil))
      }
      texts[slug, default: Localized()].values[lang] = BriefingText(
        title: front.string("title") ?? slug, html: rendered.html, posts: posts, path: path,
        hash: ContentHash.of(data))
    }
    var briefings: [Briefing] = []
    for slug in texts.keys.sorted() {
      guard let text = texts[slug], let front = fronts[slug] else {
        problems.append(
          ContentProblem(
            path: "\(root.curriculum.lastPathComponent)/\(Self.folder)/\(slug).md", line: 1,
            message: "translation without the English briefing \(slug).md"))
        continue
      }
      for lang in root.languages where text.values[lang] == nil {
        problems.append(
          ContentProblem(
            path: "\(root.curriculum.lastPathComponent)/\(Self.folder)/\(slug).md", line: 1,
            message: "missing translation: \(slug)\(lang.fileSuffix).md", severity: .warning))
      }
      let cohorts = front.list("cohorts") ?? []
      guard let date = Self.day(front.string("date")),
        let until = Self.day(front.string("valid_until"))
      else { continue }
      briefings.append(
        Briefing(
          slug: slug, date: date, validUntil: until,
          cohorts: cohorts.contains { $0.lowercased() == "everyone" } ? [] : cohorts,
          urgent: front.bool("urgent") ?? false, text: text))
    }
    // Newest first: the order of the archive and, after urgency, of the home page.
    briefings.sort { ($0.date, $0.slug) > ($1.date, $1.slug) }
    return (briefings, problems, bytes)
  }

  /// `date` and `valid_until` must be real days, the second not before the first.
  static func checkDates(_ front: FrontMatter, path: String) -> [ContentProblem] {
    var out: [ContentProblem] = []
    for key in ["date", "valid_until"] {
      if let s = front.string(key), day(s) == nil {
        out.append(
          ContentProblem(
            path: path, line: front.line(of: key) ?? 1,
            message: "'\(key)' must be a day written YYYY-MM-DD, found '\(s)'"))
      }
    }
    if let d = day(front.string("date")), let u = day(front.string("valid_until")), u < d {
      out.append(
        ContentProblem(
          path: path, line: front.line(of: "valid_until") ?? 1,
          message: "'valid_until' is before 'date'"))
    }
    if let list = front.list("cohorts"), list.isEmpty || list.contains(where: { $0.isEmpty }) {
      out.append(
        ContentProblem(
          path: path, line: front.line(of: "cohorts") ?? 1,
          message: "'cohorts' lists cohort ids or names, or says everyone"))
    }
    return out
  }

  /// `YYYY-MM-DD` → Unix seconds at 00:00 UTC; nil for anything else or an impossible day.
  static func day(_ s: String?) -> Int64? {
    guard let s else { return nil }
    let parts = s.utf8.split(separator: UInt8(ascii: "-"), omittingEmptySubsequences: false)
    guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
      parts.allSatisfy({ $0.allSatisfy { $0 >= 0x30 && $0 <= 0x39 } }),
      let y = Int(String(decoding: parts[0], as: UTF8.self)),
      let m = Int(String(decoding: parts[1], as: UTF8.self)),
      let d = Int(String(decoding: parts[2], as: UTF8.self)),
      (1970...2200).contains(y), (1...12).contains(m), (1...31).contains(d)
    else { return nil }
    let leap = y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)
    let lengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
    guard d <= lengths[m - 1] else { return nil }
    // Days since 1970-01-01 (Howard Hinnant's days_from_civil).
    let yy = m <= 2 ? y - 1 : y
    let era = yy / 400
    let yoe = yy - era * 400
    let doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
    return Int64(era * 146_097 + doe - 719_468) * 86_400
  }

  /// Takes the ready-to-post blocks (```` ```post ```` … ```` ``` ````) out of the body, leaving a
  /// marker paragraph in their place, so the page can give each a copy button and a share link.
  static func extractPosts(_ body: String, bodyLine: Int) -> (
    String, [String], [(line: Int, message: String)]
  ) {
    var out: [Substring] = []
    var posts: [String] = []
    var current: [Substring]?
    var opened = 0
    let lines = body.split(separator: "\n", omittingEmptySubsequences: false)
    for (i, line) in lines.enumerated() {
      let trimmed = line.trimmingCharacters(in: .whitespaces)
      if current == nil, trimmed == "```post" {
        current = []
        opened = i
      } else if current != nil, trimmed == "```" {
        out.append("")
        out.append(Substring("RELAIS-POST-\(posts.count)"))
        out.append("")
        posts.append((current ?? []).joined(separator: "\n"))
        current = nil
      } else if current != nil {
        current?.append(line)
      } else {
        out.append(line)
      }
    }
    var problems: [(line: Int, message: String)] = []
    if current != nil {
      problems.append((bodyLine + opened, "ready-to-post block (```post) is never closed"))
    }
    return (out.joined(separator: "\n"), posts, problems)
  }
}
