import Foundation
import HTTPServer

/// For the supervision tests only: with `RELAIS_TEST_TRAP_PATH=/some/path` in the
/// environment, `GET /some/path` traps (a Swift runtime error, the kind nothing can catch),
/// so a test can crash the worker the way a bug would. Without the variable there is no such
/// route; nothing in a request can turn it on.
enum TestTrap {
  static let variable = "RELAIS_TEST_TRAP_PATH"

  static func install(in router: inout Router) {
    guard let path = ProcessInfo.processInfo.environment[variable], path.hasPrefix("/") else {
      return
    }
    router.add("GET", path) { _ in
      fatalError("\(variable): trapping on purpose")
    }
  }
}
