import Crypto
import Foundation
import Storage

extension Academy {
  /// Sets a sign-in name and passphrase (≥ 12 characters), stored as PBKDF2 with a
  /// per-user salt. No check of who asks: for setup and tests; people use `changeSignIn`.
  public func setPassphrase(userID: String, handle: String, passphrase: String) throws {
    let (h, stored) = try Self.checkedSignIn(handle, passphrase, policy.passphraseIterations)
    let now = self.now
    try database.write { c in
      try Self.store(c, userID: userID, handle: h, hash: stored, now: now)
    }
  }

  /// A person changes their own sign-in name and passphrase. If they already have a
  /// passphrase, they must type it, or have signed in within `Policy.recentSignInSeconds`
  /// (a phone borrowed for a minute is not a taken account). A first passphrase needs only
  /// the session: there is nothing else to check it against. Every other session of the
  /// user ends (a thief signed in elsewhere is signed out); `keepToken`'s stays.
  public func changeSignIn(
    session: Session, keepToken: String, handle: String, passphrase: String,
    currentPassphrase: String?
  ) throws {
    let userID = session.user.id
    let now = self.now
    if session.user.hasPassphrase, now - session.startedAt > policy.recentSignInSeconds {
      let stored = try database.read {
        try $0.scalar("SELECT passphrase_hash FROM users WHERE id = ?", [userID]).string
      }
      guard let current = currentPassphrase, !current.isEmpty, let stored,
        Passphrase.verify(current, stored: stored)
      else { throw AcademyError("passphrase.currentWrong") }
    }
    let (h, stored) = try Self.checkedSignIn(handle, passphrase, policy.passphraseIterations)
    try database.write { c in
      try Self.store(c, userID: userID, handle: h, hash: stored, now: now)
      try c.execute(
        "DELETE FROM sessions WHERE user_id = ? AND token_hash <> ?",
        [userID, SecretToken.hash(keepToken)])
    }
  }

  static func checkedSignIn(_ handle: String, _ passphrase: String, _ iterations: Int) throws
    -> (String, String)
  {
    if let problem = Passphrase.validate(passphrase) { throw AcademyError(problem) }
    let h = handle.lowercased().trimmingCharacters(in: .whitespaces)
    guard (3...40).contains(h.count),
      h.allSatisfy({ $0.isLetter || $0.isNumber || "._-".contains($0) })
    else {
      throw AcademyError("passphrase.badHandle")
    }
    return (h, Passphrase.hash(passphrase, iterations: iterations))
  }

  static func store(_ c: Connection, userID: String, handle h: String, hash: String, now: Int64)
    throws
  {
    if let other = try c.first("SELECT id FROM users WHERE handle = ? AND id <> ?", [h, userID]),
      other.string("id") != nil
    {
      throw AcademyError("passphrase.handleTaken")
    }
    try c.execute(
      "UPDATE users SET handle = ?, passphrase_hash = ? WHERE id = ?", [h, hash, userID])
    try Audit.record(c, at: now, actor: userID, action: "passphrase.set", subject: userID)
  }

  /// The user whose sign-in name and passphrase these are. Always runs PBKDF2 (against a
  /// dummy when the name is unknown) so timing doesn't reveal which names exist.
  public func verifyPassphrase(handle: String, passphrase: String) throws -> User? {
    let row = try database.read { c in
      try c.first(
        "SELECT \(User.columns) FROM users WHERE handle = ? AND erased_at IS NULL",
        [handle.lowercased()])
    }
    let stored = row?.string("passphrase_hash") ?? dummyPassphraseHash
    let ok = Passphrase.verify(passphrase, stored: stored)
    guard ok, let row, row.string("passphrase_hash") != nil else { return nil }
    return User(row: row)
  }

  public func handle(userID: String) throws -> String? {
    try database.read { try $0.scalar("SELECT handle FROM users WHERE id = ?", [userID]).string }
  }
}
