import Academy
import Catalog
import Foundation
import Web

/// The options `serve`, `check` and the data commands share, from flags then environment.
struct Options {
  var dataDirectory = ProcessInfo.processInfo.environment["RELAIS_DATA"] ?? "data"
  var curriculum = "Curriculum"
  var assessments = "Assessments"
  var host = "127.0.0.1"
  var port = Int(ProcessInfo.processInfo.environment["RELAIS_PORT"] ?? "") ?? 8080
  var publicURL: String? = ProcessInfo.processInfo.environment["RELAIS_PUBLIC_URL"]
  var json = false
  var positional: [String] = []
  var extra: [String: String] = [:]

  static let sharedHelp = """
      --data DIR          data directory (env RELAIS_DATA; default ./data)
      --curriculum DIR    lessons folder (default ./Curriculum)
      --assessments DIR   quizzes folder (default ./Assessments)
    """

  /// Parses `args`; `valued` lists extra `--name VALUE` options the command accepts.
  static func parse(_ args: [String], valued: Set<String> = [], flags: Set<String> = []) throws
    -> Options
  {
    var o = Options()
    var i = 0
    func value() throws -> String {
      guard i + 1 < args.count else { throw CLIError("\(args[i]) needs a value") }
      i += 1
      return args[i]
    }
    while i < args.count {
      let a = args[i]
      switch a {
      case "--data": o.dataDirectory = try value()
      case "--curriculum": o.curriculum = try value()
      case "--assessments": o.assessments = try value()
      case "--host": o.host = try value()
      case "--port":
        guard let p = Int(try value()), (0...65535).contains(p) else {
          throw CLIError("--port needs a number from 0 to 65535")
        }
        o.port = p
      case "--public-url": o.publicURL = try value()
      case "--json": o.json = true
      default:
        let name = String(a.drop { $0 == "-" })
        if a.hasPrefix("--"), valued.contains(name) {
          o.extra[name] = try value()
        } else if a.hasPrefix("--"), flags.contains(name) {
          o.extra[name] = "true"
        } else if a.hasPrefix("-") && a != "-" {
          throw CLIError("unknown option '\(a)'")
        } else {
          o.positional.append(a)
        }
      }
      i += 1
    }
    return o
  }

  var databasePath: String { (dataDirectory as NSString).appendingPathComponent("relais.sqlite") }

  /// The content named by `--curriculum` and `--assessments`.
  func contentStore() -> CatalogStore {
    CatalogStore(
      loader: loader())
  }

  /// The content loader, checking interface strings files against the built-in English.
  func loader() -> CatalogLoader {
    CatalogLoader(
      curriculum: URL(fileURLWithPath: curriculum), assessments: URL(fileURLWithPath: assessments),
      referenceStrings: Strings.english)
  }

  /// The data directory's database (created if needed) over that content.
  func openAcademy() throws -> Academy {
    try prepareDataDirectory()
    return try Academy(databasePath: databasePath, content: contentStore())
  }
}

struct CLIError: Error, CustomStringConvertible {
  var description: String
  init(_ s: String) { description = s }
}
