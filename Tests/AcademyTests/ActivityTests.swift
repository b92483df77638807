import Foundation
import Testing

@testable import Academy

/// The activity log's rules in the domain: a week to correct, only one's own, bounded
/// numbers, real topics, links that are links; and the outreach report's small groups.
@Suite struct ActivityTests {
  func today(_ f: AcademyFixture) -> Int64 { f.academy.now - f.academy.now % 86_400 }

  func post(_ f: AcademyFixture, reach: Int = 10, link: String? = nil) -> ActivityInput {
    var i = ActivityInput(
      day: today(f), kind: .post, platform: .tiktok, topic: .module("m"), link: link)
    i.reach = reach
    return i
  }

  @Test func anEntryCanBeCorrectedByItsInfluencerForSevenDaysOnly() throws {
    let f = try AcademyFixture()
    let a = f.academy
    let me = try a.createUser(role: .learner, displayName: "Me")
    let peer = try a.createUser(role: .learner, displayName: "Peer")
    let id = try a.logActivity(actor: me, post(f))
    #expect(throws: AcademyError.notFound) { try a.updateActivity(actor: peer, id: id, post(f)) }
    f.advance(days: 6)
    try a.updateActivity(actor: me, id: id, post(f, reach: 42))
    #expect(try a.activities(userID: me.id).map(\.input.reach) == [42])
    f.advance(days: 1)
    #expect(throws: AcademyError("activity.locked")) {
      try a.updateActivity(actor: me, id: id, post(f, reach: 1))
    }
    #expect(try a.activities(userID: me.id).map(\.input.reach) == [42])
  }

  @Test func whatCannotBeStoredIsRefusedWithItsReason() throws {
    let f = try AcademyFixture()
    let a = f.academy
    let me = try a.createUser(role: .learner, displayName: "Me")
    var future = post(f)
    future.day += 2 * 86_400
    #expect(throws: AcademyError("activity.dayInvalid")) { try a.logActivity(actor: me, future) }
    var topic = post(f)
    topic.topic = .briefing("none")
    #expect(throws: AcademyError("activity.topicInvalid")) { try a.logActivity(actor: me, topic) }
    #expect(throws: AcademyError("activity.countInvalid")) {
      try a.logActivity(actor: me, post(f, reach: -1))
    }
    #expect(throws: AcademyError("activity.countInvalid")) {
      try a.logActivity(actor: me, post(f, reach: ActivityInput.maxCount + 1))
    }
    for bad in [
      "javascript:alert(1)", "ftp://x.org/a", "https://", "https://x.org/a b",
      "https://x.org/\"><script>", "https://" + String(repeating: "a", count: 500),
    ] {
      #expect(throws: AcademyError("outreach.linkInvalid"), "\(bad)") {
        try a.logActivity(actor: me, post(f, link: bad))
      }
    }
    try a.logActivity(actor: me, post(f, link: "  HTTPS://www.tiktok.com/@me/video/1?x=2  "))
    #expect(
      try a.activities(userID: me.id).map(\.input.link) == [
        "HTTPS://www.tiktok.com/@me/video/1?x=2"
      ])
  }

  @Test func cohortsUnderFiveShowNoNumbersAndPlatformsUnderFivePeopleNeither() throws {
    let f = try AcademyFixture()
    let a = f.academy
    let admin = try a.ensureAdmin()
    let k = try a.createCohort(name: "Small", actor: admin)
    var people: [User] = []
    for i in 0..<6 {
      let u = try a.createUser(role: .learner, displayName: "L\(i)")
      try a.database.write {
        try $0.execute("INSERT INTO cohort_members(cohort_id, user_id) VALUES (?,?)", [k.id, u.id])
      }
      people.append(u)
    }
    for (i, u) in people.enumerated() {
      var p = post(f, reach: 100)
      if i == 0 { p.platform = .youtube }
      try a.logActivity(actor: u, p)
    }
    let r = try #require(
      try a.outreachReports(viewer: admin, cohortID: k.id, from: today(f), to: today(f)).first)
    #expect(!r.suppressed)
    #expect(r.weeks.map(\.reach) == [600])
    // YouTube has one person behind it; TikTok's five would give it away from the total.
    #expect(r.platforms.allSatisfy { $0.reach == nil })
    try a.eraseLearner(userID: people[0].id, actor: admin)
    try a.database.write {
      for u in people.prefix(2) {
        try $0.execute("DELETE FROM cohort_members WHERE user_id = ?", [u.id])
      }
    }
    let small = try #require(
      try a.outreachReports(viewer: admin, cohortID: k.id, from: today(f), to: today(f)).first)
    #expect(small.suppressed && small.weeks.isEmpty && small.reads == nil)
  }
}
