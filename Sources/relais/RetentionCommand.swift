import Academy
import Catalog
import Foundation

/// `relais retention --inactive-days N`: erases learners who have not used Relais for N days.
enum RetentionCommand {
  static let help = """
    usage: relais retention --inactive-days N [--dry-run] [--data DIR]

    Applies the data-retention rule: every learner whose last visit (or joining day, if
    never seen since) is more than N days ago is erased: name, sign-in name, passphrase and
    self-declared demographics removed, sessions ended, certificates revoked (shown with no
    name). Quiz attempts stay, attached to the nameless account, so statistics stay right.
    Each erasure is recorded in the audit log. Staff accounts are never touched.
    Run it daily (cron or a systemd timer); it is safe while the server runs.

    It also reports learners' pending deletion requests, with the day each falls due
    (one month after the request), and exits with status 3 when one is overdue. It does
    not decide them: a manager of the learner's group (or an admin) confirms, which
    erases at once, or declines with a reason, on /manage/deletions.

      --inactive-days N   how long an account may stay unused (at least 30)
      --dry-run           only list who would be erased (ids and last activity)
      --data DIR          data directory (env RELAIS_DATA; default ./data)
    """

  static func run(_ args: [String]) -> Int32 {
    if args.contains("--help") || args.contains("-h") {
      print(help)
      return 0
    }
    do {
      let o = try Options.parse(args, valued: ["inactive-days"], flags: ["dry-run"])
      guard let text = o.extra["inactive-days"], let days = Int(text) else {
        return CLI.fail("retention: --inactive-days N is required\n\(help)")
      }
      // A small number is almost always a typo, and erasure cannot be undone.
      guard days >= 30 else { return CLI.fail("retention: --inactive-days must be at least 30") }
      guard o.positional.isEmpty else {
        return CLI.fail("retention: unexpected '\(o.positional[0])'")
      }
      guard FileManager.default.fileExists(atPath: o.databasePath) else {
        return CLI.fail("retention: no database at \(o.databasePath)", code: 1)
      }
      let store = o.contentStore()
      let academy = try Academy(databasePath: o.databasePath, content: store)
      defer { academy.close() }
      if o.extra["dry-run"] != nil {
        let due = try academy.inactiveLearners(days: days)
        for l in due { print("\(l.id) last active \(day(l.lastActiveAt))") }
        print("\(due.count) learners inactive for more than \(days) days would be erased (dry run)")
      } else {
        let erased = try academy.applyRetention(inactiveDays: days)
        print("Erased \(erased.count) learners inactive for more than \(days) days")
      }
      return try reportDeletionRequests(academy) ? 3 : 0
    } catch {
      return CLI.fail("retention: \(error)", code: 1)
    }
  }

  /// Lists pending deletion requests; true when one is past its due date.
  static func reportDeletionRequests(_ academy: Academy) throws -> Bool {
    let pending = try academy.pendingDeletionRequests()
    let now = academy.now
    var overdue = 0
    for r in pending {
      let late = r.dueAt <= now
      if late { overdue += 1 }
      print(
        "deletion request: \(r.userID) asked \(day(r.requestedAt)), due \(day(r.dueAt))\(late ? " OVERDUE" : "")"
      )
    }
    print(
      "\(pending.count) deletion requests pending, \(overdue) overdue (decide them on /manage/deletions)"
    )
    return overdue > 0
  }

  static func day(_ t: Int64) -> String {
    let f = DateFormatter()
    f.locale = Locale(identifier: "en_US_POSIX")
    f.timeZone = TimeZone(identifier: "UTC")
    f.dateFormat = "yyyy-MM-dd"
    return f.string(from: Date(timeIntervalSince1970: TimeInterval(t)))
  }
}
