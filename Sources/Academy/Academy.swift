import Catalog
import Crypto
import Foundation
import Storage
import Synchronization

/// The programme's domain: people, progress, attempts, certificates, refreshers, reports.
/// Every method is a short transaction over the database; content comes from the catalog.
public final class Academy: Sendable {
  public let database: Database
  public let content: CatalogStore
  let clock: @Sendable () -> Int64

  public struct Policy: Sendable {
    /// Session lifetimes, absolute (from sign-in) and idle (since last use). Learners keep a
    /// long-lived session, since the cookie is often their only key (no passphrase), but one
    /// left unused for 90 days ends; staff see other people's data, so theirs end after a
    /// working day unused and a week at most. `relais serve` options change them.
    public var learnerSessionDays = 365
    public var learnerIdleSeconds: Int64 = 90 * 86_400
    public var staffSessionDays = 7
    public var staffIdleSeconds: Int64 = 12 * 3_600
    /// Changing a sign-in name or passphrase without the current passphrase is allowed only
    /// this soon after signing in (the session's start).
    public var recentSignInSeconds: Int64 = 10 * 60
    public var inviteDays = 14
    /// PBKDF2 iterations for passphrases (tests pass a low number).
    public var passphraseIterations = 210_000
    public init() {}

    public func sessionDays(_ role: Role) -> Int {
      role == .learner ? learnerSessionDays : staffSessionDays
    }
    public func idleSeconds(_ role: Role) -> Int64 {
      role == .learner ? learnerIdleSeconds : staffIdleSeconds
    }
  }

  public let policy: Policy
  /// Verified against when a sign-in name is unknown, at the same cost as a real one.
  /// Made on first use: PBKDF2 at full strength would slow every start.
  var dummyPassphraseHash: String {
    dummyHash.withLock { cached in
      if let h = cached { return h }
      let h = Passphrase.hash(SecretToken.make(), iterations: policy.passphraseIterations)
      cached = h
      return h
    }
  }
  private let dummyHash = Mutex<String?>(nil)

  public init(
    databasePath: String, content: CatalogStore, policy: Policy = Policy(),
    clock: @escaping @Sendable () -> Int64 = { Int64(Date().timeIntervalSince1970) }
  ) throws {
    database = try Database(path: databasePath, migrations: Schema.migrations)
    self.content = content
    self.policy = policy
    self.clock = clock
  }

  public var now: Int64 { clock() }
  public var catalog: Catalog { content.catalog }

  public func close() { database.close() }
}

/// Something a person asked for that can't be done, with a key the interface translates.
public struct AcademyError: Error, Sendable, Equatable {
  public var key: String
  public var detail: String
  public init(_ key: String, _ detail: String = "") {
    self.key = key
    self.detail = detail
  }

  public static let notFound = AcademyError("error.notFound")
  public static let forbidden = AcademyError("error.forbidden")
}
