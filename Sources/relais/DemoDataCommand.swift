import Academy
import Catalog
import Foundation

/// `relais demo-data`: fills a data directory with synthetic learners and attempts, for
/// benchmarks (Tests/Benchmarks/dashboard.sh) and demonstrations. Never run it on real data.
enum DemoDataCommand {
  static let help = """
    usage: relais demo-data [--learners N] [--attempts N] [--seed N] [--data DIR] [--public-url URL]

    Adds N synthetic learners (default 1000) in cohorts of 500 with a demo manager, and N
    quiz attempts (default 10000), then prints a one-time sign-in link for that manager.
    \(Options.sharedHelp)
    """

  static func run(_ args: [String]) -> Int32 {
    if args.contains("--help") || args.contains("-h") {
      print(help)
      return 0
    }
    do {
      let o = try Options.parse(args, valued: ["learners", "attempts", "seed"])
      guard let learners = Int(o.extra["learners"] ?? "1000"), learners >= 0,
        let attempts = Int(o.extra["attempts"] ?? "10000"), attempts >= 0,
        let seed = UInt64(o.extra["seed"] ?? "42")
      else { throw CLIError("--learners, --attempts and --seed need whole numbers") }
      let academy = try o.openAcademy()
      let started = Date()
      let s = try academy.generateDemoData(learners: learners, attempts: attempts, seed: seed)
      let seconds = String(format: "%.1f", Date().timeIntervalSince(started))
      print(
        "demo-data: \(s.learners) learners in \(s.cohorts) cohorts, \(s.attempts) attempts, \(s.certificates) certificates, \(s.activities) posts logged in \(seconds) s"
      )
      let token = try academy.createSignInLink(userID: s.managerID, createdBy: nil)
      print("\(o.publicURL ?? "http://\(o.host):\(o.port)")/signin/link/\(token)")
      academy.close()
      return 0
    } catch {
      return CLI.fail("demo-data: \(error)")
    }
  }
}
