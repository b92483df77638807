import Academy
import Catalog
import Foundation

/// `relais admin-link`: a new one-time admin sign-in link (when the first one is lost).
enum AdminLinkCommand {
  static let help = """
    usage: relais admin-link [--data DIR] [--public-url URL]

    Prints a one-time sign-in link for the administrator, valid 24 hours.
    """

  static func run(_ args: [String]) -> Int32 {
    if args.contains("--help") || args.contains("-h") {
      print(help)
      return 0
    }
    do {
      let o = try Options.parse(args)
      let academy = try o.openAcademy()
      let admin = try academy.ensureAdmin()
      let token = try academy.createSignInLink(userID: admin.id, createdBy: nil)
      let base = o.publicURL ?? "http://\(o.host):\(o.port)"
      print("\(base)/signin/link/\(token)")
      academy.close()
      return 0
    } catch {
      return CLI.fail("admin-link: \(error)")
    }
  }
}
