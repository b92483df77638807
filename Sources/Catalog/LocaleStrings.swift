/// A language's interface strings, read from `Curriculum/locales/CODE.strings`: one
/// `key = text` per line. English is built into the program; these files add the others,
/// and a missing key falls back to English.
public struct LocaleStrings: Sendable, Equatable {
  public var language: Language
  /// `Curriculum/locales/ar.strings`, for messages.
  public var path: String
  public var values: [String: String]
  /// The line each key is on, for `path:line` messages.
  public var lines: [String: Int]

  public init(
    language: Language, path: String, values: [String: String] = [:], lines: [String: Int] = [:]
  ) {
    self.language = language
    self.path = path
    self.values = values
    self.lines = lines
  }

  /// The file's `language.name`, or the built-in name of the language.
  public var name: String { values["language.name"] ?? language.nativeName }

  /// `language.direction = rtl|ltr` in the file, or what the language's script is known for.
  public var direction: String {
    switch values["language.direction"] {
    case "rtl": return "rtl"
    case "ltr": return "ltr"
    default: return language.direction
    }
  }

  /// Keys that describe the language rather than translate an English string.
  public static let metadataKeys: Set<String> = ["language.name", "language.direction"]

  /// Parses a strings file. Problems come back as `path:line: what is wrong`; a line with a
  /// problem is skipped, the rest of the file still counts.
  public static func parse(_ bytes: [UInt8], language: Language, path: String) -> (
    LocaleStrings, [ContentProblem]
  ) {
    var out = LocaleStrings(language: language, path: path)
    var problems: [ContentProblem] = []
    func problem(_ line: Int, _ message: String, _ severity: ContentProblem.Severity = .error) {
      problems.append(ContentProblem(path: path, line: line, message: message, severity: severity))
    }
    var body = bytes[...]
    if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
    var lineNumber = 0
    for raw in body.split(separator: 0x0A, omittingEmptySubsequences: false) {
      lineNumber += 1
      var lineBytes = raw
      if lineBytes.last == 0x0D { lineBytes = lineBytes.dropLast() }
      guard let line = String(validating: lineBytes, as: UTF8.self) else {
        problem(lineNumber, "not valid UTF-8")
        continue
      }
      let trimmed = line.trimmingSpaces
      if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
      guard let eq = trimmed.firstIndex(of: "=") else {
        problem(lineNumber, "expected 'key = text'")
        continue
      }
      let key = String(trimmed[..<eq]).trimmingSpaces
      guard isKey(key) else {
        problem(
          lineNumber,
          key.isEmpty
            ? "missing key before '='"
            : "'\(key)' is not a key (letters, digits, '.', '_' and '-' only)")
        continue
      }
      let rawValue = String(trimmed[trimmed.index(after: eq)...]).trimmingSpaces
      guard let value = unescape(rawValue) else {
        problem(lineNumber, "'\(key)': unknown escape (use \\n for a line break, \\\\ for \\)")
        continue
      }
      if value.unicodeScalars.contains(where: { $0.value < 0x20 && $0 != "\n" }) {
        problem(lineNumber, "'\(key)': control character in the text")
        continue
      }
      if let first = out.lines[key] {
        problem(lineNumber, "'\(key)' is already defined on line \(first)")
        continue
      }
      if value.isEmpty {
        problem(lineNumber, "'\(key)' has no text (remove the line to use English)", .warning)
        continue
      }
      out.values[key] = value
      out.lines[key] = lineNumber
    }
    if let d = out.values["language.direction"], d != "rtl", d != "ltr" {
      problem(out.lines["language.direction"] ?? 1, "language.direction must be 'ltr' or 'rtl'")
    }
    return (out, problems)
  }

  static func isKey(_ s: String) -> Bool {
    !s.isEmpty
      && s.utf8.allSatisfy {
        ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x41 && $0 <= 0x5A) || ($0 >= 0x30 && $0 <= 0x39)
          || $0 == 0x2E || $0 == 0x5F || $0 == 0x2D
      }
  }

  /// `\n` → line break, `\\` → `\`; nil for any other escape.
  static func unescape(_ s: String) -> String? {
    guard s.contains("\\") else { return s }
    var out = ""
    var escaping = false
    for c in s {
      if escaping {
        switch c {
        case "n": out.append("\n")
        case "\\": out.append("\\")
        default: return nil
        }
        escaping = false
      } else if c == "\\" {
        escaping = true
      } else {
        out.append(c)
      }
    }
    return escaping ? nil : out
  }

  /// The placeholders a text fills in: `{1}`, `{2}`…, as a sorted list (repeats kept once).
  public static func placeholders(_ s: String) -> [String] {
    var found: Set<String> = []
    var rest = s[...]
    while let open = rest.firstIndex(of: "{") {
      let after = rest[rest.index(after: open)...]
      guard let close = after.firstIndex(of: "}") else { break }
      let inner = after[..<close]
      if !inner.isEmpty, inner.allSatisfy({ $0.isASCII && $0.isNumber }) {
        found.insert("{\(inner)}")
      }
      rest = after[after.index(after: close)...]
    }
    return found.sorted()
  }
}

extension String {
  /// Without leading and trailing spaces and tabs.
  var trimmingSpaces: String {
    var s = self[...]
    while let f = s.first, f == " " || f == "\t" { s = s.dropFirst() }
    while let l = s.last, l == " " || l == "\t" { s = s.dropLast() }
    return String(s)
  }
}
