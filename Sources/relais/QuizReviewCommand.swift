import Foundation
import GIFT

/// `relais quiz review FILE`: the key sheet, one line per question, for a second reader.
enum QuizReviewCommand {
  static let help = """
    usage: relais quiz review FILE.gift

    Prints every question with the answer(s) it is keyed to and the feedback a learner
    giving that answer sees, one line per question:
      LINE  ID [type]  question text  =>  keyed answer  # its feedback
    so a second reader can check a whole quiz's keys in minutes (a true/false keyed the
    wrong way shows as a false statement, TRUE, and "Correct." on one line).
    Parse errors go to standard error as path:line:column: message, exit 1.
    """

  static func run(_ args: [String]) -> Int32 {
    if args.contains("--help") || args.contains("-h") {
      print(help)
      return 0
    }
    guard args.count == 1, let path = args.first, !path.hasPrefix("-") else {
      return CLI.fail("quiz review: give one FILE\n\(help)")
    }
    guard let data = FileManager.default.contents(atPath: path) else {
      return CLI.fail("quiz review: cannot read \(path)", code: 1)
    }
    let result = GIFT.parse(String(decoding: data, as: UTF8.self), path: path)
    for e in result.errors { FileHandle.standardError.write(Data("\(e)\n".utf8)) }
    let shuffle = result.settings.shufflesAnswers ? "shuffled" : "NOT shuffled (@shuffle: false)"
    print("\(path): \(result.questions.count) questions, answers \(shuffle)")
    for line in GIFT.keySheet(result.questions) { print(line.plain) }
    return result.errors.isEmpty ? 0 : 1
  }
}
