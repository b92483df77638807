import CSQLite
import Foundation

/// The database: one writer connection (SQLite allows one writer at a time; serialising here
/// avoids busy waits) and a small pool of readers, which WAL lets read while the writer writes.
///
/// Durability: WAL with `synchronous = FULL`, so a transaction is on disk (fsync of the WAL)
/// before `write` returns; a response is only sent after that, so an acknowledged answer
/// survives a crash or a power cut, not only a killed process.
public final class Database: @unchecked Sendable {  // state guarded by the two locks
  public let path: String
  // NSLock rather than Mutex: the closures return arbitrary (non-sending) values.
  private let writeLock = NSLock()
  private let writerBox: ConnectionBox
  private let readerLock = NSLock()
  nonisolated(unsafe) private var pool: [ConnectionBox] = []  // guarded by readerLock
  private let readerLimit: Int

  /// Opens (creating if needed) the database at `path`, in WAL mode, and runs `migrations`.
  public init(path: String, migrations: [Migration] = [], readers: Int = 4) throws {
    self.path = path
    let w = try Connection(path: path, readOnly: false)
    try w.execute("PRAGMA journal_mode = WAL")
    try w.execute("PRAGMA synchronous = FULL")
    try Migrator.run(migrations, on: w)
    writerBox = ConnectionBox(w)
    readerLimit = readers
  }

  /// Runs `body` in one write transaction (BEGIN IMMEDIATE … COMMIT).
  public func write<T>(_ body: (Connection) throws -> T) throws -> T {
    try writeLock.withLock {
      try writerBox.connection.transaction { try body(writerBox.connection) }
    }
  }

  /// Runs `body` on a reader connection (a consistent snapshot for its duration).
  public func read<T>(_ body: (Connection) throws -> T) throws -> T {
    let box = try readerLock.withLock { () -> ConnectionBox in
      if let b = pool.popLast() { return b }
      return ConnectionBox(try Connection(path: path, readOnly: false))
    }
    defer {
      readerLock.withLock {
        if pool.count < readerLimit { pool.append(box) }
      }
    }
    try box.connection.execute("BEGIN")
    defer { try? box.connection.execute("COMMIT") }
    return try body(box.connection)
  }

  /// Copies the live database to `destination` with SQLite's online backup API, while
  /// other connections keep reading and writing.
  public func backup(to destination: String) throws {
    try writeLock.withLock {
      try Database.copy(from: writerBox.connection.handle, toPath: destination)
    }
  }

  /// Copies a database file into `path` (used by `relais restore`: run with the server stopped).
  public static func restore(from source: String, into path: String) throws {
    let src = try Connection(path: source, readOnly: true)
    let integrity = try src.scalar("PRAGMA integrity_check").string
    guard integrity == "ok" else {
      throw StorageError(
        code: 11, message: "backup failed its integrity check: \(integrity ?? "?")")
    }
    try copy(from: src.handle, toPath: path)
  }

  static func copy(from source: OpaquePointer, toPath destination: String) throws {
    let dest = try Connection(path: destination, readOnly: false)
    guard let backup = sqlite3_backup_init(dest.handle, "main", source, "main") else {
      throw StorageError(
        code: sqlite3_errcode(dest.handle), message: String(cString: sqlite3_errmsg(dest.handle)))
    }
    var rc: Int32
    repeat {
      rc = sqlite3_backup_step(backup, 256)
      if rc == SQLITE_BUSY || rc == SQLITE_LOCKED { sqlite3_sleep(10) }
    } while rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED
    sqlite3_backup_finish(backup)
    guard rc == SQLITE_DONE else {
      throw StorageError(code: rc, message: String(cString: sqlite3_errstr(rc)))
    }
  }

  /// Closes every connection (checkpointing the WAL).
  public func close() {
    readerLock.withLock { pool.removeAll() }
    writeLock.withLock { _ = try? writerBox.connection.execute("PRAGMA wal_checkpoint(TRUNCATE)") }
  }
}

/// Connections are confined by the Mutex that holds them: only the lock holder touches one.
final class ConnectionBox: @unchecked Sendable {
  let connection: Connection
  init(_ c: Connection) { connection = c }
}
