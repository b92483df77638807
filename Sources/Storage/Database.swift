import CSQLite
import Foundation

/// The database: one writer connection (SQLite allows one writer at a time; serialising here
/// avoids busy waits) and a small pool of readers, which WAL lets read while the writer writes.
///
/// Durability: WAL with `synchronous = FULL`, so a transaction is on disk (fsync of the WAL)
/// before `write` returns; a response is only sent after that, so an acknowledged answer
/// survives a crash or a power cut, not only a killed process. Why not NORMAL: in WAL mode it
/// syncs only at checkpoints, so a power cut could lose commits already acknowledged; a quiz
/// submission is one small commit, and the extra fsync (a millisecond or so) is worth it.
/// Tested: `BackupTests.everyCommitIsSyncedToDiskBeforeWriteReturns` (the level) and
/// `DurabilityTests` (the real server killed with SIGKILL loses no acknowledged answer).
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
    FileModes.createPrivateFile(path)
    FileModes.tightenDatabaseFiles(path)
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
  /// other connections keep reading and writing (see `backup(databaseAt:to:)`).
  public func backup(to destination: String) throws {
    try Database.backup(databaseAt: path, to: destination)
  }

  /// Copies every page of the WAL into the database file and truncates the WAL to zero
  /// bytes, so data deleted (zeroed: `secure_delete` is on) is gone from both files, not
  /// only from the database's current state. Waits (busy timeout) for readers still on an
  /// older snapshot; returns false if one held on past it.
  @discardableResult
  public func checkpointTruncate() throws -> Bool {
    try writeLock.withLock {
      let row = try writerBox.connection.first("PRAGMA wal_checkpoint(TRUNCATE)")
      return row?.values.first?.int == 0
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
