import Foundation
import Testing

@testable import Academy

/// Accounts (issue 16): a borrowed phone is not a taken account; sessions end when left
/// unused, sooner for staff; only the newest sign-in link works.
@Suite struct AccountSecurityTests {
  static let old = "the old passphrase here"
  static let new = "a brand new passphrase"

  /// A manager with a passphrase, signed in on three devices; returns the academy, the
  /// user and the three tokens.
  static func signedInThrice(_ f: AcademyFixture) throws -> (User, [String]) {
    let a = f.academy
    let u = try a.createUser(role: .manager, displayName: "M")
    try a.setPassphrase(userID: u.id, handle: "manager", passphrase: old)
    let tokens = try (0..<3).map { _ in try a.startSession(userID: u.id) }
    return (try #require(try a.user(u.id)), tokens)
  }

  @Test func changingThePassphraseLongAfterSignInNeedsTheCurrentOne() throws {
    let f = try AcademyFixture()
    let a = f.academy
    let (_, tokens) = try Self.signedInThrice(f)
    f.advance(minutes: 11)
    let session = try #require(try a.session(token: tokens[0]))
    for current in [nil, "", "not the passphrase at all"] {
      #expect(throws: AcademyError("passphrase.currentWrong")) {
        try a.changeSignIn(
          session: session, keepToken: tokens[0], handle: "thief", passphrase: Self.new,
          currentPassphrase: current)
      }
    }
    // Nothing changed, nobody was signed out.
    #expect(try a.verifyPassphrase(handle: "manager", passphrase: Self.old) != nil)
    #expect(try a.sessionCount(userID: session.user.id) == 3)
    try a.changeSignIn(
      session: session, keepToken: tokens[0], handle: "manager2", passphrase: Self.new,
      currentPassphrase: Self.old)
    #expect(try a.verifyPassphrase(handle: "manager2", passphrase: Self.new) != nil)
  }

  @Test func aRecentSignInMayChangeItWithoutTheCurrentOne() throws {
    let f = try AcademyFixture()
    let a = f.academy
    let (_, tokens) = try Self.signedInThrice(f)
    f.advance(minutes: 9)
    let session = try #require(try a.session(token: tokens[1]))
    try a.changeSignIn(
      session: session, keepToken: tokens[1], handle: "manager", passphrase: Self.new,
      currentPassphrase: nil)
    #expect(try a.verifyPassphrase(handle: "manager", passphrase: Self.new) != nil)
  }

  @Test func changingTheSignInEndsEveryOtherSessionOfTheUser() throws {
    let f = try AcademyFixture()
    let a = f.academy
    let (u, tokens) = try Self.signedInThrice(f)
    let other = try a.createUser(role: .learner, displayName: "Other")
    let otherToken = try a.startSession(userID: other.id)
    let session = try #require(try a.session(token: tokens[2]))
    try a.changeSignIn(
      session: session, keepToken: tokens[2], handle: "renamed", passphrase: Self.new,
      currentPassphrase: Self.old)
    #expect(try a.session(token: tokens[0]) == nil)
    #expect(try a.session(token: tokens[1]) == nil)
    #expect(try a.session(token: tokens[2])?.user.id == u.id)
    #expect(try a.session(token: otherToken)?.user.id == other.id)
  }

  @Test func aLearnerWithoutPassphraseSetsAFirstOneWithTheSessionAlone() throws {
    let f = try AcademyFixture()
    let a = f.academy
    let learner = try a.createUser(role: .learner, displayName: "L")
    let keep = try a.startSession(userID: learner.id)
    let stale = try a.startSession(userID: learner.id)
    f.advance(days: 30)
    let session = try #require(try a.session(token: keep))
    try a.changeSignIn(
      session: session, keepToken: keep, handle: "learner", passphrase: Self.new,
      currentPassphrase: nil)
    #expect(try a.verifyPassphrase(handle: "learner", passphrase: Self.new)?.id == learner.id)
    #expect(try a.session(token: stale) == nil)
  }

  @Test func staffSessionsEndAfter12HoursUnusedAndAWeekAtMost() throws {
    let f = try AcademyFixture()
    let a = f.academy
    let trainer = try a.createUser(role: .trainer, displayName: "T")
    let idle = try a.startSession(userID: trainer.id)
    let busy = try a.startSession(userID: trainer.id)
    // Used every 11 hours: alive; unused for 12: gone.
    for _ in 0..<10 {
      f.time.advance(seconds: 11 * 3_600)
      #expect(try a.session(token: busy) != nil)
    }
    #expect(try a.session(token: idle) == nil)
    f.time.advance(seconds: 3 * 86_400)  // > 7 days since sign-in, though used daily
    #expect(try a.session(token: busy) == nil)
  }

  @Test func learnerSessionsEndAfter90DaysUnused() throws {
    let f = try AcademyFixture()
    let a = f.academy
    let learner = try a.createUser(role: .learner, displayName: "L")
    let idle = try a.startSession(userID: learner.id)
    let busy = try a.startSession(userID: learner.id)
    f.advance(days: 60)
    #expect(try a.session(token: busy) != nil)
    f.advance(days: 60)
    #expect(try a.session(token: busy) != nil)  // 60 days since last use
    #expect(try a.session(token: idle) == nil)  // 120 days unused
    #expect(try a.sessionCount(userID: learner.id) == 1)  // and removed
  }

  @Test func sessionLifetimesFollowThePolicy() throws {
    var p = Academy.Policy()
    #expect(p.idleSeconds(.learner) == 90 * 86_400 && p.idleSeconds(.admin) == 12 * 3_600)
    #expect(p.sessionDays(.trainer) == 7)
    p.staffIdleSeconds = 3_600
    #expect(p.idleSeconds(.manager) == 3_600)
  }

  @Test func aNewSignInLinkVoidsTheOlderUnusedOnes() throws {
    let f = try AcademyFixture()
    let a = f.academy
    let admin = try a.ensureAdmin()
    let first = try a.createSignInLink(userID: admin.id, createdBy: nil)
    let second = try a.createSignInLink(userID: admin.id, createdBy: nil)
    #expect(try a.invite(token: first) == nil)
    #expect(try a.invite(token: second)?.userID == admin.id)
    #expect(throws: AcademyError("invite.invalid")) { try a.redeem(token: first, profile: nil) }
    #expect(try a.redeem(token: second, profile: nil).id == admin.id)
    // Another account's link and learners' invitations are not touched.
    let manager = try a.createUser(role: .manager, displayName: "M")
    let managerLink = try a.createSignInLink(userID: manager.id, createdBy: nil)
    let invite = try a.createInvite(createdBy: admin.id)
    _ = try a.createSignInLink(userID: admin.id, createdBy: nil)
    #expect(try a.invite(token: managerLink) != nil)
    #expect(try a.invite(token: invite) != nil)
  }
}
