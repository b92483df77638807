import Catalog
import Testing

@testable import Academy

@Test func inviteWorksOnceAndCreatesTheLearner() throws {
  let f = try AcademyFixture()
  let token = try f.academy.createInvite(createdBy: nil)
  let profile = Profile(
    displayName: " Amina ", locale: .fr, ageBand: "18-24", gender: "woman", disability: "bogus",
    consent: true)
  let u = try f.academy.redeem(token: token, profile: profile)
  #expect(u.displayName == "Amina")
  #expect(u.locale == .fr)
  #expect(u.ageBand == "18-24")
  #expect(u.disability == nil)  // unknown values are dropped, not stored
  #expect(throws: AcademyError("invite.invalid")) {
    try f.academy.redeem(token: token, profile: profile)
  }
}

@Test func inviteExpires() throws {
  let f = try AcademyFixture()
  let token = try f.academy.createInvite(createdBy: nil, days: 1)
  f.advance(days: 2)
  #expect(try f.academy.invite(token: token) == nil)
}

@Test func joiningNeedsConsentAndAName() throws {
  let f = try AcademyFixture()
  let token = try f.academy.createInvite(createdBy: nil)
  #expect(throws: AcademyError("join.consentNeeded")) {
    try f.academy.redeem(
      token: token, profile: Profile(displayName: "A", locale: .en, consent: false))
  }
  #expect(throws: AcademyError("join.nameInvalid")) {
    try f.academy.redeem(
      token: token, profile: Profile(displayName: "  ", locale: .en, consent: true))
  }
  #expect(try f.academy.invite(token: token) != nil)  // a refused attempt doesn't burn the link
}

@Test func tokensAreStoredOnlyAsHashes() throws {
  let f = try AcademyFixture()
  let u = try f.academy.createUser(role: .learner, displayName: "A")
  let session = try f.academy.startSession(userID: u.id)
  let invite = try f.academy.createInvite(createdBy: nil)
  let stored = try f.academy.database.read { c in
    try c.query("SELECT token_hash AS t FROM sessions UNION ALL SELECT token_hash FROM invites")
      .compactMap { $0.string("t") }
  }
  #expect(!stored.contains(session) && !stored.contains(invite))
  #expect(stored.contains(SecretToken.hash(session)))
}

@Test func sessionsExpireAndSignOutEverywhereEndsThemAll() throws {
  let f = try AcademyFixture()
  let staff = try f.academy.createUser(role: .trainer, displayName: "T")
  let a = try f.academy.startSession(userID: staff.id)
  let b = try f.academy.startSession(userID: staff.id)
  #expect(try f.academy.session(token: a)?.user.id == staff.id)
  try f.academy.endAllSessions(userID: staff.id)
  #expect(try f.academy.session(token: b) == nil)
  let c = try f.academy.startSession(userID: staff.id)
  f.advance(days: 8)  // staff sessions last 7 days
  #expect(try f.academy.session(token: c) == nil)
}

@Test func passphraseIsCheckedAndNeverStoredInClear() throws {
  let f = try AcademyFixture()
  let u = try f.academy.createUser(role: .manager, displayName: "M")
  #expect(throws: AcademyError("passphrase.tooShort")) {
    try f.academy.setPassphrase(userID: u.id, handle: "manager", passphrase: "short")
  }
  try f.academy.setPassphrase(
    userID: u.id, handle: "Manager", passphrase: "a long enough passphrase")
  #expect(
    try f.academy.verifyPassphrase(handle: "manager", passphrase: "a long enough passphrase")?.id
      == u.id)
  #expect(
    try f.academy.verifyPassphrase(handle: "manager", passphrase: "a long enough passphrasE") == nil
  )
  #expect(
    try f.academy.verifyPassphrase(handle: "nobody", passphrase: "a long enough passphrase") == nil)
  let stored = try f.academy.database.read {
    try $0.scalar("SELECT passphrase_hash FROM users WHERE id = ?", [u.id]).string
  }
  #expect(stored?.hasPrefix("pbkdf2-sha256$1000$") == true)
  #expect(stored?.contains("a long enough") == false)
}
