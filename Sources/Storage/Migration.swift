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
  /// Applies every migration the database hasn't recorded, in version order, each inside
  /// the same transaction as its `schema_migrations` row, so a crash never leaves half a
  /// migration. (Not only those above the highest: areas own separate version ranges.)
  static func run(_ migrations: [Migration], on c: Connection) throws {
    try c.execute(
      """
      CREATE TABLE IF NOT EXISTS schema_migrations(
        version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL) STRICT
      """)
    let applied = Set(try c.query("SELECT version FROM schema_migrations").compactMap { $0[0].int })
    for m in migrations.sorted(by: { $0.version < $1.version }) where !applied.contains(m.version) {
      try c.transaction {
        try c.execute(m.sql)
        try c.execute(
          "INSERT INTO schema_migrations(version, name, applied_at) VALUES (?, ?, strftime('%s','now'))",
          [m.version, m.name])
      }
    }
  }
}
