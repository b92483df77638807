import Foundation
import Markdown

/// `relais markdown [--gfm]`: CommonMark on stdin, HTML on stdout.
enum MarkdownCommand {
  static let help = """
    usage: relais markdown [--gfm]

    Reads Markdown on standard input and writes HTML on standard output.
    Plain CommonMark 0.31.2 (raw HTML passes through unchanged).
      --gfm     add GitHub tables, strikethrough and extended autolinks
    """

  static func run(_ args: [String]) -> Int32 {
    var gfm = false
    for a in args {
      switch a {
      case "--gfm": gfm = true
      case "--help", "-h":
        print(help)
        return 0
      default: return CLI.fail("markdown: unknown option '\(a)'\n\(help)")
      }
    }
    let input = FileHandle.standardInput.readDataToEndOfFile()
    let html = Markdown.html(String(decoding: input, as: UTF8.self), gfm: gfm)
    FileHandle.standardOutput.write(Data(html.utf8))
    return 0
  }
}
