import Markdown

/// The keys each kind of file may have, with their types; checks a parsed front matter and
/// reports `path:line: message` for anything unknown, missing or mistyped.
struct FrontMatterSchema {
  enum Kind { case string, int(ClosedRange<Int>), bool, list }
  struct Key {
    var name: String
    var kind: Kind
    var required: Bool
  }

  var keys: [Key]

  static let module = FrontMatterSchema(keys: [
    Key(name: "title", kind: .string, required: true),
    Key(name: "summary", kind: .string, required: true),
    Key(name: "order", kind: .int(0...999), required: true),
    Key(name: "pass_mark", kind: .int(1...100), required: false),
    Key(name: "certificate_months", kind: .int(1...120), required: false),
    Key(name: "prerequisites", kind: .list, required: false),
    Key(name: "quiz_draw", kind: .int(1...500), required: false),
    Key(name: "shuffle_answers", kind: .bool, required: false),
    Key(name: "max_attempts", kind: .int(1...100), required: false),
    Key(name: "retry_wait_minutes", kind: .int(0...100_000), required: false),
  ])

  static let lesson = FrontMatterSchema(keys: [
    Key(name: "title", kind: .string, required: true),
    Key(name: "minutes", kind: .int(1...120), required: true),
    Key(name: "objectives", kind: .list, required: false),
  ])

  static let page = FrontMatterSchema(keys: [
    Key(name: "title", kind: .string, required: true),
    Key(name: "version", kind: .string, required: false),
  ])

  /// A briefing (`Curriculum/briefings/x.md`). Dates and cohorts are the English file's: a
  /// translation needs only its title and may repeat the rest.
  static func briefing(translation: Bool) -> FrontMatterSchema {
    FrontMatterSchema(keys: [
      Key(name: "title", kind: .string, required: true),
      Key(name: "date", kind: .string, required: !translation),
      Key(name: "cohorts", kind: .list, required: !translation),
      Key(name: "valid_until", kind: .string, required: !translation),
      Key(name: "urgent", kind: .bool, required: false),
    ])
  }

  /// Returns the problems of `fm` (its own syntax problems included).
  func check(_ fm: FrontMatter, path: String) -> [ContentProblem] {
    var out = fm.problems.map { ContentProblem(path: path, line: $0.line, message: $0.message) }
    for entry in fm.entries {
      guard let key = keys.first(where: { $0.name == entry.key }) else {
        let known = keys.map(\.name).joined(separator: ", ")
        out.append(
          ContentProblem(
            path: path, line: entry.line,
            message: "unknown front matter key '\(entry.key)' (known: \(known))"))
        continue
      }
      switch (key.kind, entry.value) {
      case (.string, .scalar(let s)) where s.isEmpty:
        out.append(ContentProblem(path: path, line: entry.line, message: "'\(key.name)' is empty"))
      case (.int(let range), .scalar(let s)):
        if let n = Int(s) {
          if !range.contains(n) {
            out.append(
              ContentProblem(
                path: path, line: entry.line,
                message:
                  "'\(key.name)' must be between \(range.lowerBound) and \(range.upperBound), found \(n)"
              ))
          }
        } else {
          out.append(
            ContentProblem(
              path: path, line: entry.line,
              message: "'\(key.name)' must be a whole number, found '\(s)'"))
        }
      case (.bool, .scalar(let s)) where s != "true" && s != "false":
        out.append(
          ContentProblem(
            path: path, line: entry.line,
            message: "'\(key.name)' must be true or false, found '\(s)'"))
      case (.string, .list), (.int, .list), (.bool, .list):
        out.append(
          ContentProblem(
            path: path, line: entry.line,
            message: "'\(key.name)' must be a single value, not a list"))
      default: break
      }
    }
    for key in keys where key.required && fm[key.name] == nil {
      out.append(
        ContentProblem(path: path, line: 1, message: "missing front matter key '\(key.name)'"))
    }
    return out
  }
}

extension FrontMatter {
  func int(_ key: String) -> Int? { string(key).flatMap { Int($0) } }
  func bool(_ key: String) -> Bool? {
    switch string(key) {
    case "true": return true
    case "false": return false
    default: return nil
    }
  }
}
