import Foundation
import Testing

@testable import Academy

/// The content tree, new content from the page, picture uploads, essay marking and the
/// question statistics, over real sockets.
@Suite(.serialized) struct TeachPagesTests {
  let content: ContentCopy
  let server: TestServer

  init() throws {
    content = try ContentCopy()
    server = try TestServer(curriculum: content.curriculum, assessments: content.assessments)
  }

  func finish() {
    server.stop()
    content.remove()
  }

  static let png: [UInt8] =
    [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13] + Array("IHDR".utf8)
    + [0, 0, 0, 10, 0, 0, 0, 10, 8, 2, 0, 0, 0]

  @Test func theTreeListsModulesLessonsLanguagesAndQuizzes() throws {
    defer { finish() }
    let admin = try server.adminClient()
    let page = try admin.get("/teach")
    #expect(page.status == 200)
    #expect(page.body.contains("href=\"/teach/edit/fact-checking/02-lateral-reading.fr.md\""))
    #expect(page.body.contains("Assessments/fact-checking.pre.gift"))
    #expect(page.body.contains("href=\"/teach/modules/fact-checking/statistics\""))
    #expect(page.body.contains("No problems in the content."))
    #expect(
      page.body.contains(
        "<th scope=\"row\">fact-checking</th><td lang=\"fr\">Français</td><td class=\"num\">6/6</td>"
      ))
  }

  /// Issue 17: the key sheet of each quiz, linked from the module card, trainers only.
  @Test func aQuizAnswerKeyForASecondReader() throws {
    defer { finish() }
    let admin = try server.adminClient()
    let home = try admin.get("/teach").body
    #expect(home.contains("href=\"/teach/review/fact-checking/fact-checking.pre.gift\""))
    let page = try admin.get("/teach/review/fact-checking/fact-checking.gift")
    #expect(page.status == 200)
    #expect(page.body.contains("Answer key: fact-checking.gift"))
    #expect(page.body.contains("Keyed answer and its feedback"))
    let fr = try admin.get("/teach/review/fact-checking/fact-checking.fr.gift")
    #expect(fr.status == 200)
    // Only this module's quiz files, by name; never a path.
    #expect(try admin.get("/teach/review/fact-checking/inclusion.gift").status == 404)
    let traversal = try admin.get("/teach/review/fact-checking/..%2Fx.gift")
    #expect([400, 404].contains(traversal.status))
    let learner = try server.learnerClient()
    #expect(try learner.get("/teach/review/fact-checking/fact-checking.gift").status != 200)
  }

  @Test func newModuleLessonAndTranslationFromThePage() throws {
    defer { finish() }
    let admin = try server.adminClient()
    let m = try admin.post("/teach/modules", [("slug", "rumours"), ("title", "Rumours")])
    #expect(m.status == 303)
    let fm = FileManager.default
    #expect(fm.fileExists(atPath: content.lesson("rumours", "module.md").path))
    #expect(fm.fileExists(atPath: content.lesson("rumours", "01-introduction.md").path))
    #expect(fm.fileExists(atPath: content.assessments.appendingPathComponent("rumours.gift").path))
    let l = try admin.post("/teach/modules/rumours/lessons", [("title", "Lateral reading")])
    #expect(l.location == "/teach/edit/rumours/02-lateral-reading.md?done=created")
    let t = try admin.post(
      "/teach/modules/rumours/translations", [("lesson", "02-lateral-reading"), ("language", "fr")])
    #expect(t.location == "/teach/edit/rumours/02-lateral-reading.fr.md?done=created")
    #expect(
      try Data(contentsOf: content.lesson("rumours", "02-lateral-reading.fr.md"))
        == Data(contentsOf: content.lesson("rumours", "02-lateral-reading.md")))
    // The new module loads without errors (so it cannot block other edits).
    server.academy.content.reloadIfChanged()
    #expect(server.academy.content.problems.filter { $0.severity == .error }.isEmpty)
    #expect(server.academy.catalog.module("rumours") != nil)
    // Existing names and bad names are refused with a reason.
    let again = try admin.post("/teach/modules", [("slug", "rumours"), ("title", "Again")])
    #expect(again.location == "/teach?problem=teach.error.exists")
    #expect(try admin.follow(again).body.contains("That file already exists."))
    #expect(
      try admin.post("/teach/modules", [("slug", "../x"), ("title", "X")]).location
        == "/teach?problem=teach.error.slug")
    #expect(
      try server.academy.auditLog().contains {
        $0.action == "content.create" && $0.subject == "rumours"
      })
  }

  @Test func picturesUpToSixtyKilobytesAreStoredUnderMediaWithASafeName() throws {
    defer { finish() }
    let admin = try server.adminClient()
    let csrf = admin.cookies["relais_csrf"] ?? ""
    let ok = try admin.postMultipart(
      "/teach/modules/fact-checking/media", fields: [("csrf", csrf)],
      file: ("file", "../Photo de la Gare (1).PNG", "image/png", Self.png))
    #expect(ok.status == 303)
    let stored = content.lesson("fact-checking", "media/photo-de-la-gare-1.png")
    #expect(try Data(contentsOf: stored) == Data(Self.png))
    #expect(try admin.follow(ok).body.contains("![](media/photo-de-la-gare-1.png)"))
    // Served to anyone at the address lessons link to; other files are not reachable.
    let served = try server.client().get("/media/fact-checking/photo-de-la-gare-1.png")
    #expect(
      served.status == 200 && served.header("Content-Type") == "image/png",
      "\(served.status) \(served.headers)")
    for path in ["/media/fact-checking/..%2Fmodule.md", "/media/..%2F..%2Fetc/passwd.png"] {
      let status = try server.client().get(path).status
      #expect(status == 404 || status == 400, "\(path): \(status)")
    }
    #expect(try server.client().get("/media/fact-checking/module.md").status == 404)

    let big = Self.png + [UInt8](repeating: 0, count: 61 * 1024)
    let tooBig = try admin.postMultipart(
      "/teach/modules/fact-checking/media", fields: [("csrf", csrf)],
      file: ("file", "big.png", "image/png", big))
    #expect(tooBig.status == 413)
    #expect(tooBig.body.contains("This picture is 62 KB; the limit is 60 KB."))

    let svg = try admin.postMultipart(
      "/teach/modules/fact-checking/media", fields: [("csrf", csrf)],
      file: ("file", "x.svg", "image/svg+xml", Array("<svg onload=alert(1)></svg>".utf8)))
    #expect(svg.status == 400)

    let noToken = try admin.postMultipart(
      "/teach/modules/fact-checking/media", fields: [],
      file: ("file", "y.png", "image/png", Self.png))
    #expect(noToken.status == 403)
    #expect(
      !FileManager.default.fileExists(atPath: content.lesson("fact-checking", "media/y.png").path))
  }

  @Test func anEssayMarkedOnThePageUpdatesTheAttempt() throws {
    defer { finish() }
    let admin = try server.adminClient()
    let learner = try server.academy.createUser(role: .learner, displayName: "Amina")
    try server.academy.database.write { c in
      try c.execute(
        "INSERT INTO attempts(id, user_id, module, kind, locale, quiz_hash, layout, started_at, submitted_at, score, passed) VALUES ('att1', ?, 'fact-checking', 'certifying', 'en', 'h', '[]', 1, 2, 0.5, 0)",
        [learner.id])
      try c.execute(
        "INSERT INTO answers(attempt_id, question_id, position, response, fraction, needs_grading) VALUES ('att1', 'fc-voice-note', 0, ?, 1, 0), ('att1', 'essay x/1', 1, ?, NULL, 1)",
        [
          ResponseCodec.encode(.choice(2)),
          ResponseCodec.encode(.text("I would <b>check</b> first.")),
        ])
    }
    let page = try admin.get("/teach/essays")
    #expect(page.body.contains("I would &lt;b&gt;check&lt;/b&gt; first."))
    #expect(!page.body.contains("Amina"))  // blind marking
    #expect(page.body.contains("name=\"question\" value=\"essay x/1\""))
    let unknown = try admin.post(
      "/teach/essays", [("attempt", "att1"), ("question", "nope"), ("percent", "50")])
    #expect(unknown.status == 404)
    let bad = try admin.post(
      "/teach/essays", [("attempt", "att1"), ("question", "essay x/1"), ("percent", "150")])
    #expect(bad.location == "/teach/essays?problem=teach.error.fraction")
    let r = try admin.post(
      "/teach/essays",
      [
        ("attempt", "att1"), ("question", "essay x/1"), ("percent", "100"),
        ("feedback", "Well argued"),
      ])
    #expect(r.location == "/teach/essays?done=marked")
    let score = try server.academy.database.read {
      try $0.scalar("SELECT score FROM attempts WHERE id = 'att1'").double
    }
    #expect(score == 1)
    #expect(
      try server.academy.essayMark(attemptID: "att1", questionID: "essay x/1")?.feedback
        == "Well argued")
    #expect(try admin.get("/teach/essays").body.contains("No essay is waiting for a mark."))
  }

  @Test func statisticsPageAndCSVShowTheItemAnalysis() throws {
    defer { finish() }
    let admin = try server.adminClient()
    // Six learners, one attempt each on day i + 1: four right, two wrong.
    // In the shipped quiz fc-voice-note's key is answer 2; answer 0 is "Post it with …".
    let users = try (1...6).map {
      try server.academy.createUser(role: .learner, displayName: "L\($0)").id
    }
    try server.academy.database.write { c in
      for (i, u) in users.enumerated() {
        let id = "s\(i)"
        let right = i < 4
        try c.execute(
          "INSERT INTO attempts(id, user_id, module, kind, locale, quiz_hash, layout, started_at, submitted_at, score, passed) VALUES (?, ?, 'fact-checking', 'certifying', 'en', 'h', '[]', 1, ?, ?, 0)",
          [id, u, 86_400 * (i + 1), right ? 1.0 : 0.0])
        try c.execute(
          "INSERT INTO answers(attempt_id, question_id, position, response, fraction, needs_grading) VALUES (?, 'fc-voice-note', 0, ?, ?, 0)",
          [id, ResponseCodec.encode(.choice(right ? 2 : 0)), right ? 1.0 : 0.0])
      }
      try c.execute("INSERT INTO cohorts(id, name, created_at) VALUES ('small', 'Small group', 0)")
      try c.execute(
        "INSERT INTO cohort_members(cohort_id, user_id) VALUES ('small', ?)", [users[0]])
    }
    let page = try admin.get("/teach/modules/fact-checking/statistics")
    #expect(page.status == 200)
    #expect(page.body.contains("Final quiz attempts counted: 6"))
    #expect(page.body.contains("67 %"))
    #expect(page.body.contains("Post it with &quot;not sure if true, please check&quot;: 2"))
    // k = round(0.27 × 6) = 2: the two best attempts got it right, the two worst wrong.
    #expect(page.body.contains("<dt>Discrimination</dt><dd>1.00</dd>"))
    let csv = try admin.get("/teach/modules/fact-checking/statistics.csv")
    #expect(csv.header("Content-Type")?.hasPrefix("text/csv") == true)
    #expect(
      csv.body.hasPrefix("question,type,attempts,facility,discrimination,flags,wrong_answers\r\n"))
    #expect(csv.body.contains("\nfc-voice-note,multichoice,6,0.6667,1.0000,"))
    // Fewer than five learners (a period of two days, or a one-person cohort): nothing shown.
    let early = try admin.get(
      "/teach/modules/fact-checking/statistics.csv?from=1970-01-01&to=1970-01-02")
    #expect(!early.body.contains("fc-voice-note"))
    let small = try admin.get("/teach/modules/fact-checking/statistics?cohort=small")
    #expect(small.body.contains("Fewer than 5 learners"))
    #expect(small.body.contains("<option value=\"small\" selected>Small group</option>"))
    #expect(!small.body.contains("fc-voice-note"))

    // A trainer sees the cohorts they are attached to, and only those learners.
    try server.academy.database.write { c in
      try c.execute("INSERT INTO cohorts(id, name, created_at) VALUES ('five', 'Five of them', 0)")
      for u in users.prefix(5) {
        try c.execute("INSERT INTO cohort_members(cohort_id, user_id) VALUES ('five', ?)", [u])
      }
    }
    let trainer = try server.staffClient(.trainer, name: "Trainer")
    let none = try trainer.get("/teach/modules/fact-checking/statistics")
    #expect(none.status == 200 && none.body.contains("You follow no cohort yet"))
    #expect(none.body.contains("Final quiz attempts counted: 0"))
    let trainerID = try #require(
      try server.academy.database.read {
        try $0.scalar("SELECT id FROM users WHERE role = 'trainer' AND display_name = 'Trainer'")
          .string
      })
    try server.academy.database.write {
      try $0.execute(
        "INSERT INTO cohort_members(cohort_id, user_id) VALUES ('five', ?)", [trainerID])
    }
    let mine = try trainer.get("/teach/modules/fact-checking/statistics")
    #expect(mine.body.contains("Final quiz attempts counted: 5"))
    #expect(mine.body.contains("<option value=\"five\">Five of them</option>"))
    #expect(!mine.body.contains("Small group"))
    #expect(try trainer.get("/teach/modules/fact-checking/statistics?cohort=small").status == 404)
    #expect(
      try trainer.get("/teach/modules/fact-checking/statistics.csv?cohort=small").status == 404)
    let theirs = try trainer.get("/teach/modules/fact-checking/statistics.csv").body
    #expect(theirs.contains("\nfc-voice-note,multichoice,5,0.8000,"))
  }
}
