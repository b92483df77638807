import Foundation
import Testing

@testable import Storage

private func tempPath() -> String {
  let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
    "relais-storage-\(UUID())")
  try! FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
  return dir.appendingPathComponent("t.sqlite").path
}

let notes = [
  Migration(1, "notes", "CREATE TABLE notes(id INTEGER PRIMARY KEY, body TEXT NOT NULL) STRICT")
]

@Test func migrationsRunOnceAndAreRecorded() throws {
  let path = tempPath()
  do {
    let db = try Database(path: path, migrations: notes)
    try db.write { try $0.execute("INSERT INTO notes(body) VALUES (?)", ["a"]) }
  }
  let db = try Database(
    path: path,
    migrations: notes + [Migration(2, "extra", "ALTER TABLE notes ADD COLUMN x INTEGER")])
  let versions = try db.read {
    try $0.query("SELECT version FROM schema_migrations ORDER BY version")
  }
  #expect(versions.map { $0[0].int } == [1, 2])
  #expect(try db.read { try $0.scalar("SELECT COUNT(*) FROM notes") }.int == 1)
}

@Test func databaseUsesWALAndForeignKeys() throws {
  let db = try Database(path: tempPath(), migrations: notes)
  #expect(try db.read { try $0.scalar("PRAGMA journal_mode") }.string == "wal")
  #expect(try db.read { try $0.scalar("PRAGMA foreign_keys") }.int == 1)
}

@Test func failedTransactionLeavesNothing() throws {
  let db = try Database(path: tempPath(), migrations: notes)
  #expect(throws: StorageError.self) {
    try db.write { c in
      try c.execute("INSERT INTO notes(body) VALUES ('kept?')")
      try c.execute("INSERT INTO notes(body) VALUES (NULL)")  // NOT NULL fails
    }
  }
  #expect(try db.read { try $0.scalar("SELECT COUNT(*) FROM notes") }.int == 0)
}

@Test func valuesRoundTrip() throws {
  let db = try Database(
    path: tempPath(),
    migrations: [Migration(1, "t", "CREATE TABLE t(a ANY, b ANY, c ANY, d ANY, e ANY)")])
  try db.write {
    try $0.execute(
      "INSERT INTO t VALUES (?,?,?,?,?)", [Value.null, 42, 2.5, "héllo", Value.blob([0, 255])])
  }
  let row = try db.read { try $0.first("SELECT * FROM t") }!
  #expect(row.values == [.null, .integer(42), .real(2.5), .text("héllo"), .blob([0, 255])])
}

@Test func backupAndRestoreCopyTheData() throws {
  let db = try Database(path: tempPath(), migrations: notes)
  try db.write { try $0.execute("INSERT INTO notes(body) VALUES ('saved')") }
  let backup = tempPath()
  try db.backup(to: backup)
  let restored = tempPath()
  try Database.restore(from: backup, into: restored)
  let copy = try Database(path: restored, migrations: notes)
  #expect(try copy.read { try $0.scalar("SELECT body FROM notes") }.string == "saved")
}

@Test func migrationWithALowerNumberAddedLaterStillRuns() throws {
  let path = tempPath()
  _ = try Database(
    path: path,
    migrations: notes + [Migration(30, "later area", "CREATE TABLE c(x INTEGER) STRICT")])
  let db = try Database(
    path: path,
    migrations: notes + [
      Migration(10, "other area", "CREATE TABLE b(x INTEGER) STRICT"),
      Migration(30, "later area", "CREATE TABLE c(x INTEGER) STRICT"),
    ])
  let versions = try db.read {
    try $0.query("SELECT version FROM schema_migrations ORDER BY version")
  }
  #expect(versions.map { $0[0].int } == [1, 10, 30])
}

@Test func cursorReadsEachRowByPosition() throws {
  let db = try Database(
    path: tempPath(),
    migrations: [Migration(1, "t", "CREATE TABLE t(i INTEGER, r REAL, s TEXT) STRICT")])
  try db.write {
    try $0.execute("INSERT INTO t VALUES (1, 0.5, 'héllo'), (2, NULL, NULL), (3, 1.5, '')")
  }
  var seen: [String] = []
  try db.read { c in
    try c.forEach("SELECT i, r, s FROM t WHERE i >= ? ORDER BY i", [2]) { row in
      let n = row.withText(2) { $0?.count }
      seen.append(
        "\(row.int(0) ?? -1) \(row.double(1).map { "\($0)" } ?? "nil") \(row.string(2) ?? "nil") \(n.map(String.init) ?? "nil") \(row.isNull(1))"
      )
    }
  }
  #expect(seen == ["2 nil nil nil true", "3 1.5  0 false"])
  var plain: [String] = []
  try db.read { c in
    try c.forEach("SELECT i, r FROM t ORDER BY i") {
      plain.append("\($0.integer(0)) \($0.real(1))")
    }
  }
  #expect(plain == ["1 0.5", "2 0.0", "3 1.5"])
}

@Test func cursorErrorsKeepTheStatementReusable() throws {
  let db = try Database(path: tempPath(), migrations: notes)
  try db.write { try $0.execute("INSERT INTO notes(body) VALUES ('a'), ('b')") }
  struct Stop: Error {}
  let sql = "SELECT body FROM notes ORDER BY id"
  try db.read { c in
    #expect(throws: Stop.self) { try c.forEach(sql) { _ in throw Stop() } }
    var bodies: [String] = []
    try c.forEach(sql) { bodies.append($0.string(0) ?? "") }
    #expect(bodies == ["a", "b"])
  }
}
