import Foundation
import Testing

@testable import Storage

#if canImport(Glibc)
  import Glibc
#endif

/// The files that hold personal data are private: a 0700 directory, 0600 files, whatever
/// the umask; and deleted content is zeroed on every connection (`secure_delete`).
@Suite(.serialized) struct FileModeTests {
  static let table = [Migration(1, "t", "CREATE TABLE t(x TEXT) STRICT")]

  static func mode(_ path: String) -> mode_t? {
    var st = stat()
    return stat(path, &st) == 0 ? st.st_mode & 0o777 : nil
  }

  static func scratch() -> String {
    FileManager.default.temporaryDirectory.appendingPathComponent("relais-modes-\(UUID())").path
  }

  /// Runs `body` under the usual permissive umask (files 0644, directories 0755).
  static func withUmask022<T>(_ body: () throws -> T) rethrows -> T {
    let old = umask(0o022)
    defer { umask(old) }
    return try body()
  }

  @Test func aNewDataDirectoryIs0700AndALooseOneIsTightened() throws {
    try Self.withUmask022 {
      let fresh = Self.scratch() + "/nested/data"
      #expect(try FileModes.prepareDataDirectory(fresh) == nil)
      #expect(Self.mode(fresh) == 0o700)
      let loose = Self.scratch()
      try FileManager.default.createDirectory(atPath: loose, withIntermediateDirectories: true)
      #expect(Self.mode(loose) == 0o755)
      let note = try FileModes.prepareDataDirectory(loose)
      #expect(note?.contains("now 0700") == true)
      #expect(Self.mode(loose) == 0o700)
      #expect(try FileModes.prepareDataDirectory(loose) == nil)  // said once
    }
  }

  @Test func theDatabaseAndItsWALAndSHMAre0600() throws {
    try Self.withUmask022 {
      let dir = Self.scratch()
      try FileModes.prepareDataDirectory(dir)
      let path = dir + "/relais.sqlite"
      let db = try Database(path: path, migrations: Self.table)
      try db.write { try $0.execute("INSERT INTO t VALUES ('x')") }
      for p in [path, path + "-wal", path + "-shm"] {
        #expect(Self.mode(p) == 0o600, "\(p)")
      }
      db.close()
    }
  }

  @Test func anOlderWorldReadableDatabaseIsTightenedWhenOpened() throws {
    try Self.withUmask022 {
      let dir = Self.scratch()
      try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
      let path = dir + "/relais.sqlite"
      do {
        let c = try Connection(path: path, readOnly: false)  // as before: 0644
        try c.execute("PRAGMA journal_mode = WAL")
        try c.execute("CREATE TABLE old(x)")
      }
      #expect(Self.mode(path) == 0o644)
      let db = try Database(path: path, migrations: Self.table)
      #expect(Self.mode(path) == 0o600)
      db.close()
    }
  }

  @Test func aBackupIs0600() throws {
    try Self.withUmask022 {
      let dir = Self.scratch()
      try FileModes.prepareDataDirectory(dir)
      let db = try Database(path: dir + "/relais.sqlite", migrations: Self.table)
      try db.write { try $0.execute("INSERT INTO t VALUES ('x')") }
      let copy = Self.scratch() + ".sqlite"
      try db.backup(to: copy)
      #expect(Self.mode(copy) == 0o600)
      db.close()
    }
  }

  @Test func everyConnectionZeroesDeletedContent() throws {
    let db = try Database(path: Self.scratch() + ".sqlite", migrations: Self.table)
    #expect(try db.write { try $0.scalar("PRAGMA secure_delete") }.int == 1)
    #expect(try db.read { try $0.scalar("PRAGMA secure_delete") }.int == 1)
    db.close()
  }

  @Test func aTruncatingCheckpointEmptiesTheWAL() throws {
    let path = Self.scratch() + ".sqlite"
    let db = try Database(path: path, migrations: Self.table)
    try db.write { try $0.execute("INSERT INTO t VALUES ('x')") }
    let before = try FileManager.default.attributesOfItem(atPath: path + "-wal")[.size] as? Int
    #expect((before ?? 0) > 0)
    #expect(try db.checkpointTruncate())
    let after = try FileManager.default.attributesOfItem(atPath: path + "-wal")[.size] as? Int
    #expect(after == 0)
    db.close()
  }
}
