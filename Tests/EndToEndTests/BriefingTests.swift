import Academy
import Foundation
import Testing

/// Issue 21's "done when", over real sockets: a trainer publishes an urgent briefing to one
/// cohort in English and French; its learners see it first, share it with a link and log
/// posts with their reach; the manager sees read and share rates and reach for the cohort
/// and period and exports them; an erased learner's activity is gone.
@Suite(.serialized) struct BriefingTests {
  static func day(_ t: Int64) -> String {
    let f = ISO8601DateFormatter()
    f.formatOptions = [.withFullDate]
    f.timeZone = TimeZone(identifier: "UTC")
    return f.string(from: Date(timeIntervalSince1970: Double(t)))
  }

  /// The repository's curriculum, copied so the test can publish into it.
  static func content() throws -> (URL, URL) {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent(
      "relais-briefings-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    let c = root.appendingPathComponent("Curriculum")
    let a = root.appendingPathComponent("Assessments")
    try FileManager.default.copyItem(
      at: TestServer.repoRoot.appendingPathComponent("Curriculum"), to: c)
    try FileManager.default.copyItem(
      at: TestServer.repoRoot.appendingPathComponent("Assessments"), to: a)
    // The shipped example is for everyone and dated: this test publishes its own.
    let folder = c.appendingPathComponent("briefings")
    for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) {
      try FileManager.default.removeItem(at: folder.appendingPathComponent(name))
    }
    return (c, a)
  }

  static func briefing(title: String, cohort: String, from: Int64, until: Int64, urgent: Bool)
    -> String
  {
    """
    ---
    title: \(title)
    date: \(day(from))
    cohorts:
      - \(cohort)
    valid_until: \(day(until))
    urgent: \(urgent)
    ---
    ## Key facts

    The crossing at [PLACE] is closed until [DATE].

    ```post
    Crossing closed: use [OFFICIAL CHANNEL] & ask before you travel.
    ```
    """
  }

  func id(_ server: TestServer, _ name: String) throws -> String {
    try #require(
      try server.academy.database.read {
        try $0.scalar("SELECT id FROM users WHERE display_name = ?", [name]).string
      })
  }

  @Test func publishedUrgentBriefingReachesItsCohortAndTheManagerSeesTheEffect() throws {
    let (curriculum, assessments) = try Self.content()
    defer { try? FileManager.default.removeItem(at: curriculum.deletingLastPathComponent()) }
    let server = try TestServer(curriculum: curriculum, assessments: assessments)
    defer { server.stop() }
    let now = server.academy.now
    let today = now - now % 86_400

    // A cohort of five influencers (the smallest group a report shows), one of them French,
    // and one influencer elsewhere.
    let names = ["Amina Diallo", "Jean Morel", "Fatuma Ali", "Kevin Otieno", "Grace Wanjiru"]
    var learners: [TestHTTPClient] = []
    for (i, n) in names.enumerated() {
      learners.append(try server.learnerClient(name: n, locale: i == 1 ? "fr" : "en"))
    }
    let outsider = try server.learnerClient(name: "Other Person")
    let ids = try names.map { try id(server, $0) }
    let (manager, managerUser) = try ManageTests.staffClient(server, role: .manager, name: "Marie")
    let cohortID = UUID().uuidString
    try server.academy.database.write { c in
      try c.execute(
        "INSERT INTO cohorts(id, name, created_at) VALUES (?,?,?)",
        [cohortID, "Kakuma creators", 0])
      for u in ids + [managerUser.id] {
        try c.execute("INSERT INTO cohort_members(cohort_id, user_id) VALUES (?,?)", [cohortID, u])
      }
    }

    // The trainer publishes from /teach: English to the one cohort, urgent, then French.
    let (trainer, trainerUser) = try ManageTests.staffClient(server, role: .trainer, name: "Tom")
    try server.academy.database.write {
      try $0.execute(
        "INSERT INTO cohort_members(cohort_id, user_id) VALUES (?,?)", [cohortID, trainerUser.id])
    }
    let form = try trainer.get("/teach/briefings")
    #expect(form.body.contains("value=\"\(cohortID)\""))
    let post = "```post\nCrossing closed: use [OFFICIAL CHANNEL] & ask before you travel.\n```"
    let broken = try trainer.post(
      "/teach/briefings",
      [
        ("title", "Crossing closed"), ("date", Self.day(today)), ("valid_until", "2020-01-01"),
        ("cohort", cohortID), ("urgent", "true"), ("body", post),
      ])
    #expect(broken.status == 400)
    #expect(broken.body.contains("is before"))
    #expect(broken.body.contains("Crossing closed"))  // what was typed stays in the form
    let published = try trainer.post(
      "/teach/briefings",
      [
        ("title", "Crossing closed"), ("date", Self.day(today)),
        ("valid_until", Self.day(today + 7 * 86_400)), ("cohort", cohortID), ("urgent", "true"),
        ("body", "## Key facts\n\nThe crossing at [PLACE] is closed until [DATE].\n\n" + post),
      ])
    #expect(published.status == 303)
    let slug = "\(Self.day(today))-crossing-closed"
    #expect(
      try trainer.post(
        "/teach/briefings",
        [
          ("translation_of", slug), ("language", "fr"), ("title", "Passage fermé"),
          ("body", "```post\nPassage fermé.\n```"),
        ]
      ).status == 303)
    // Someone else's cohort can't be chosen.
    #expect(
      try trainer.post(
        "/teach/briefings",
        [
          ("title", "Elsewhere"), ("date", Self.day(today)),
          ("valid_until", Self.day(today)), ("cohort", "not-mine"), ("body", "x"),
        ]
      ).status == 404)
    // An older one, as a file, that has expired.
    let folder = curriculum.appendingPathComponent("briefings")
    try Self.briefing(
      title: "Old water notice", cohort: cohortID, from: today - 40 * 86_400,
      until: today - 10 * 86_400, urgent: false
    ).write(to: folder.appendingPathComponent("old-water.md"), atomically: true, encoding: .utf8)
    #expect(server.academy.content.reloadIfChanged())
    #expect(server.academy.content.problems.filter { $0.severity == .error }.isEmpty)

    // Its learners see it first on the home page, in their language; the expired one only
    // in the archive, with its date.
    let home = try learners[0].get("/")
    let at = try #require(home.body.range(of: "Crossing closed"))
    let modules = try #require(home.body.range(of: "Your modules"))
    #expect(at.lowerBound > modules.lowerBound)  // under the page title…
    let firstModule = try #require(home.body.range(of: "/modules/"))
    #expect(at.lowerBound < firstModule.lowerBound)  // …and before every module
    #expect(home.body.contains("Urgent"))
    #expect(!home.body.contains("Old water notice"))
    #expect(try learners[1].get("/").body.contains("Passage fermé"))
    let archive = try learners[0].get("/briefings")
    #expect(archive.body.contains("Old water notice") && archive.body.contains("Crossing closed"))
    #expect(try learners[0].get("/briefings/old-water").body.contains("expired on"))
    // Someone in another cohort neither sees it nor can open it.
    #expect(!(try outsider.get("/").body.contains("Crossing closed")))
    #expect(try outsider.get("/briefings/\(slug)").status == 404)
    #expect(try outsider.post("/briefings/\(slug)/shared", [("platform", "x")]).status == 404)

    // Opening marks it read; the page has the ready-to-post text with a WhatsApp link that
    // carries it, and a copy button for when JavaScript runs.
    let page = try learners[0].get("/briefings/\(slug)")
    #expect(page.status == 200)
    #expect(
      page.body.contains(
        "https://wa.me/?text=Crossing%20closed%3A%20use%20%5BOFFICIAL%20CHANNEL%5D%20%26%20ask"))
    #expect(page.body.contains("Crossing closed: use [OFFICIAL CHANNEL] &amp; ask"))
    #expect(page.body.contains("data-copy=\"post-0\""))
    let script = try #require(page.body.capture("src=\"(/js/briefing\\.[0-9a-f]+\\.js)\""))
    #expect(try learners[0].get(script).status == 200)
    for l in learners.dropFirst() { _ = try l.get("/briefings/\(slug)") }

    // "I shared this", with a link; a link that isn't http(s) is refused with a reason.
    let bad = try learners[0].post(
      "/briefings/\(slug)/shared", [("platform", "whatsapp"), ("link", "javascript:alert(1)")])
    #expect(bad.status == 400)
    #expect(bad.body.contains("must start with http:// or https://"))
    #expect(
      try learners[0].post("/briefings/\(slug)/shared", [("platform", "nope")]).status == 400)
    let link = "https://example.org/amina/post-7731"
    for (i, l) in learners.prefix(3).enumerated() {
      let r = try l.post(
        "/briefings/\(slug)/shared",
        [("platform", "whatsapp"), ("link", i == 0 ? link : "")])
      #expect(r.status == 303)
    }
    #expect(try learners[0].get("/").body.contains("Shared"))

    // Each logs two posts with their reach, in one form each; bad numbers are 400s that say
    // which box is wrong, never a crash.
    for bad in ["12abc", "-5", "1e309", "nan", "99999999999999999999999", "3.5"] {
      let r = try learners[0].post(
        "/me/activity",
        [
          ("day", Self.day(today)), ("kind", "post"), ("platform", "facebook"),
          ("topic", "briefing:\(slug)"), ("reach", bad),
        ])
      #expect(r.status == 400, "\(bad)")
      #expect(r.body.contains("Reach or views: enter a whole number"), "\(bad)")
    }
    #expect(
      try learners[0].post(
        "/me/activity",
        [("day", "2026-02-30x"), ("kind", "post"), ("platform", "x"), ("topic", "other")]
      ).status == 400)
    #expect(
      try learners[0].post(
        "/me/activity",
        [("day", Self.day(today)), ("kind", "post"), ("platform", "x"), ("topic", "module:nope")]
      ).status == 400)
    for l in learners {
      for (reach, kind) in [(100, "post"), (250, "live")] {
        let r = try l.post(
          "/me/activity",
          [
            ("day", Self.day(today)), ("kind", kind), ("platform", "facebook"),
            ("topic", "briefing:\(slug)"), ("link", ""), ("reach", String(reach)),
            ("reactions", "10"), ("comments", ""), ("shares", "2"), ("questions", "1"),
            ("referrals", "0"),
          ])
        #expect(r.status == 303)
      }
    }

    // Their own entries: on "My data", in the export, correctable by them alone.
    let mine = try learners[0].get("/me/activity")
    let entry = try #require(mine.body.capture("href=\"/me/activity/([A-Za-z0-9_-]+)\""))
    #expect(
      try learners[1].post(
        "/me/activity/\(entry)",
        [("day", Self.day(today)), ("kind", "post"), ("platform", "x"), ("topic", "other")]
      ).status == 404)
    #expect(try learners[1].get("/me/activity/\(entry)").status == 404)
    #expect(try manager.get("/me/activity/\(entry)").status == 403)
    let me = try learners[0].get("/me")
    #expect(me.body.contains("Activity log") && me.body.contains(link))
    let export = try #require(
      try JSONSerialization.jsonObject(with: Data(try learners[0].get("/me/export.json").body.utf8))
        as? [String: Any])
    let activity = try #require(export["activity"] as? [[String: Any]])
    #expect(activity.compactMap { $0["reach"] as? Int }.sorted() == [100, 250])
    #expect((export["briefingShares"] as? [[String: Any]])?.first?["link"] as? String == link)
    #expect((export["briefingsRead"] as? [[String: Any]])?.count == 2)

    // The manager sees the effect for this cohort and period, and exports it.
    let period = "from=\(Self.day(today - 6 * 86_400))&to=\(Self.day(today))"
    let report = try manager.get("/manage/outreach?cohort=\(cohortID)&\(period)")
    #expect(report.status == 200)
    #expect(report.body.contains("5 of 5 (100%)"))  // read
    #expect(report.body.contains("3 of 5 (60%)"))  // shared
    #expect(report.body.contains("<td>Facebook</td><td>10</td><td>1750</td><td>120</td>"))
    // Beside it, the knowledge change; nobody here took a quiz, so it is withheld.
    #expect(report.body.contains("Knowledge: average score, pre-test → quiz"))
    #expect(report.body.contains("<td>fewer than 5 → fewer than 5</td>"))
    #expect(try manager.get("/manage/outreach?cohort=\(cohortID)&from=yesterday").status == 400)
    let csv = try manager.get("/manage/export/outreach.csv?cohort=\(cohortID)&\(period)")
    #expect(csv.status == 200)
    #expect(csv.body.contains(",briefings_read,,5,5\r\n"))
    #expect(csv.body.contains(",briefings_shared,,3,5\r\n"))
    #expect(csv.body.contains(",reach_by_platform,facebook,1750,\r\n"))
    #expect(csv.body.contains(",knowledge_pre_percent,,,\r\n"))

    // The xAPI export gains the matching statements, without the links to people's posts.
    let xapi = try manager.get("/manage/export/xapi.json?cohort=\(cohortID)")
    #expect(xapi.status == 200)
    let statements = try #require(
      try JSONSerialization.jsonObject(with: Data(xapi.body.utf8)) as? [[String: Any]])
    let verbs = statements.compactMap { ($0["verb"] as? [String: Any])?["id"] as? String }
    #expect(verbs.filter { $0.hasSuffix("/shared") }.count == 3 + 10)
    #expect(xapi.body.contains("/xapi/extensions/reach\":250"))
    #expect(!xapi.body.contains("post-7731"))

    // Erasure takes the learner's activity and their post's link with them.
    let erased = try manager.post("/manage/learners/\(ids[0])/erase", [("confirm", "yes")])
    #expect(erased.status == 303)
    #expect(try server.academy.activities(userID: ids[0]).isEmpty)
    #expect(try server.academy.briefingShares(userID: ids[0]).allSatisfy { $0.link == nil })
    let path = server.dataDirectory.appendingPathComponent("relais.sqlite").path
    for file in [path, path + "-wal"] {
      let bytes = FileManager.default.contents(atPath: file) ?? Data()
      #expect(bytes.range(of: Data("post-7731".utf8)) == nil, "\(file)")
    }
    // Four learners' activity is under the group size: the cohort's numbers are withheld.
    let after = try manager.get("/manage/outreach?cohort=\(cohortID)&\(period)")
    #expect(!after.body.contains("1750"))
  }
}
