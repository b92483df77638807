import Catalog
import Foundation
import Storage

/// A one-time link: either an invitation to create an account, or (with `userID`) a
/// sign-in link for an existing account (the admin's first link).
public struct Invite: Sendable {
  public var role: Role
  public var userID: String?
  public var cohortID: String?
  public var displayName: String?
  public var locale: Language?
  public var expiresAt: Int64
}

extension Academy {
  /// Creates an invite and returns its token (shown once; only the hash is kept).
  public func createInvite(
    role: Role = .learner, cohortID: String? = nil, displayName: String? = nil,
    locale: Language? = nil, createdBy: String?, userID: String? = nil, days: Int? = nil
  ) throws -> String {
    let token = SecretToken.make()
    let now = self.now
    let expires = now + Int64(days ?? policy.inviteDays) * 86_400
    try database.write { c in
      try c.execute(
        """
        INSERT INTO invites(token_hash, role, user_id, cohort_id, display_name, locale, created_by, created_at, expires_at)
        VALUES (?,?,?,?,?,?,?,?,?)
        """,
        [
          SecretToken.hash(token), role.rawValue, userID, cohortID, displayName, locale?.rawValue,
          createdBy, now, expires,
        ])
      try Audit.record(
        c, at: now, actor: createdBy,
        action: userID == nil ? "invite.create" : "signin-link.create", subject: cohortID ?? userID,
        detail: role.rawValue)
    }
    return token
  }

  /// A one-time sign-in link for an existing account. It voids the account's older unused
  /// links: only the newest works (every `relais serve` prints a new admin link; one left
  /// in an old terminal log or chat must not stay a way in).
  public func createSignInLink(userID: String, createdBy: String?, hours: Int = 24) throws -> String
  {
    guard let u = try user(userID) else { throw AcademyError.notFound }
    let token = SecretToken.make()
    let now = self.now
    try database.write { c in
      try c.execute("DELETE FROM invites WHERE user_id = ? AND used_at IS NULL", [userID])
      try c.execute(
        "INSERT INTO invites(token_hash, role, user_id, created_by, created_at, expires_at) VALUES (?,?,?,?,?,?)",
        [
          SecretToken.hash(token), u.role.rawValue, userID, createdBy, now,
          now + Int64(hours) * 3600,
        ])
    }
    return token
  }

  /// The invite behind a token, if unused and unexpired.
  public func invite(token: String) throws -> Invite? {
    let now = self.now
    return try database.read { c in
      try c.first(
        "SELECT role, user_id, cohort_id, display_name, locale, expires_at FROM invites WHERE token_hash = ? AND used_at IS NULL AND expires_at > ?",
        [SecretToken.hash(token), now]
      ).map {
        Invite(
          role: Role(rawValue: $0.string("role") ?? "") ?? .learner, userID: $0.string("user_id"),
          cohortID: $0.string("cohort_id"), displayName: $0.string("display_name"),
          locale: $0.string("locale").flatMap(Language.init(rawValue:)),
          expiresAt: Int64($0.int("expires_at") ?? 0))
      }
    }
  }

  /// Uses an invite: creates the account (or, for a sign-in link, finds it) and marks the
  /// invite used in the same transaction, so a link works exactly once.
  public func redeem(token: String, profile: Profile?) throws -> User {
    let now = self.now
    let hash = SecretToken.hash(token)
    let userID: String = try database.write { c in
      guard
        let row = try c.first(
          "SELECT role, user_id, cohort_id FROM invites WHERE token_hash = ? AND used_at IS NULL AND expires_at > ?",
          [hash, now])
      else { throw AcademyError("invite.invalid") }
      let id: String
      if let existing = row.string("user_id") {
        id = existing
      } else {
        guard let p = profile else { throw AcademyError("invite.profileNeeded") }
        let name = p.displayName.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !name.isEmpty, name.count <= 80 else { throw AcademyError("join.nameInvalid") }
        guard p.consent else { throw AcademyError("join.consentNeeded") }
        id = RandomID.make()
        try c.execute(
          """
          INSERT INTO users(id, role, display_name, locale, age_band, gender, disability, consent_at, created_at)
          VALUES (?,?,?,?,?,?,?,?,?)
          """,
          [
            id, row.string("role") ?? "learner", name, p.locale.rawValue,
            p.ageBand.flatMap { Profile.ageBands.contains($0) ? $0 : nil },
            p.gender.flatMap { Profile.genders.contains($0) ? $0 : nil },
            p.disability.flatMap { Profile.disabilities.contains($0) ? $0 : nil }, now, now,
          ])
        if let cohort = row.string("cohort_id") {
          try c.execute(
            "INSERT OR IGNORE INTO cohort_members(cohort_id, user_id) VALUES (?,?)", [cohort, id])
        }
        try Audit.record(
          c, at: now, actor: id, action: "invite.redeem", subject: row.string("cohort_id"))
      }
      try c.execute(
        "UPDATE invites SET used_at = ?, used_by = ? WHERE token_hash = ?", [now, id, hash])
      return id
    }
    guard let joined = try user(userID) else { throw AcademyError.notFound }
    return joined
  }
}
