import Foundation

/// Reads `Curriculum/locales/*.strings`, one file per interface language, and checks each
/// against the English reference the program carries: missing and extra keys, placeholders
/// that don't match.
struct LocaleLoader {
  var folder: URL
  /// Path as messages show it (`Curriculum/locales`).
  var displayFolder: String
  /// The built-in English strings, when the caller has them (the program does; the
  /// content tools in this module alone don't).
  var reference: [String: String]

  func load() -> ([Language: LocaleStrings], [StringsCoverage], [ContentProblem], [UInt8]) {
    let fm = FileManager.default
    guard let names = try? fm.contentsOfDirectory(atPath: folder.path) else {
      return ([:], [], [], [])
    }
    var locales: [Language: LocaleStrings] = [:]
    var coverage: [StringsCoverage] = []
    var problems: [ContentProblem] = []
    var versionBytes: [UInt8] = []
    for name in names.sorted() where !name.hasPrefix(".") {
      let path = "\(displayFolder)/\(name)"
      guard name.hasSuffix(".strings") else {
        problems.append(
          ContentProblem(
            path: path, line: 1, message: "not a strings file (expected CODE.strings)",
            severity: .warning))
        continue
      }
      let code = String(name.dropLast(".strings".count))
      guard let language = Language(rawValue: code) else {
        problems.append(
          ContentProblem(
            path: path, line: 1,
            message: "'\(code)' is not a language code (two or three lowercase letters: ar, es, uk)"
          ))
        continue
      }
      if language == .reference {
        problems.append(
          ContentProblem(
            path: path, line: 1,
            message: "English is built in; this file is ignored (edit the program's strings)",
            severity: .warning))
        continue
      }
      guard let data = fm.contents(atPath: folder.appendingPathComponent(name).path) else {
        problems.append(ContentProblem(path: path, line: 1, message: "cannot read the file"))
        continue
      }
      versionBytes += ContentHash.of(data).utf8
      let (strings, ps) = LocaleStrings.parse([UInt8](data), language: language, path: path)
      problems += ps
      if reference.isEmpty {
        locales[language] = strings
      } else {
        let (checked, row, lints) = check(strings)
        locales[language] = checked
        coverage.append(row)
        problems += lints
      }
    }
    return (locales, coverage, problems, versionBytes)
  }

  /// Compares one language with the English reference. A text whose placeholders differ
  /// is dropped (English shows instead), so a page never prints `{2}` or loses a value.
  func check(_ strings: LocaleStrings) -> (LocaleStrings, StringsCoverage, [ContentProblem]) {
    var s = strings
    var problems: [ContentProblem] = []
    let keys = Set(s.values.keys).subtracting(LocaleStrings.metadataKeys)
    let missing = Set(reference.keys).subtracting(keys).sorted()
    let extra = keys.subtracting(reference.keys).sorted()
    var mismatched = 0
    if !missing.isEmpty {
      let shown = missing.prefix(5).joined(separator: ", ")
      problems.append(
        ContentProblem(
          path: s.path, line: 1,
          message:
            "\(missing.count) interface strings missing (shown in English): \(shown)\(missing.count > 5 ? ", …" : "")",
          severity: .warning))
    }
    for key in extra {
      problems.append(
        ContentProblem(
          path: s.path, line: s.lines[key] ?? 1,
          message: "'\(key)' is not an interface string (misspelt or no longer used)",
          severity: .warning))
    }
    for key in keys.intersection(reference.keys).sorted() {
      guard let english = reference[key], let text = s.values[key] else { continue }
      let want = LocaleStrings.placeholders(english)
      let have = LocaleStrings.placeholders(text)
      if want != have {
        mismatched += 1
        s.values[key] = nil
        problems.append(
          ContentProblem(
            path: s.path, line: s.lines[key] ?? 1,
            message:
              "'\(key)' has placeholders \(have.isEmpty ? "none" : have.joined(separator: " ")) but English has \(want.isEmpty ? "none" : want.joined(separator: " "))"
          ))
      }
    }
    let row = StringsCoverage(
      language: s.language, present: reference.count - missing.count, missing: missing.count,
      extra: extra.count, placeholderMismatches: mismatched)
    return (s, row, problems)
  }
}

/// How complete one language's interface strings are, against English.
public struct StringsCoverage: Sendable, Equatable {
  public var language: Language
  public var present: Int
  public var missing: Int
  public var extra: Int
  public var placeholderMismatches: Int

  public var isComplete: Bool { missing == 0 && extra == 0 && placeholderMismatches == 0 }
}
