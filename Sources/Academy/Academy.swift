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
    /// Learners keep a long-lived session: the cookie is their key.
    public var learnerSessionDays = 365
    public var staffSessionDays = 7
    public var inviteDays = 14
    /// PBKDF2 iterations for passphrases (tests pass a low number).
    public var passphraseIterations = 210_000
    public init() {}
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
