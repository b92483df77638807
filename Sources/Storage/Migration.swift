/// A numbered, forward-only schema change.
public struct Migration: Sendable {
  public var version: Int
  public var name: String
  public var sql: String
  public init(_ version: Int, _ name: String, _ sql: String) {
    self.version = version
    self.name = name
    self.sql = sql
  }
}

enum Migrator {
  /// Applies the migrations newer than the database, each inside the same transaction as
  /// its `schema_migrations` row, so a crash never leaves half a migration.
  static func run(_ migrations: [Migration], on c: Connection) throws {
    try c.execute(
      """
      CREATE TABLE IF NOT EXISTS schema_migrations(
        version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL) STRICT
      """)
    let current = try c.scalar("SELECT COALESCE(MAX(version), 0) FROM schema_migrations").int ?? 0
    for m in migrations.sorted(by: { $0.version < $1.version }) where m.version > current {
      try c.transaction {
        try c.execute(m.sql)
        try c.execute(
          "INSERT INTO schema_migrations(version, name, applied_at) VALUES (?, ?, strftime('%s','now'))",
          [m.version, m.name])
      }
    }
  }
}
