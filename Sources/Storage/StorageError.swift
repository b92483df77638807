/// A SQLite failure with its code and message.
public struct StorageError: Error, Sendable, CustomStringConvertible {
  public var code: Int32
  public var message: String
  public var sql: String?

  public var description: String {
    "sqlite error \(code): \(message)" + (sql.map { " in: \($0.prefix(120))" } ?? "")
  }

  /// A UNIQUE or PRIMARY KEY constraint failed (SQLITE_CONSTRAINT).
  public var isConstraintViolation: Bool { code & 0xff == 19 }
}
