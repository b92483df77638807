import CSQLite

/// One SQLite connection with a cache of prepared statements. Not shared between threads:
/// `Database` hands a connection to one caller at a time.
public final class Connection {
  let handle: OpaquePointer
  private var statements: [String: OpaquePointer] = [:]

  init(path: String, readOnly: Bool) throws {
    var db: OpaquePointer?
    let flags =
      (readOnly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE)
      | SQLITE_OPEN_NOMUTEX
    let rc = sqlite3_open_v2(path, &db, flags, nil)
    guard rc == SQLITE_OK, let db else {
      let message = db.map { String(cString: sqlite3_errmsg($0)) } ?? "cannot open"
      if let db { sqlite3_close_v2(db) }
      throw StorageError(code: rc, message: "\(message) (\(path))")
    }
    handle = db
    sqlite3_busy_timeout(db, 5000)
    try execute("PRAGMA foreign_keys = ON")
    // Deleted or overwritten content is zeroed, not left in free space, so an erasure
    // leaves no bytes of the person behind (per connection, hence here).
    try execute("PRAGMA secure_delete = ON")
    // Reports scan whole tables: reading through a memory map avoids copying every page.
    try execute("PRAGMA mmap_size = 268435456")
  }

  deinit {
    for (_, s) in statements { sqlite3_finalize(s) }
    sqlite3_close_v2(handle)
  }

  /// Runs SQL without results (several statements allowed when there are no parameters).
  public func execute(_ sql: String, _ params: [ValueConvertible] = []) throws {
    if params.isEmpty && sql.contains(";") {
      var err: UnsafeMutablePointer<CChar>?
      let rc = sqlite3_exec(handle, sql, nil, nil, &err)
      if rc != SQLITE_OK {
        let msg = err.map { String(cString: $0) } ?? "error"
        sqlite3_free(err)
        throw StorageError(code: rc, message: msg, sql: sql)
      }
      return
    }
    _ = try run(sql, params, collect: false)
  }

  /// Runs a query and returns every row.
  public func query(_ sql: String, _ params: [ValueConvertible] = []) throws -> [Row] {
    try run(sql, params, collect: true)
  }

  /// The first row, or nil.
  public func first(_ sql: String, _ params: [ValueConvertible] = []) throws -> Row? {
    try query(sql, params).first
  }

  /// The first column of the first row.
  public func scalar(_ sql: String, _ params: [ValueConvertible] = []) throws -> Value {
    try query(sql, params).first?.values.first ?? .null
  }

  public var changes: Int { Int(sqlite3_changes(handle)) }
  public var lastInsertRowID: Int64 { sqlite3_last_insert_rowid(handle) }

  /// Runs `body` inside BEGIN IMMEDIATE … COMMIT; rolls back if it throws.
  public func transaction<T>(_ body: () throws -> T) throws -> T {
    try execute("BEGIN IMMEDIATE")
    do {
      let result = try body()
      try execute("COMMIT")
      return result
    } catch {
      try? execute("ROLLBACK")
      throw error
    }
  }

  private func prepare(_ sql: String) throws -> OpaquePointer {
    if let s = statements[sql] {
      sqlite3_reset(s)
      sqlite3_clear_bindings(s)
      return s
    }
    var stmt: OpaquePointer?
    let rc = sqlite3_prepare_v2(handle, sql, -1, &stmt, nil)
    guard rc == SQLITE_OK, let stmt else {
      throw StorageError(code: rc, message: String(cString: sqlite3_errmsg(handle)), sql: sql)
    }
    statements[sql] = stmt
    return stmt
  }

  /// Runs a query and hands each row to `body` as a cursor, without building `Row`s: for
  /// reports over tens of thousands of rows, where one array and a few strings per row add up.
  /// The cursor is valid only inside `body`.
  public func forEach(
    _ sql: String, _ params: [ValueConvertible] = [], _ body: (borrowing Cursor) throws -> Void
  ) throws {
    let stmt = try prepare(sql)
    defer { sqlite3_reset(stmt) }
    try bind(params, to: stmt, sql: sql)
    while true {
      let rc = sqlite3_step(stmt)
      if rc == SQLITE_DONE { break }
      guard rc == SQLITE_ROW else {
        throw StorageError(code: rc, message: String(cString: sqlite3_errmsg(handle)), sql: sql)
      }
      try body(Cursor(stmt: stmt))
    }
  }

  private func bind(_ params: [ValueConvertible], to stmt: OpaquePointer, sql: String) throws {
    for (i, p) in params.enumerated() {
      let idx = Int32(i + 1)
      let rc: Int32
      switch p.sqlValue {
      case .null: rc = sqlite3_bind_null(stmt, idx)
      case .integer(let v): rc = sqlite3_bind_int64(stmt, idx, v)
      case .real(let v): rc = sqlite3_bind_double(stmt, idx, v)
      case .text(let v): rc = sqlite3_bind_text(stmt, idx, v, -1, SQLITE_TRANSIENT)
      case .blob(let v):
        rc = v.withUnsafeBytes {
          sqlite3_bind_blob(stmt, idx, $0.baseAddress, Int32(v.count), SQLITE_TRANSIENT)
        }
      }
      guard rc == SQLITE_OK else {
        throw StorageError(code: rc, message: String(cString: sqlite3_errmsg(handle)), sql: sql)
      }
    }
  }

  private func run(_ sql: String, _ params: [ValueConvertible], collect: Bool) throws -> [Row] {
    let stmt = try prepare(sql)
    defer { sqlite3_reset(stmt) }
    try bind(params, to: stmt, sql: sql)
    var rows: [Row] = []
    let count = sqlite3_column_count(stmt)
    var names: [String] = []
    if collect {
      for i in 0..<count { names.append(String(cString: sqlite3_column_name(stmt, i))) }
    }
    while true {
      let rc = sqlite3_step(stmt)
      if rc == SQLITE_DONE { break }
      guard rc == SQLITE_ROW else {
        throw StorageError(code: rc, message: String(cString: sqlite3_errmsg(handle)), sql: sql)
      }
      guard collect else { continue }
      var values: [Value] = []
      values.reserveCapacity(Int(count))
      for i in 0..<count {
        switch sqlite3_column_type(stmt, i) {
        case SQLITE_INTEGER: values.append(.integer(sqlite3_column_int64(stmt, i)))
        case SQLITE_FLOAT: values.append(.real(sqlite3_column_double(stmt, i)))
        case SQLITE_TEXT: values.append(.text(String(cString: sqlite3_column_text(stmt, i))))
        case SQLITE_BLOB:
          let n = Int(sqlite3_column_bytes(stmt, i))
          if n == 0 {
            values.append(.blob([]))
          } else {
            let p = sqlite3_column_blob(stmt, i)!.assumingMemoryBound(to: UInt8.self)
            values.append(.blob(Array(UnsafeBufferPointer(start: p, count: n))))
          }
        default: values.append(.null)
        }
      }
      rows.append(Row(columns: names, values: values))
    }
    return rows
  }
}

// SQLite's "copy this buffer now" destructor constant, which Swift can't import as a macro.
let SQLITE_TRANSIENT = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
