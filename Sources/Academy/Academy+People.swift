import Catalog
import Storage

extension Academy {
  public func user(_ id: String) throws -> User? {
    try database.read { c in
      try c.first("SELECT \(User.columns) FROM users WHERE id = ?", [id]).map(User.init)
    }
  }

  /// Creates a staff or learner account directly (admin bootstrap, tests, demo data).
  @discardableResult
  public func createUser(
    role: Role, displayName: String, locale: Language = .reference, actor: String? = nil
  ) throws -> User {
    let id = RandomID.make()
    let now = self.now
    try database.write { c in
      try c.execute(
        "INSERT INTO users(id, role, display_name, locale, created_at) VALUES (?,?,?,?,?)",
        [id, role.rawValue, displayName, locale.rawValue, now])
      if actor != nil || role != .learner {
        try Audit.record(
          c, at: now, actor: actor, action: "user.create", subject: id, detail: role.rawValue)
      }
    }
    guard let made = try user(id) else { throw AcademyError.notFound }
    return made
  }

  /// The first admin, created on first start.
  public func ensureAdmin() throws -> User {
    if let row = try database.read({
      try $0.first(
        "SELECT \(User.columns) FROM users WHERE role = 'admin' AND erased_at IS NULL ORDER BY created_at LIMIT 1"
      )
    }) {
      return User(row: row)
    }
    return try createUser(role: .admin, displayName: "Admin")
  }

  public func updatePreferences(userID: String, locale: Language) throws {
    try database.write { c in
      try c.execute("UPDATE users SET locale = ? WHERE id = ?", [locale.rawValue, userID])
    }
  }
}
