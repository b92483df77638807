import Catalog
import Foundation

/// `relais check`: validates all content; `path:line: message` per problem; exit 1 on errors.
enum CheckCommand {
  static let help = """
    usage: relais check [--json] [options]

    Validates Curriculum/ and Assessments/: front matter, lesson links and images, GIFT
    syntax, question ids and translations. Prints path:line: message for each problem.
    Exits 1 when there are errors, 0 when there are only warnings.

    \(Options.sharedHelp)
      --json              problems as a JSON array
    """

  static func run(_ args: [String]) -> Int32 {
    if args.contains("--help") || args.contains("-h") {
      print(help)
      return 0
    }
    let o: Options
    do { o = try Options.parse(args) } catch { return CLI.fail("check: \(error)") }
    let catalog = CatalogLoader(
      curriculum: URL(fileURLWithPath: o.curriculum),
      assessments: URL(fileURLWithPath: o.assessments)
    ).load()
    let problems = catalog.problems.sorted { ($0.path, $0.line) < ($1.path, $1.line) }
    if o.json {
      print(json(problems))
    } else {
      for p in problems { print(p) }
      let lessons = catalog.modules.reduce(0) { $0 + $1.lessons.count }
      let questions = catalog.modules.reduce(0) {
        $0 + ($1.quiz(.certifying, .reference)?.questions.count ?? 0)
      }
      print(
        "checked \(catalog.modules.count) modules, \(lessons) lessons, \(questions) certifying questions: \(catalog.errors.count) errors, \(catalog.warnings.count) warnings"
      )
    }
    return catalog.errors.isEmpty ? 0 : 1
  }

  static func json(_ problems: [ContentProblem]) -> String {
    let items = problems.map { p -> [String: Any] in
      var d: [String: Any] = [
        "path": p.path, "line": p.line, "message": p.message, "severity": p.severity.rawValue,
      ]
      if let c = p.column { d["column"] = c }
      return d
    }
    let data = try! JSONSerialization.data(
      withJSONObject: items, options: [.prettyPrinted, .sortedKeys])
    return String(decoding: data, as: UTF8.self)
  }
}
