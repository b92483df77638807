import Foundation
import GIFT
import Markdown

/// Subcommand dispatch and the shared bits of argument handling.
enum CLI {
  static let usage = """
    usage: relais <command> [options]

    commands:
      serve            serve the curriculum over HTTP
      check            validate Curriculum/ and Assessments/
      markdown         Markdown on stdin, HTML on stdout
      quiz inspect     print a GIFT file's questions as JSON
      quiz fmt         rewrite a GIFT file in canonical layout
      quiz review      a GIFT file's answer key, one line per question
      new              new module, lesson or translation from a template
      admin-link       print a one-time admin sign-in link
      backup FILE      copy the database while the server runs
      restore FILE     put a backup back (server stopped)
      retention        erase learners inactive for N days
      demo-data        fill a database with synthetic learners and attempts

    Run 'relais <command> --help' for a command's options.
    """

  static func run(_ args: [String]) -> Int32 {
    guard let command = args.first else {
      print(usage)
      return 2
    }
    let rest = Array(args.dropFirst())
    switch command {
    case "serve": return ServeCommand.run(rest)
    case "check": return CheckCommand.run(rest)
    case "admin-link": return AdminLinkCommand.run(rest)
    case "backup": return BackupCommand.run(rest)
    case "restore": return RestoreCommand.run(rest)
    case "retention": return RetentionCommand.run(rest)
    case "demo-data": return DemoDataCommand.run(rest)
    case "markdown": return MarkdownCommand.run(rest)
    case "quiz" where rest.first == "fmt": return QuizFormatCommand.run(Array(rest.dropFirst()))
    case "quiz": return QuizCommand.run(rest)
    case "new": return NewCommand.run(rest)
    case "--help", "-h", "help":
      print(usage)
      return 0
    default:
      FileHandle.standardError.write(Data("relais: unknown command '\(command)'\n\(usage)\n".utf8))
      return 2
    }
  }

  static func fail(_ message: String, code: Int32 = 2) -> Int32 {
    FileHandle.standardError.write(Data("relais: \(message)\n".utf8))
    return code
  }
}

/// Flushes standard output (print is buffered when piped; the serve banner must show at once).
func flushOutput() {
  fflush(nil)
}
