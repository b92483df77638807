import Crypto
import Foundation
import Storage

extension Academy {
  /// Sets a sign-in name and passphrase (≥ 12 characters), stored as PBKDF2 with a
  /// per-user salt.
  public func setPassphrase(userID: String, handle: String, passphrase: String) throws {
    if let problem = Passphrase.validate(passphrase) { throw AcademyError(problem) }
    let h = handle.lowercased().trimmingCharacters(in: .whitespaces)
    guard (3...40).contains(h.count),
      h.allSatisfy({ $0.isLetter || $0.isNumber || "._-".contains($0) })
    else {
      throw AcademyError("passphrase.badHandle")
    }
    let stored = Passphrase.hash(passphrase, iterations: policy.passphraseIterations)
    let now = self.now
    try database.write { c in
      if let other = try c.first("SELECT id FROM users WHERE handle = ? AND id <> ?", [h, userID]),
        other.string("id") != nil
      {
        throw AcademyError("passphrase.handleTaken")
      }
      try c.execute(
        "UPDATE users SET handle = ?, passphrase_hash = ? WHERE id = ?", [h, stored, userID])
      try Audit.record(c, at: now, actor: userID, action: "passphrase.set", subject: userID)
    }
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
