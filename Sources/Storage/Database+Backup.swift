import CSQLite
import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Backups and restores of a database file, for `relais backup` and `relais restore`.
///
/// Both work on whole files and never leave a half-written one under the final name: they
/// write a temporary file next to the target, check it, flush it to disk, then rename it.
extension Database {
  /// Copies the database at `path` to `destination` with SQLite's online backup API, from a
  /// read connection of its own. In WAL mode a reader never blocks the writer, so a server
  /// using the same file keeps serving; the copy is the snapshot taken when it started.
  /// The copy is a single self-contained file (rollback journal, no -wal beside it).
  public static func backup(databaseAt path: String, to destination: String) throws {
    guard FileManager.default.fileExists(atPath: path) else {
      throw StorageError(code: SQLITE_CANTOPEN, message: "no database at \(path)")
    }
    let source = try Connection(path: path, readOnly: true)
    let temporary = temporaryPath(beside: destination)
    defer { unlink(temporary) }  // already renamed away on success
    try copyChecked(from: source, toPath: temporary)
    try durableRename(temporary, to: destination)
  }

  /// Replaces the database at `path` with the backup at `source`, which must pass SQLite's
  /// integrity check. Refuses while another process (a running server) has the database
  /// open. The previous database, its WAL checkpointed into it first, is kept under the
  /// returned name so a mistaken restore can be undone; nil when there was none.
  @discardableResult
  public static func restore(from source: String, into path: String) throws -> String? {
    let backup = try Connection(path: source, readOnly: true)
    try checkIntegrity(backup, what: "the backup \(source)")
    _ = try backup.scalar("SELECT COUNT(*) FROM sqlite_schema")  // "file is not a database"

    let temporary = temporaryPath(beside: path)
    defer { unlink(temporary) }
    try copyChecked(from: backup, toPath: temporary)

    var kept: String?
    let live = FileManager.default.fileExists(atPath: path) ? try lockExclusively(path) : nil
    if let live {
      // Fold the WAL into the old file so the kept copy is complete on its own, and leave
      // WAL mode: closing a WAL connection deletes "<path>-wal" by name, which after the
      // rename would be the new database's.
      _ = try live.scalar("PRAGMA wal_checkpoint(TRUNCATE)")
      _ = try live.scalar("PRAGMA journal_mode = DELETE")
      let stamp = Int(Date().timeIntervalSince1970)
      kept = "\(path).replaced-\(stamp)"
      guard rename(path, kept!) == 0 else {
        throw StorageError(code: SQLITE_IOERR, message: "cannot move \(path) aside: \(errno)")
      }
      FileModes.tightenDatabaseFiles(kept!)
    }
    // A -wal left beside the new file would be replayed into it: remove the old one's.
    unlink(path + "-wal")
    unlink(path + "-shm")
    try durableRename(temporary, to: path)
    withExtendedLifetime(live) {}  // hold the lock until the new file is in place
    return kept
  }

  /// Opens `path` and takes SQLite's exclusive lock, which fails at once when any other
  /// connection (another process) has the database open: WAL connections hold a shared lock
  /// on the file for as long as they are open.
  static func lockExclusively(_ path: String) throws -> Connection {
    let c = try Connection(path: path, readOnly: false)
    sqlite3_busy_timeout(c.handle, 100)
    try c.execute("PRAGMA locking_mode = EXCLUSIVE")
    do {
      try c.execute("BEGIN EXCLUSIVE")
      try c.execute("COMMIT")
    } catch let e as StorageError where e.code == SQLITE_BUSY || e.code == SQLITE_LOCKED {
      throw StorageError(
        code: e.code,
        message: "the database \(path) is in use by another process (stop relais serve first)")
    }
    return c
  }

  static func checkIntegrity(_ c: Connection, what: String) throws {
    let result = try c.query("PRAGMA integrity_check").compactMap { $0.values.first?.string }
    guard result == ["ok"] else {
      throw StorageError(
        code: SQLITE_CORRUPT,
        message: "\(what) failed its integrity check: \(result.prefix(3).joined(separator: "; "))")
    }
  }

  /// Copies every page of `source` into a new file at `path` in one step (one read snapshot,
  /// so no restart when the source is written meanwhile), switches the copy to a rollback
  /// journal so it is one file, and checks it.
  static func copyChecked(from source: Connection, toPath path: String) throws {
    unlink(path)
    FileModes.createPrivateFile(path)  // a backup holds the same personal data: 0600
    let dest = try Connection(path: path, readOnly: false)
    guard let backup = sqlite3_backup_init(dest.handle, "main", source.handle, "main") else {
      throw StorageError(
        code: sqlite3_errcode(dest.handle), message: String(cString: sqlite3_errmsg(dest.handle)))
    }
    var rc: Int32
    repeat {
      rc = sqlite3_backup_step(backup, -1)
      if rc == SQLITE_BUSY || rc == SQLITE_LOCKED { sqlite3_sleep(20) }
    } while rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED
    sqlite3_backup_finish(backup)
    guard rc == SQLITE_DONE else {
      throw StorageError(code: rc, message: String(cString: sqlite3_errstr(rc)))
    }
    _ = try dest.scalar("PRAGMA journal_mode = DELETE")
    try checkIntegrity(dest, what: "the copy \(path)")
  }

  static func temporaryPath(beside path: String) -> String {
    "\(path).partial-\(UInt32.random(in: 0...UInt32.max))"
  }

  /// fsync the file, rename it over `destination`, fsync the directory: after a crash the
  /// destination is either the old file or the whole new one.
  static func durableRename(_ from: String, to destination: String) throws {
    try fsyncPath(from, directory: false)
    guard rename(from, destination) == 0 else {
      throw StorageError(
        code: SQLITE_IOERR, message: "cannot rename \(from) to \(destination): errno \(errno)")
    }
    try fsyncPath((destination as NSString).deletingLastPathComponent, directory: true)
  }

  static func fsyncPath(_ path: String, directory: Bool) throws {
    let fd = Glibc.open(path.isEmpty ? "." : path, directory ? O_RDONLY | O_DIRECTORY : O_RDONLY)
    guard fd >= 0 else {
      throw StorageError(code: SQLITE_IOERR, message: "cannot open \(path): errno \(errno)")
    }
    defer { _ = Glibc.close(fd) }
    guard fsync(fd) == 0 else {
      throw StorageError(code: SQLITE_IOERR, message: "fsync \(path) failed: errno \(errno)")
    }
  }
}
