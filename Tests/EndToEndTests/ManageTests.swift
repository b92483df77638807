import Academy
import Catalog
import Foundation
import GIFT
import Testing

/// The manager's work over real sockets: cohorts, invitations, assignments, refreshers,
/// the dashboard and its exports, who may see what, and erasure.
@Suite(.serialized) struct ManageTests {
  /// A staff member signed in through a one-time link, as a person would.
  static func staffClient(_ server: TestServer, role: Role, name: String) throws -> (
    TestHTTPClient, User
  ) {
    let user = try server.academy.createUser(role: role, displayName: name)
    let token = try server.academy.createSignInLink(userID: user.id, createdBy: nil)
    let c = server.client()
    _ = try c.get("/signin/link/\(token)")
    let r = try c.post("/signin/link/\(token)", [])
    guard r.status == 303 else {
      throw TestHTTPClient.ClientError(description: "sign-in failed: \(r.status)")
    }
    return (c, user)
  }

  static func createCohort(_ c: TestHTTPClient, _ name: String) throws -> String {
    let r = try c.post("/manage/cohorts", [("name", name)])
    #expect(r.status == 303)
    return String(try #require(r.location?.split(separator: "/").last))
  }

  @Test func managerCreatesCohortInvitesTenAssignsIssuesRefresherAndReadsReports() throws {
    let server = try TestServer()
    defer { server.stop() }
    let (manager, _) = try Self.staffClient(server, role: .manager, name: "Grace")
    let cohort = try Self.createCohort(manager, "Kakuma youth creators, 2026")
    #expect(try manager.get("/manage/cohorts").body.contains("Kakuma youth creators, 2026"))

    let lines = (1...10).map { "Learner \($0), \($0 % 2 == 0 ? "fr" : "en")" }.joined(
      separator: "\n")
    let invited = try manager.post("/manage/cohorts/\(cohort)/invites", [("lines", lines)])
    #expect(invited.status == 200)
    let links = invited.body.captures("readonly value=\"(http[^\"]+/join/[^\"]+)\"")
    #expect(links.count == 10)
    var sheetFields: [(String, String)] = []
    for (i, l) in links.enumerated() {
      sheetFields += [("n", "Learner \(i + 1)"), ("l", "en"), ("t", l)]
    }
    let sheet = try manager.post("/manage/cohorts/\(cohort)/sheet", sheetFields)
    #expect(sheet.status == 200)
    #expect(sheet.body.contains("Learner 10") && sheet.body.contains(links[9]))

    // Two learners join with their links.
    for (i, link) in links.prefix(2).enumerated() {
      let path = String(link[link.range(of: "/join/")!.lowerBound...])
      let c = server.client()
      _ = try c.get(path)
      #expect(
        try c.post(path, [("name", "Learner \(i + 1)"), ("locale", "en"), ("consent", "yes")])
          .status == 303)
    }
    let assigned = try manager.post(
      "/manage/cohorts/\(cohort)/assignments",
      [("module", "fact-checking"), ("user", ""), ("due", "2020-01-01")])
    #expect(assigned.status == 303)
    let refresher = try manager.post(
      "/manage/cohorts/\(cohort)/refresher",
      [("module", "fact-checking"), ("due", "2099-01-01"), ("before", "")])
    #expect(refresher.status == 303)
    let page = try manager.get("/manage/cohorts/\(cohort)")
    #expect(
      page.body.contains("Learner 1") && page.body.contains("Refresher")
        && page.body.contains("2020-01-01"))
    #expect(page.body.contains("Overdue"))

    let dashboard = try manager.get("/manage?cohort=\(cohort)")
    #expect(dashboard.status == 200)
    #expect(dashboard.body.contains("<svg") && dashboard.body.contains("Completion by learner"))
    #expect(dashboard.body.contains("<figcaption>"))
    #expect(!dashboard.body.contains("style="))
    #expect(dashboard.body.contains("Overdue"))
    let sorted = try manager.get("/manage/matrix?sort=fact-checking&dir=desc&cohort=\(cohort)")
    #expect(sorted.status == 200 && sorted.body.contains("aria-sort=\"descending\""))

    for path in ["progress.csv", "attempts.csv", "certificates.csv", "groups.csv", "audit.csv"] {
      let r = try manager.get("/manage/export/\(path)?cohort=\(cohort)")
      #expect(r.status == 200)
      #expect(r.header("Content-Type")?.hasPrefix("text/csv; charset=utf-8") == true)
      #expect(r.body.contains("\r\n"))
      // The large exports are streamed as they are written, not built whole first.
      if ["progress.csv", "attempts.csv", "certificates.csv"].contains(path) {
        #expect(r.header("Transfer-Encoding") == "chunked" && r.header("Content-Length") == nil)
        #expect(r.body.hasSuffix("\r\n"))
      }
    }
    let audit = try manager.get("/manage/audit")
    #expect(audit.body.contains("cohort.create") && audit.body.contains("refresher.create"))
  }

  @Test func anotherManagerGets404ForACohortTheyAreNotAttachedTo() throws {
    let server = try TestServer()
    defer { server.stop() }
    let (a, _) = try Self.staffClient(server, role: .manager, name: "A")
    let (b, _) = try Self.staffClient(server, role: .manager, name: "B")
    let cohort = try Self.createCohort(a, "A's cohort")
    #expect(try a.get("/manage/cohorts/\(cohort)").status == 200)
    #expect(try b.get("/manage/cohorts/\(cohort)").status == 404)
    #expect(try b.get("/manage?cohort=\(cohort)").status == 404)
    #expect(try b.get("/manage/export/progress.csv?cohort=\(cohort)").status == 404)
    #expect(try b.get("/manage/export/xapi.json?cohort=\(cohort)").status == 404)
    #expect(try b.post("/manage/cohorts/\(cohort)/invites", [("lines", "Mallory")]).status == 404)
    #expect(
      try b.post(
        "/manage/cohorts/\(cohort)/assignments",
        [("module", "fact-checking"), ("due", "2030-01-01")]
      ).status == 404)
    #expect(!(try b.get("/manage/cohorts").body.contains("A&#39;s cohort")))
    // A learner of A's cohort is invisible to B too.
    let admin = try server.academy.ensureAdmin()
    let owner = try #require(try server.academy.cohorts(visibleTo: admin).first)
    let token = try server.academy.createInvite(cohortID: owner.id, createdBy: nil)
    let learner = try server.academy.redeem(
      token: token, profile: Profile(displayName: "Amina", locale: .en, consent: true))
    #expect(try b.get("/manage/learners/\(learner.id)").status == 404)
    #expect(try b.post("/manage/learners/\(learner.id)/erase", [("confirm", "yes")]).status == 404)
    #expect(try a.get("/manage/learners/\(learner.id)").status == 200)
    // Learners and trainers don't reach the area at all.
    let (trainer, _) = try Self.staffClient(server, role: .trainer, name: "T")
    #expect(try trainer.get("/manage").status == 403)
    // Staff attachment is for admins only.
    #expect(try a.post("/manage/cohorts/\(cohort)/staff", [("user", "x")]).status == 403)
  }

  @Test func aGroupOfFourShowsFewerThanFiveOnThePageAndInTheCSV() throws {
    let server = try TestServer()
    defer { server.stop() }
    let (m, _) = try Self.staffClient(server, role: .manager, name: "M")
    let cohort = try Self.createCohort(m, "Small groups")
    func join(_ name: String, _ gender: String?) throws {
      let token = try server.academy.createInvite(cohortID: cohort, createdBy: nil)
      _ = try server.academy.redeem(
        token: token,
        profile: Profile(displayName: name, locale: .en, gender: gender, consent: true))
    }
    for i in 0..<4 { try join("Woman \(i)", "woman") }
    for i in 0..<6 { try join("Man \(i)", "man") }
    for i in 0..<5 { try join("Unstated \(i)", nil) }
    let page = try m.get("/manage?cohort=\(cohort)").body
    let genderTable = try #require(
      page.components(separatedBy: "<caption>Gender</caption>").dropFirst().first?.components(
        separatedBy: "</table>"
      ).first)
    #expect(genderTable.contains("<th scope=\"row\">Woman</th><td colspan=\"4\">fewer than 5</td>"))
    #expect(genderTable.contains("<th scope=\"row\">Man</th><td>6</td>"))
    let csv = try m.get("/manage/export/groups.csv?cohort=\(cohort)").body
    #expect(csv.contains("gender,woman,fewer than 5,fewer than 5,fewer than 5,fewer than 5\r\n"))
    #expect(csv.contains("gender,man,6,0,0,0\r\n"))
    #expect(!csv.contains("gender,woman,4"))
  }

  @Test func exportsNeutraliseFormulasAndXAPIHasNoNames() throws {
    let server = try TestServer()
    defer { server.stop() }
    let (m, _) = try Self.staffClient(server, role: .manager, name: "M")
    let cohort = try Self.createCohort(m, "Exports")
    let token = try server.academy.createInvite(cohortID: cohort, createdBy: nil)
    let evil = try server.academy.redeem(
      token: token,
      profile: Profile(displayName: "=HYPERLINK(\"http://evil\",\"x\")", locale: .en, consent: true)
    )
    let lesson = try #require(server.academy.catalog.module("fact-checking")?.lessons.first)
    try server.academy.lessonRead(userID: evil.id, module: "fact-checking", lesson: lesson.slug)
    let csv = try m.get("/manage/export/progress.csv?cohort=\(cohort)").body
    #expect(csv.hasPrefix("learner_id,name,module,status"))
    #expect(
      csv.contains(",\"'=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\",fact-checking,inProgress,1,"))
    #expect(!csv.contains(",=HYPERLINK"))

    let xapi = try m.get("/manage/export/xapi.json?cohort=\(cohort)")
    #expect(xapi.status == 200)
    let statements = try #require(
      try JSONSerialization.jsonObject(with: Data(xapi.body.utf8)) as? [[String: Any]])
    let first = try #require(statements.first)
    #expect(
      (first["verb"] as? [String: Any])?["id"] as? String
        == "http://adlnet.gov/expapi/verbs/experienced")
    let account = (first["actor"] as? [String: Any])?["account"] as? [String: Any]
    #expect(account?["name"] as? String == evil.id)
    #expect((account?["homePage"] as? String)?.hasPrefix("http://127.0.0.1:") == true)
    #expect(!xapi.body.contains("HYPERLINK") && !xapi.body.contains("mbox"))
  }

  @Test func xapiHasOneAnsweredStatementPerQuestionWithItsResponse() throws {
    let server = try TestServer()
    defer { server.stop() }
    let (m, _) = try Self.staffClient(server, role: .manager, name: "M")
    let cohort = try Self.createCohort(m, "xAPI")
    let token = try server.academy.createInvite(cohortID: cohort, createdBy: nil)
    let learner = try server.academy.redeem(
      token: token, profile: Profile(displayName: "Nadia Secretname", locale: .en, consent: true))
    let attempt = try server.academy.startAttempt(
      userID: learner.id, module: "fact-checking", kind: .pre, language: .en)
    let quiz = try #require(server.academy.catalog.module("fact-checking")?.quiz(.pre, .en))
    // The first question answered (its first choice, or "true"), the others left blank.
    let firstID = try #require(attempt.shown.first?.id)
    let firstAnswer: (Response, String) =
      switch quiz.question(firstID)?.kind {
      case .trueFalse: (.trueFalse(true), "true")
      default: (.choice(0), "0")
      }
    _ = try server.academy.submit(
      attemptID: attempt.id, userID: learner.id, responses: [firstID: firstAnswer.0])

    let body = try m.get("/manage/export/xapi.json?cohort=\(cohort)").body
    let statements = try #require(
      try JSONSerialization.jsonObject(with: Data(body.utf8)) as? [[String: Any]])
    let answered = statements.filter {
      ($0["verb"] as? [String: Any])?["id"] as? String == "http://adlnet.gov/expapi/verbs/answered"
    }
    #expect(answered.count == attempt.shown.count)
    let firstObject = "/modules/fact-checking/questions/\(firstID)"
    let one = try #require(
      answered.first {
        (($0["object"] as? [String: Any])?["id"] as? String)?.hasSuffix(firstObject) == true
      })
    let result = one["result"] as? [String: Any]
    #expect(result?["response"] as? String == firstAnswer.1)
    #expect((result?["score"] as? [String: Any])?["scaled"] != nil)
    let definition = (one["object"] as? [String: Any])?["definition"] as? [String: Any]
    #expect(definition?["type"] as? String == "http://adlnet.gov/expapi/activities/cmi.interaction")
    let parent = ((one["context"] as? [String: Any])?["contextActivities"] as? [String: Any])?[
      "parent"]
    #expect(
      ((parent as? [[String: Any]])?.first?["id"] as? String)?.hasSuffix("/quiz?kind=pre") == true)
    // The pre-test as a whole: completed with a score, no success.
    #expect(
      statements.contains {
        ($0["verb"] as? [String: Any])?["id"] as? String
          == "http://adlnet.gov/expapi/verbs/completed"
          && (($0["object"] as? [String: Any])?["id"] as? String)?.hasSuffix("kind=pre") == true
      })
    // Same ids on a second export (an LRS then ignores the repeats); no names anywhere.
    let again = try m.get("/manage/export/xapi.json?cohort=\(cohort)").body
    let ids = { (text: String) throws -> [String] in
      let all = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]] ?? []
      return all.compactMap { $0["id"] as? String }
    }
    #expect(try ids(again) == ids(body) && Set(try ids(body)).count == statements.count)
    #expect(!body.contains("Secretname"))
  }

  @Test func managerErasesALearnerWithTheButton() throws {
    let server = try TestServer()
    defer { server.stop() }
    let (m, _) = try Self.staffClient(server, role: .manager, name: "M")
    let cohort = try Self.createCohort(m, "Erasure")
    let token = try server.academy.createInvite(cohortID: cohort, createdBy: nil)
    let amina = try server.academy.redeem(
      token: token,
      profile: Profile(displayName: "Amina Erased", locale: .en, gender: "woman", consent: true))
    #expect(try m.post("/manage/learners/\(amina.id)/erase", []).status == 400)  // needs the confirmation
    let r = try m.post("/manage/learners/\(amina.id)/erase", [("confirm", "yes")])
    #expect(r.status == 303)
    let page = try m.follow(r).body
    #expect(page.contains("This learner was erased.") && !page.contains("Amina Erased"))
    #expect(!(try m.get("/manage/export/progress.csv?cohort=\(cohort)").body.contains("Amina")))
    #expect(try server.academy.user(amina.id)?.erased == true)
  }

  @Test func managePagesShowNoMissingStringInEnglishOrFrench() throws {
    let server = try TestServer()
    defer { server.stop() }
    let (m, manager) = try Self.staffClient(server, role: .manager, name: "M")
    let cohort = try Self.createCohort(m, "Langues")
    let token = try server.academy.createInvite(cohortID: cohort, createdBy: nil)
    let learner = try server.academy.redeem(
      token: token, profile: Profile(displayName: "Amina", locale: .fr, consent: true))
    let pages = [
      "/manage", "/manage/matrix", "/manage/cohorts", "/manage/cohorts/\(cohort)",
      "/manage/expiring", "/manage/acknowledgements",
      "/manage/audit", "/manage/learners/\(learner.id)",
    ]
    for locale in [Language.en, .fr] {
      try server.academy.updatePreferences(userID: manager.id, locale: locale)
      for path in pages {
        let r = try m.get(path)
        #expect(r.status == 200, "\(path)")
        #expect(
          r.body.range(of: "manage\\.[a-zA-Z]", options: .regularExpression) == nil,
          "untranslated key on \(path) in \(locale)")
      }
    }
    #expect(try m.get("/manage").body.contains("Tableau de bord du programme"))
  }
}
