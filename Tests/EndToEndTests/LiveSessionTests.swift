import Academy
import Foundation
import Testing

/// Live refresher sessions over real sockets: a manager schedules one, the invited learner
/// sees it and downloads the calendar file, a trainer of the cohort marks them present on
/// a plain form, the attendance shows on the record, the learner's data, the export and
/// the dashboard, the refresher quiz opens to those who came, and erasure keeps only counts.
@Suite(.serialized) struct LiveSessionTests {
  /// A learner joined to `cohort` through the manager's invitation link; returns their
  /// client and id.
  static func join(
    _ server: TestServer, _ manager: TestHTTPClient, cohort: String, name: String
  ) throws -> (TestHTTPClient, String) {
    let invited = try manager.post("/manage/cohorts/\(cohort)/invites", [("lines", "\(name), en")])
    let link = try #require(invited.body.capture("readonly value=\"(http[^\"]+/join/[^\"]+)\""))
    let path = String(link[try #require(link.range(of: "/join/")).lowerBound...])
    let c = server.client()
    _ = try c.get(path)
    #expect(try c.post(path, [("name", name), ("locale", "en"), ("consent", "yes")]).status == 303)
    let export = try c.get("/me/export.json")
    let id = try #require(
      export.body.capture("\"hasPassphrase\" : (?:true|false),\\s*\"id\" : \"([^\"]+)\""))
    return (c, id)
  }

  @Test func scheduleInviteCalendarAttendanceQuizAndErasure() throws {
    let server = try TestServer()
    defer { server.stop() }
    let (manager, managerUser) = try ManageTests.staffClient(server, role: .manager, name: "Grace")
    let cohort = try ManageTests.createCohort(manager, "Dadaab creators")
    let otherCohort = try ManageTests.createCohort(manager, "Elsewhere")
    let (learner, learnerID) = try Self.join(server, manager, cohort: cohort, name: "Amina Diallo")
    let (outsider, _) = try Self.join(server, manager, cohort: otherCohort, name: "Not Invited")
    let (trainer, trainerUser) = try ManageTests.staffClient(server, role: .trainer, name: "Tom")
    let (stranger, _) = try ManageTests.staffClient(server, role: .trainer, name: "Stranger")
    let admin = try server.academy.ensureAdmin()
    try server.academy.attachStaff(cohortID: cohort, userID: trainerUser.id, actor: admin)
    _ = managerUser

    // Scheduling: bad input is a 400 with the reason, a good form a session.
    let noWhere = try manager.post(
      "/manage/sessions",
      [
        ("title", "X"), ("date", "2030-12-10"), ("time", "14:30"), ("module", "fact-checking"),
        ("cohort", cohort),
      ])
    #expect(noWhere.status == 400 && noWhere.body.contains("Give a place or a call link"))
    let script = try manager.post(
      "/manage/sessions",
      [
        ("title", "X"), ("date", "2030-12-10"), ("time", "14:30"), ("link", "javascript:alert(1)"),
        ("module", "fact-checking"), ("cohort", cohort),
      ])
    #expect(script.status == 400)
    let title = "Refresher, fact-checking; part 2 \\ <b>"
    let place = "Community hall, room 3 — next to the market and the water point, Dadaab camp"
    let made = try manager.post(
      "/manage/sessions",
      [
        ("title", title), ("date", "2030-12-10"), ("time", "14:30"), ("minutes", "90"),
        ("place", place), ("link", "https://meet.example.org/abc"), ("capacity", "30"),
        ("module", "fact-checking"), ("cohort", cohort),
      ])
    #expect(made.status == 303)
    let id = String(try #require(made.location?.split(separator: "/").last))
    #expect(try manager.get("/manage/cohorts/\(cohort)").body.contains("/sessions/\(id)"))
    #expect(!(try manager.get("/manage/cohorts/\(otherCohort)").body.contains("/sessions/\(id)")))

    // The invited learner sees it at home, the other cohort's learner doesn't (and gets 404).
    let home = try learner.get("/")
    #expect(home.body.contains("Refresher, fact-checking; part 2 \\ &lt;b&gt;"))
    #expect(home.body.contains("/sessions/\(id)/calendar.ics"))
    #expect(!home.body.contains("<b>"))
    #expect(!(try outsider.get("/").body.contains("/sessions/\(id)")))
    #expect(try outsider.get("/sessions/\(id)").status == 404)
    #expect(try outsider.get("/sessions/\(id)/calendar.ics").status == 404)

    // The calendar file: RFC 5545 text escaping, UTC times, CRLF lines of at most 75 octets.
    let ics = try learner.get("/sessions/\(id)/calendar.ics")
    #expect(ics.status == 200)
    #expect(ics.header("Content-Type")?.hasPrefix("text/calendar") == true)
    #expect(ics.body.contains("DTSTART:20301210T143000Z\r\n"))
    #expect(ics.body.contains("DTEND:20301210T160000Z\r\n"))
    let unfolded = ics.body.replacingOccurrences(of: "\r\n ", with: "")
    #expect(unfolded.contains("SUMMARY:Refresher\\, fact-checking\\; part 2 \\\\ <b>\r\n"))
    #expect(unfolded.contains("LOCATION:Community hall\\, room 3 — next to the market"))
    #expect(unfolded.contains("URL:https://meet.example.org/abc\r\n"))
    let lines = ics.body.components(separatedBy: "\r\n")
    #expect(lines.allSatisfy { $0.utf8.count <= 75 })
    #expect(lines.contains { $0.hasPrefix(" ") })  // the long location was folded
    #expect(!ics.body.replacingOccurrences(of: "\r\n", with: "").contains("\n"))

    // The trainer of the cohort marks the learner present, one form per person.
    let roll = try trainer.get("/sessions/\(id)")
    #expect(roll.status == 200 && roll.body.contains("Amina Diallo"))
    #expect(!roll.body.contains("Not Invited"))
    #expect(!roll.body.contains("/sessions/\(id)/quiz"))  // opening the quiz is the manager's
    #expect(roll.body.contains("aria-pressed=\"false\""))
    let marked = try trainer.post(
      "/sessions/\(id)/attendance", [("user", learnerID), ("present", "1")])
    #expect(marked.status == 303 && marked.location?.contains("#p-\(learnerID)") == true)
    let after = try trainer.get("/sessions/\(id)")
    #expect(after.body.contains("1 of 1 invited learners marked present"))
    #expect(after.body.contains("aria-pressed=\"true\""))
    // Someone else's trainer can't, and can't tell the session exists.
    #expect(try stranger.get("/sessions/\(id)").status == 404)
    #expect(
      try stranger.post("/sessions/\(id)/attendance", [("user", learnerID), ("present", "0")])
        .status == 404)
    // A learner can't mark anyone (the route is for staff).
    #expect(
      try learner.post("/sessions/\(id)/attendance", [("user", learnerID), ("present", "1")])
        .status == 403)

    // The attendance shows everywhere it should.
    #expect(
      try manager.get("/manage/learners/\(learnerID)").body.contains("Live sessions attended"))
    #expect(try manager.get("/manage/learners/\(learnerID)").body.contains("fact-checking; part 2"))
    #expect(try learner.get("/me").body.contains("fact-checking; part 2"))
    let mine = try learner.get("/me/export.json")
    #expect(mine.body.contains("\"liveSessionsAttended\""))
    #expect(mine.body.contains("2030-12-10T14:30:00Z"))
    let csv = try manager.get("/manage/export/attendance.csv")
    #expect(csv.status == 200)
    #expect(csv.body.contains("\(id),"))
    #expect(csv.body.contains("\(learnerID),Amina Diallo,1"))
    let dashboard = try manager.get("/manage")
    #expect(dashboard.body.contains("/sessions/\(id)"))
    #expect(dashboard.body.contains("<td>30</td><td>1</td>"))

    // Opening the refresher quiz gives the learner who came a refresher assignment.
    #expect(!(try learner.get("/").body.contains("kind=refresher")))
    #expect(try trainer.post("/sessions/\(id)/quiz", [("due", "2031-01-01")]).status == 403)
    #expect(try manager.post("/sessions/\(id)/quiz", [("due", "2031-01-01")]).status == 303)
    #expect(try learner.get("/").body.contains("/modules/fact-checking/quiz?kind=refresher"))
    #expect(try manager.get("/sessions/\(id)").body.contains("Opened on"))

    // Erasure: the row naming the learner goes, the session still counts one attendee.
    #expect(
      try manager.post("/manage/learners/\(learnerID)/erase", [("confirm", "yes")]).status == 303)
    #expect(try server.academy.attendance(userID: learnerID).isEmpty)
    let s = try server.academy.liveSession(id, visibleTo: admin, for: .viewCohort)
    #expect(s.attended == 1)
    #expect(!(try manager.get("/manage/export/attendance.csv").body.contains(learnerID)))
  }

  @Test func dashboardOpensWithTheOverviewAndEachNumberLinksToItsPeople() throws {
    let server = try TestServer()
    defer { server.stop() }
    let (manager, _) = try ManageTests.staffClient(server, role: .manager, name: "Grace")
    let cohort = try ManageTests.createCohort(manager, "Overview cohort")
    _ = try Self.join(server, manager, cohort: cohort, name: "Late Learner")
    _ = try Self.join(server, manager, cohort: cohort, name: "Other Learner")
    #expect(
      try manager.post(
        "/manage/cohorts/\(cohort)/assignments",
        [("module", "fact-checking"), ("user", ""), ("due", "2020-01-01")]
      ).status == 303)

    let page = try manager.get("/manage?cohort=\(cohort)&period=90").body
    // The overview comes before the details, and every number is a link to its list.
    let tiles = try #require(page.range(of: "class=\"tiles\""))
    let funnel = try #require(page.range(of: "From invitation to certificate"))
    #expect(tiles.lowerBound < funnel.lowerBound)
    #expect(page.contains("active in the last 90 days"))
    #expect(
      page.contains("href=\"/manage/matrix?show=overdue&amp;cohort=\(cohort)&amp;period=90\""))
    #expect(page.contains("<span class=\"n\">2</span> <span class=\"l\">are overdue</span>"))
    #expect(page.contains("Needs action now") && page.contains("2 learners are overdue"))
    #expect(page.contains("Knowledge gain"))
    // Each funnel once, as one table (no chart repeating the same numbers).
    #expect(!page.contains("Learners at each step"))
    // The running week is marked as such, in the chart and in its table.
    #expect(page.contains("stroke-dasharray") && page.contains("this week so far"))
    // Wide tables scroll inside a named, focusable region.
    #expect(
      page.contains(
        "class=\"scroll\" role=\"region\" tabindex=\"0\" aria-label=\"Completion by learner\""))

    let overdue = try manager.get("/manage/matrix?show=overdue&cohort=\(cohort)").body
    #expect(overdue.contains("Learners who are overdue"))
    #expect(overdue.contains("Late Learner") && overdue.contains("Other Learner"))
    let certified = try manager.get("/manage/matrix?show=certified&cohort=\(cohort)").body
    #expect(certified.contains("0 learners"))
    #expect(!certified.contains("Late Learner"))
    // An unknown filter is ignored, not an error.
    #expect(try manager.get("/manage/matrix?show=%00&period=-1").status == 200)
  }
}
