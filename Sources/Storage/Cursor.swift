import CSQLite

/// The current row of a query run by `Connection.forEach`: columns read straight from
/// SQLite by position. Text read through `withText` is borrowed, not copied.
public struct Cursor: ~Copyable {
  let stmt: OpaquePointer

  public func isNull(_ i: Int32) -> Bool { sqlite3_column_type(stmt, i) == SQLITE_NULL }

  /// The column as an integer; nil when NULL.
  public func int(_ i: Int32) -> Int? {
    isNull(i) ? nil : Int(sqlite3_column_int64(stmt, i))
  }

  /// A NOT NULL integer column, read in one call (NULL reads as 0, as SQLite converts it).
  public func integer(_ i: Int32) -> Int { Int(sqlite3_column_int64(stmt, i)) }

  /// A NOT NULL real column, read in one call (NULL reads as 0).
  public func real(_ i: Int32) -> Double { sqlite3_column_double(stmt, i) }

  public func int64(_ i: Int32) -> Int64? {
    isNull(i) ? nil : sqlite3_column_int64(stmt, i)
  }

  public func double(_ i: Int32) -> Double? {
    isNull(i) ? nil : sqlite3_column_double(stmt, i)
  }

  /// The column as text (numbers converted as SQLite does); nil when NULL.
  public func string(_ i: Int32) -> String? {
    withText(i) { $0.map { String(decoding: $0, as: UTF8.self) } }
  }

  /// The column's UTF-8 bytes, valid only inside `body`; nil when NULL.
  public func withText<T>(_ i: Int32, _ body: (UnsafeBufferPointer<UInt8>?) throws -> T) rethrows
    -> T
  {
    guard let p = sqlite3_column_text(stmt, i) else { return try body(nil) }
    let n = Int(sqlite3_column_bytes(stmt, i))
    return try body(UnsafeBufferPointer(start: p, count: n))
  }
}
