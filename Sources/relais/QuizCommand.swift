import Foundation
import GIFT

/// `relais quiz inspect FILE --json`: the parsed questions as JSON; errors on stderr.
/// (`quiz review` and `quiz fmt` have their own files.)
enum QuizCommand {
  static let help = """
    usage: relais quiz inspect FILE.gift [--json]
           relais quiz review FILE.gift     the answer key, one line per question
           relais quiz fmt FILE.gift        rewrite in canonical layout

    Parses a GIFT file and prints its questions as a JSON array (id, type, text, answers,
    generalfeedback). Parse errors go to standard error as path:line:column: message, exit 1.
    """

  static func run(_ args: [String]) -> Int32 {
    if args.first == "review" { return QuizReviewCommand.run(Array(args.dropFirst())) }
    guard args.first == "inspect" else {
      if args.contains("--help") || args.contains("-h") {
        print(help)
        return 0
      }
      return CLI.fail("quiz: expected 'inspect'\n\(help)")
    }
    var path: String?
    for a in args.dropFirst() {
      switch a {
      case "--json": break
      case "--help", "-h":
        print(help)
        return 0
      default:
        if a.hasPrefix("-") { return CLI.fail("quiz inspect: unknown option '\(a)'") }
        path = a
      }
    }
    guard let path else { return CLI.fail("quiz inspect: no FILE given\n\(help)") }
    guard let data = FileManager.default.contents(atPath: path) else {
      return CLI.fail("quiz inspect: cannot read \(path)", code: 1)
    }
    let result = GIFT.parse(String(decoding: data, as: UTF8.self), path: path)
    for e in result.errors {
      FileHandle.standardError.write(Data("\(e)\n".utf8))
    }
    if !result.errors.isEmpty { return 1 }
    print(GIFT.json(result.questions))
    return 0
  }
}
