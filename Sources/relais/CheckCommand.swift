import Catalog
import Foundation
import Web

/// `relais check`: validates all content; `path:line: message` per problem, then the
/// translation coverage table; exit 1 on errors.
enum CheckCommand {
  static let help = """
    usage: relais check [--json] [options]

    Validates Curriculum/ and Assessments/: front matter keys and types, lesson links and
    images, GIFT syntax, duplicate question ids, quizzes drawing more questions than they
    have, translations. Prints path:line: message for each problem, then a table of
    translation coverage (module x language: lessons and questions present/missing) and
    of interface strings (Curriculum/locales/CODE.strings: missing and extra keys,
    placeholders that differ from the English).
    Exits 1 when there are errors, 0 when there are only warnings.

    \(Options.sharedHelp)
      --json              one JSON object:
                          {"problems": [{"path", "line", "column"?, "message",
                                         "severity": "error"|"warning"}, ...],
                           "coverage": [{"module", "language", "lessons_present",
                                         "lessons_missing", "questions_present",
                                         "questions_missing"}, ...],
                           "strings": [{"language", "present", "missing", "extra",
                                        "placeholder_mismatches"}, ...],
                           "errors": N, "warnings": N}
    """

  static func run(_ args: [String]) -> Int32 {
    if args.contains("--help") || args.contains("-h") {
      print(help)
      return 0
    }
    let o: Options
    do { o = try Options.parse(args) } catch { return CLI.fail("check: \(error)") }
    let catalog = o.loader().load()
    if o.json {
      print(json(catalog))
    } else {
      print(text(catalog), terminator: "")
    }
    return catalog.errors.isEmpty ? 0 : 1
  }

  static func sorted(_ problems: [ContentProblem]) -> [ContentProblem] {
    problems.sorted { ($0.path, $0.line) < ($1.path, $1.line) }
  }

  /// The human report: problems, the coverage table, a summary line.
  static func text(_ catalog: Catalog) -> String {
    var out = ""
    for p in sorted(catalog.problems) { out += "\(p)\n" }
    if catalog.referralContacts.isTemplate, let notice = catalog.referralContacts.unfilledNotice {
      // The shipped template is not a content problem; `relais serve` warns when deployed.
      out += "\(ReferralContacts.path):1: note: still the shipped template; \(notice)\n"
    }
    out += "\n" + coverageTable(catalog.coverage) + stringsTable(catalog.stringsCoverage)
    let lessons = catalog.modules.reduce(0) { $0 + $1.lessons.count }
    let questions = catalog.modules.reduce(0) {
      $0 + ($1.quiz(.certifying, .reference)?.questions.count ?? 0)
    }
    out +=
      "checked \(catalog.modules.count) modules, \(lessons) lessons, \(questions) certifying questions, \(catalog.briefings.count) briefings: \(catalog.errors.count) errors, \(catalog.warnings.count) warnings\n"
    return out
  }

  /// `module  lang  lessons  questions` with `present/total` and the missing count.
  static func coverageTable(_ rows: [TranslationCoverage]) -> String {
    guard !rows.isEmpty else { return "" }
    let width = max(6, rows.map(\.module.count).max() ?? 0)
    func pad(_ s: String, _ n: Int) -> String {
      s + String(repeating: " ", count: max(0, n - s.count))
    }
    var out = "translation coverage\n"
    out += pad("module", width) + "  lang  " + pad("lessons", 16) + "questions\n"
    for r in rows {
      let lessons =
        "\(r.lessonsPresent)/\(r.lessonsPresent + r.lessonsMissing)"
        + (r.lessonsMissing > 0 ? " (\(r.lessonsMissing) missing)" : "")
      let questions =
        "\(r.questionsPresent)/\(r.questionsPresent + r.questionsMissing)"
        + (r.questionsMissing > 0 ? " (\(r.questionsMissing) missing)" : "")
      out +=
        pad(r.module, width) + "  " + pad(r.language.rawValue, 4) + "  " + pad(lessons, 16)
        + questions + "\n"
    }
    return out + "\n"
  }

  /// `lang  strings  extra  placeholders`, one row per strings file.
  static func stringsTable(_ rows: [StringsCoverage]) -> String {
    guard !rows.isEmpty else { return "" }
    var out =
      "interface strings (against the built-in English)\nlang  strings               extra  placeholders\n"
    for r in rows {
      let total = r.present + r.missing
      var strings = "\(r.present)/\(total)" + (r.missing > 0 ? " (\(r.missing) missing)" : "")
      strings += String(repeating: " ", count: max(0, 22 - strings.count))
      let lang =
        r.language.rawValue + String(repeating: " ", count: max(0, 4 - r.language.rawValue.count))
      let extra = String(r.extra) + String(repeating: " ", count: max(0, 5 - String(r.extra).count))
      out +=
        "\(lang)  \(strings)\(extra)  \(r.placeholderMismatches == 0 ? "ok" : "\(r.placeholderMismatches) wrong")\n"
    }
    return out + "\n"
  }

  static func json(_ catalog: Catalog) -> String {
    let problems = sorted(catalog.problems).map { p -> [String: Any] in
      var d: [String: Any] = [
        "path": p.path, "line": p.line, "message": p.message, "severity": p.severity.rawValue,
      ]
      if let c = p.column { d["column"] = c }
      return d
    }
    let coverage = catalog.coverage.map { r -> [String: Any] in
      [
        "module": r.module, "language": r.language.rawValue, "lessons_present": r.lessonsPresent,
        "lessons_missing": r.lessonsMissing, "questions_present": r.questionsPresent,
        "questions_missing": r.questionsMissing,
      ]
    }
    let strings = catalog.stringsCoverage.map { r -> [String: Any] in
      [
        "language": r.language.rawValue, "present": r.present, "missing": r.missing,
        "extra": r.extra, "placeholder_mismatches": r.placeholderMismatches,
      ]
    }
    let object: [String: Any] = [
      "problems": problems, "coverage": coverage, "strings": strings,
      "errors": catalog.errors.count,
      "warnings": catalog.warnings.count,
    ]
    let data = try! JSONSerialization.data(
      withJSONObject: object, options: [.prettyPrinted, .sortedKeys])
    return String(decoding: data, as: UTF8.self)
  }
}
