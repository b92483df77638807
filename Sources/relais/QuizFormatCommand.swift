import Catalog
import Foundation
import GIFT

/// `relais quiz fmt FILE`: rewrites a GIFT file in canonical layout (in place, atomically),
/// or prints its errors and leaves it untouched. `--check` only says whether it would change.
enum QuizFormatCommand {
  static let help = """
    usage: relais quiz fmt FILE.gift [--check] [--stdout]

    Rewrites the file in the canonical GIFT layout (one answer per line, escapes normalised,
    the // @settings header kept; comments move above their question). On a parse error, or
    when the new layout would not read back as the same questions, answers, weights,
    feedback and settings, nothing is written and the problems are printed as
    path:line:column: message (exit 1).
      --check    write nothing; exit 1 if the file is not formatted
      --stdout   print the formatted text instead of writing the file
    """

  static func run(_ args: [String]) -> Int32 {
    var path: String?
    var check = false
    var toStdout = false
    for a in args {
      switch a {
      case "--help", "-h":
        print(help)
        return 0
      case "--check": check = true
      case "--stdout": toStdout = true
      default:
        if a.hasPrefix("-") { return CLI.fail("quiz fmt: unknown option '\(a)'") }
        path = a
      }
    }
    guard let path else { return CLI.fail("quiz fmt: no FILE given\n\(help)") }
    guard let data = FileManager.default.contents(atPath: path) else {
      return CLI.fail("quiz fmt: cannot read \(path)", code: 1)
    }
    let original = String(decoding: data, as: UTF8.self)
    switch GIFT.format(original, path: path) {
    case .failure(let errors):
      for e in errors.errors { FileHandle.standardError.write(Data("\(e)\n".utf8)) }
      return 1
    case .success(let formatted):
      if toStdout {
        print(formatted, terminator: "")
        return 0
      }
      if check {
        if formatted == original { return 0 }
        print("\(path): not formatted")
        return 1
      }
      if formatted != original {
        // The same verified path as every writer: read back from disk before it replaces
        // the file; "formatted" is printed only when it did.
        let meant = GIFT.parse(original, path: path)
        do {
          try CatalogLoader.writeQuiz(
            formatted, meaning: meant.questions, settings: meant.settings,
            to: URL(fileURLWithPath: path))
        } catch let e as AuthoringError {
          return CLI.fail("quiz fmt: \(e.description)", code: 1)
        } catch {
          return CLI.fail("quiz fmt: cannot write \(path): \(error)", code: 1)
        }
        print("formatted \(path)")
      }
      return 0
    }
  }
}
