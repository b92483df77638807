import Academy

/// Who may use a route. Checked in one place (`App.dispatch`) for every route.
public enum Access: Sendable, Equatable {
  /// Anyone, signed in or not (catalog, certificates, sign-in, join).
  case anyone
  /// Any signed-in person.
  case signedIn
  /// Signed-in people with one of these roles.
  case roles(Set<Role>)

  public static let staff = Access.roles([.trainer, .manager, .admin])
  public static let trainers = Access.roles([.trainer, .admin])
  public static let managers = Access.roles([.manager, .admin])
  public static let admins = Access.roles([.admin])

  public func allows(_ role: Role?) -> Bool {
    switch self {
    case .anyone: return true
    case .signedIn: return role != nil
    case .roles(let set): return role.map(set.contains) ?? false
    }
  }
}

/// One row of the route table: method, pattern, who may call it, and the page.
public struct Route: Sendable {
  public var method: String
  public var pattern: String
  public var access: Access
  /// Slow work (PBKDF2, PDF, exports, database writes) runs off the event loop.
  public var offload: Bool
  public var bodyLimit: Int
  /// Anonymous GETs of this page are the same for everyone (per language): cache them.
  public var cacheAnonymous = false
  var handler: @Sendable (inout Context) throws -> HTTPResponseBox

  init(
    _ method: String, _ pattern: String, _ access: Access, offload: Bool? = nil,
    bodyLimit: Int = 64 * 1024,
    _ handler: @escaping @Sendable (inout Context) throws -> HTTPResponseBox
  ) {
    self.method = method
    self.pattern = pattern
    self.access = access
    self.offload = offload ?? (method == "POST")
    self.bodyLimit = bodyLimit
    self.handler = handler
  }

  /// The same route, with anonymous views served from the page cache.
  func cached() -> Route {
    var r = self
    r.cacheAnonymous = true
    return r
  }
}
