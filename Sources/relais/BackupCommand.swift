import Foundation
import Storage

/// `relais backup FILE`: a consistent copy of the database while the server keeps serving.
enum BackupCommand {
  static let help = """
    usage: relais backup FILE [--data DIR] [--force]

    Copies the database (DIR/relais.sqlite) to FILE with SQLite's online backup API. Safe
    while 'relais serve' runs on the same data: the copy is the state when the backup
    started, and the server keeps answering meanwhile. FILE is written to a temporary name,
    checked with SQLite's integrity check, flushed to disk and only then renamed, so it is
    never half-written. It is a single file (no -wal beside it). Keep it somewhere safe: it
    holds personal data.

      --data DIR          data directory (env RELAIS_DATA; default ./data)
      --force             replace FILE if it exists
    """

  static func run(_ args: [String]) -> Int32 {
    if args.contains("--help") || args.contains("-h") {
      print(help)
      return 0
    }
    do {
      let o = try Options.parse(args, flags: ["force"])
      guard o.positional.count == 1, let file = o.positional.first else {
        return CLI.fail("backup: give one FILE to write\n\(help)")
      }
      if FileManager.default.fileExists(atPath: file), o.extra["force"] == nil {
        return CLI.fail("backup: \(file) exists; pass --force to replace it", code: 1)
      }
      let started = Date()
      try Database.backup(databaseAt: o.databasePath, to: file)
      let size = (try? FileManager.default.attributesOfItem(atPath: file)[.size] as? Int) ?? 0
      let ms = Int(Date().timeIntervalSince(started) * 1000)
      print("Backed up \(o.databasePath) to \(file) (\(size) bytes, integrity ok, \(ms) ms)")
      return 0
    } catch {
      return CLI.fail("backup: \(error)", code: 1)
    }
  }
}
