import Foundation
import Synchronization
import Testing

@testable import Storage

/// `relais backup` and `relais restore` rest on these: an online backup that doesn't stop
/// writers, and a restore that checks before it replaces and never runs under a live server.
@Suite struct BackupTests {
  func directory() throws -> URL {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
      "relais-backup-\(UUID())")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    return dir
  }

  func count(_ path: String) throws -> Int {
    let c = try Connection(path: path, readOnly: true)
    return try c.scalar("SELECT COUNT(*) FROM notes").int ?? -1
  }

  @Test func everyCommitIsSyncedToDiskBeforeWriteReturns() throws {
    let db = try Database(
      path: try directory().appendingPathComponent("t.sqlite").path, migrations: notes)
    #expect(try db.write { try $0.scalar("PRAGMA synchronous") }.int == 2)  // FULL
    #expect(try db.write { try $0.scalar("PRAGMA journal_mode") }.string == "wal")
  }

  @Test func backupWhileAnotherConnectionKeepsWritingIsConsistent() throws {
    let dir = try directory()
    let path = dir.appendingPathComponent("live.sqlite").path
    let db = try Database(path: path, migrations: notes)
    for i in 0..<200 {
      try db.write { try $0.execute("INSERT INTO notes(body) VALUES (?)", ["n\(i)"]) }
    }
    let stop = Atomic<Bool>(false)
    let written = Atomic<Int>(0)
    let writer = Thread {
      while !stop.load(ordering: .relaxed) {
        try! db.write { try $0.execute("INSERT INTO notes(body) VALUES ('during')") }
        written.add(1, ordering: .relaxed)
      }
    }
    writer.start()
    defer { stop.store(true, ordering: .relaxed) }
    var sizes: [Int] = []
    for i in 0..<5 {
      let file = dir.appendingPathComponent("b\(i).sqlite").path
      try Database.backup(databaseAt: path, to: file)
      #expect(!FileManager.default.fileExists(atPath: file + "-wal"))
      let copy = try Connection(path: file, readOnly: true)
      #expect(try copy.scalar("PRAGMA integrity_check").string == "ok")
      #expect(try copy.scalar("PRAGMA journal_mode").string == "delete")
      sizes.append(try count(file))
    }
    stop.store(true, ordering: .relaxed)
    while !writer.isFinished { usleep(1000) }
    // Writes went on during the backups, and each backup is a whole snapshot in between.
    #expect(written.load(ordering: .relaxed) > 0)
    #expect(sizes.allSatisfy { $0 >= 200 })
    #expect(sizes == sizes.sorted())
    #expect(sizes.last! <= (try db.read { try $0.scalar("SELECT COUNT(*) FROM notes") }.int ?? 0))
  }

  @Test func restoreRefusesWhileTheDatabaseIsOpen() throws {
    let dir = try directory()
    let path = dir.appendingPathComponent("live.sqlite").path
    let db = try Database(path: path, migrations: notes)
    try db.write { try $0.execute("INSERT INTO notes(body) VALUES ('live')") }
    let backup = dir.appendingPathComponent("b.sqlite").path
    try db.backup(to: backup)
    try db.write { try $0.execute("INSERT INTO notes(body) VALUES ('after')") }
    let error = #expect(throws: StorageError.self) {
      try Database.restore(from: backup, into: path)
    }
    #expect(error?.message.contains("in use") == true)
    #expect(try db.read { try $0.scalar("SELECT COUNT(*) FROM notes") }.int == 2)
    let leftovers = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter {
      $0.contains("partial")
    }
    #expect(leftovers.isEmpty)
  }

  @Test func restoreReplacesTheDataAndKeepsThePreviousFile() throws {
    let dir = try directory()
    let path = dir.appendingPathComponent("live.sqlite").path
    let backup = dir.appendingPathComponent("b.sqlite").path
    do {
      let db = try Database(path: path, migrations: notes)
      try db.write { try $0.execute("INSERT INTO notes(body) VALUES ('saved')") }
      try db.backup(to: backup)
      try db.write { try $0.execute("INSERT INTO notes(body) VALUES ('later, then lost')") }
    }  // closed, as when the server has stopped
    let kept = try #require(try Database.restore(from: backup, into: path))
    #expect(!FileManager.default.fileExists(atPath: path + "-wal"))
    let restored = try Database(path: path, migrations: notes)
    #expect(
      try restored.read { try $0.query("SELECT body FROM notes").map { $0[0].string } } == ["saved"]
    )
    #expect(try count(kept) == 2)
    let replaced = try Connection(path: kept, readOnly: true)
    #expect(try replaced.scalar("PRAGMA integrity_check").string == "ok")
  }

  @Test func restoreRejectsAFileThatIsNotAGoodDatabase() throws {
    let dir = try directory()
    let path = dir.appendingPathComponent("live.sqlite").path
    do {
      let db = try Database(path: path, migrations: notes)
      try db.write { try $0.execute("INSERT INTO notes(body) VALUES ('kept')") }
    }
    let junk = dir.appendingPathComponent("junk.sqlite").path
    try Data(repeating: 0x41, count: 8192).write(to: URL(fileURLWithPath: junk))
    #expect(throws: StorageError.self) { try Database.restore(from: junk, into: path) }
    #expect(try count(path) == 1)
  }
}
