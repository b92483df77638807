import Foundation
import Storage

/// `relais restore FILE`: puts a backup back in place of the database (server stopped).
enum RestoreCommand {
  static let help = """
    usage: relais restore FILE [--data DIR]

    Replaces the database (DIR/relais.sqlite) with the backup FILE made by 'relais backup'.
    Stop 'relais serve' first: restore refuses to run while any process has the database
    open. Steps, so that a failure at any point leaves the old database in place:
      1. FILE must pass SQLite's integrity check;
      2. it is copied to a temporary file beside the database and checked again;
      3. the old database (its WAL folded in) is moved aside to relais.sqlite.replaced-TIME,
         and its -wal and -shm files are removed;
      4. the copy is flushed to disk and renamed to relais.sqlite.
    Then start the server again. Delete the .replaced file once you are sure: it holds
    personal data.

      --data DIR          data directory (env RELAIS_DATA; default ./data)
    """

  static func run(_ args: [String]) -> Int32 {
    if args.contains("--help") || args.contains("-h") {
      print(help)
      return 0
    }
    do {
      let o = try Options.parse(args)
      guard o.positional.count == 1, let file = o.positional.first else {
        return CLI.fail("restore: give the backup FILE to restore\n\(help)")
      }
      guard FileManager.default.fileExists(atPath: file) else {
        return CLI.fail("restore: no file at \(file)", code: 1)
      }
      try o.prepareDataDirectory()
      let kept = try Database.restore(from: file, into: o.databasePath)
      print("Restored \(file) into \(o.databasePath) (integrity ok).")
      if let kept {
        print("The previous database was kept as \(kept); delete it once you are sure.")
      }
      return 0
    } catch {
      return CLI.fail("restore: \(error)", code: 1)
    }
  }
}
