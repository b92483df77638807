/// The `---` block at the top of a lesson or module file: `key: value` lines, and lists as
/// `key:` followed by `  - item` lines. A deliberately small YAML subset, so errors are clear.
public struct FrontMatter: Sendable {
  public struct Entry: Sendable, Equatable {
    public var key: String
    public var value: Value
    public var line: Int
  }

  public enum Value: Sendable, Equatable {
    case scalar(String)
    case list([String])
  }

  public struct Problem: Sendable, Equatable, Error {
    public var line: Int
    public var message: String
  }

  public var entries: [Entry]
  /// The Markdown after the closing `---`.
  public var body: String
  /// 1-based line where `body` starts in the file.
  public var bodyLine: Int
  public var problems: [Problem]

  public subscript(key: String) -> Value? {
    entries.first { $0.key == key }?.value
  }

  public func string(_ key: String) -> String? {
    if case .scalar(let s) = self[key] { return s }
    return nil
  }

  public func list(_ key: String) -> [String]? {
    switch self[key] {
    case .list(let l): return l
    case .scalar(let s): return s.isEmpty ? [] : [s]
    case nil: return nil
    }
  }

  public func line(of key: String) -> Int? {
    entries.first { $0.key == key }?.line
  }

  /// Splits a file into front matter and body. A file without `---` on its first line has
  /// no front matter.
  public static func parse(_ text: String) -> FrontMatter {
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map {
      $0.hasSuffix("\r") ? $0.dropLast() : $0
    }
    if let first = lines.first, first.hasPrefix("\u{FEFF}") {
      lines[0] = first.dropFirst()
    }
    guard lines.first.map({ String($0).trimmingSpaces == "---" }) == true else {
      return FrontMatter(entries: [], body: text, bodyLine: 1, problems: [])
    }
    var entries: [Entry] = []
    var problems: [Problem] = []
    var i = 1
    var closed = false
    while i < lines.count {
      let raw = lines[i]
      let lineNo = i + 1
      i += 1
      let trimmed = String(raw).trimmingSpaces
      if trimmed == "---" {
        closed = true
        break
      }
      if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
      if trimmed.hasPrefix("- ") || trimmed == "-" {
        let item = unquote(String(trimmed.dropFirst(1)).trimmingSpaces)
        if var last = entries.last {
          switch last.value {
          case .list(let l): last.value = .list(l + [item])
          case .scalar(let s) where s.isEmpty: last.value = .list([item])
          case .scalar:
            problems.append(
              Problem(
                line: lineNo, message: "list item under '\(last.key)', which already has a value"))
            continue
          }
          entries[entries.count - 1] = last
        } else {
          problems.append(Problem(line: lineNo, message: "list item before any key"))
        }
        continue
      }
      guard let colon = trimmed.firstIndex(of: ":") else {
        problems.append(Problem(line: lineNo, message: "expected 'key: value', found '\(trimmed)'"))
        continue
      }
      let key = String(trimmed[..<colon]).trimmingSpaces
      let value = unquote(String(trimmed[trimmed.index(after: colon)...]).trimmingSpaces)
      if key.isEmpty || key.contains(" ") {
        problems.append(Problem(line: lineNo, message: "bad key '\(key)'"))
        continue
      }
      if entries.contains(where: { $0.key == key }) {
        problems.append(Problem(line: lineNo, message: "duplicate key '\(key)'"))
        continue
      }
      if value.hasPrefix("[") && value.hasSuffix("]") {
        let inner = value.dropFirst().dropLast()
        let items = inner.split(separator: ",").map { unquote(String($0).trimmingSpaces) }
        entries.append(Entry(key: key, value: .list(items), line: lineNo))
      } else {
        entries.append(Entry(key: key, value: .scalar(value), line: lineNo))
      }
    }
    if !closed {
      problems.append(Problem(line: 1, message: "front matter opened with '---' but never closed"))
      return FrontMatter(entries: entries, body: "", bodyLine: lines.count + 1, problems: problems)
    }
    let body = lines[i...].joined(separator: "\n")
    return FrontMatter(entries: entries, body: body, bodyLine: i + 1, problems: problems)
  }

  private static func unquote(_ s: String) -> String {
    if s.count >= 2,
      (s.hasPrefix("\"") && s.hasSuffix("\"")) || (s.hasPrefix("'") && s.hasSuffix("'"))
    {
      return String(s.dropFirst().dropLast())
    }
    return s
  }
}
