import Foundation
import Testing

/// `/me` and `/me/export.json` over real sockets: the export holds every value the page
/// shows, and nothing about anyone else; profile, passphrase, sign-out and deletion requests.
@Suite(.serialized) struct MeTests {
  static func object(_ body: String) throws -> [String: Any] {
    try #require(try JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any])
  }

  @Test func exportHoldsEverythingShownOnMeAndNothingAboutAnyoneElse() throws {
    let server = try TestServer()
    defer { server.stop() }
    let (amina, aminaCode) = try server.certifiedLearner(name: "Amina Diallo")
    let (jean, jeanCode) = try server.certifiedLearner(name: "Jean Dupont")
    let aminaID = try server.holderID(of: aminaCode)
    let jeanID = try server.holderID(of: jeanCode)
    let (_, managerID) = try server.staffClient(role: "manager", name: "Marie Manager")
    try server.shareCohort([aminaID, jeanID, managerID])
    try server.academy.database.write { c in
      try c.execute(
        "INSERT INTO acknowledgements(user_id, document, version, name, acknowledged_at) VALUES (?,?,?,?,?)",
        [aminaID, "code-of-conduct", "2026-1", "Amina Diallo", 1_790_000_000])
      try c.execute(
        "INSERT INTO acknowledgements(user_id, document, version, name, acknowledged_at) VALUES (?,?,?,?,?)",
        [jeanID, "code-of-conduct", "2026-1", "Jean Dupont", 1_790_000_000])
    }

    // Correct the profile (optional details), set a sign-in name.
    let saved = try amina.post(
      "/me/profile",
      [
        ("name", "Amina D."), ("locale", "en"), ("age", "25-34"), ("gender", "woman"),
        ("disability", ""),
      ])
    #expect(saved.status == 303)
    let mismatch = try amina.post(
      "/me/passphrase",
      [("handle", "amina.d"), ("passphrase", "river stone lantern"), ("confirm", "other")])
    #expect(mismatch.status == 400)
    #expect(mismatch.body.contains("The two passphrases are different."))
    #expect(
      try amina.post(
        "/me/passphrase", [("handle", "amina.d"), ("passphrase", "short"), ("confirm", "short")]
      ).status == 400)
    let set = try amina.post(
      "/me/passphrase",
      [
        ("handle", "amina.d"), ("passphrase", "river stone lantern"),
        ("confirm", "river stone lantern"),
      ])
    #expect(set.status == 303)

    let page = try amina.get("/me")
    #expect(page.status == 200)
    let reply = try amina.get("/me/export.json")
    #expect(reply.status == 200)
    #expect(reply.header("Content-Type")?.hasPrefix("application/json") == true)
    #expect(reply.header("Content-Disposition")?.contains("attachment") == true)
    let export = try Self.object(reply.body)

    // Every value shown on /me is in the export.
    let profile = try #require(export["profile"] as? [String: Any])
    #expect(profile["displayName"] as? String == "Amina D.")
    #expect(page.body.contains("Amina D."))
    #expect(profile["ageBand"] as? String == "25-34")
    #expect(page.body.contains("25 to 34"))
    #expect(profile["gender"] as? String == "woman")
    #expect(page.body.contains("Woman"))
    #expect(profile["disability"] is NSNull)
    #expect(profile["signInName"] as? String == "amina.d")
    #expect(page.body.contains("Your sign-in name: amina.d"))
    #expect(profile["hasPassphrase"] as? Bool == true)
    #expect(!reply.body.contains("river stone lantern"))
    #expect(export["cohorts"] as? [String] == ["Cohort"])
    #expect(page.body.contains("Cohort"))

    let progress = try #require(export["progress"] as? [[String: Any]])
    #expect(!progress.isEmpty)
    for p in progress {
      let read = (p["lessonsRead"] as? [String])?.count ?? -1
      #expect(page.body.contains("\(read) of \(p["lessonCount"] as? Int ?? -1) lessons read"))
      #expect(page.body.contains(p["title"] as? String ?? "—"))
    }
    let attempts = try #require(export["attempts"] as? [[String: Any]])
    #expect(attempts.count >= 1)
    for a in attempts {
      let id = try #require(a["id"] as? String)
      #expect(page.body.contains("/attempts/\(id)"))
      #expect(page.body.contains("\(a["scorePercent"] as? Int ?? -1)%"))
      #expect((a["answers"] as? [Any])?.isEmpty == false)
    }
    let certificates = try #require(export["certificates"] as? [[String: Any]])
    #expect(certificates.map { $0["code"] as? String } == [aminaCode])
    #expect(page.body.contains(aminaCode))
    #expect(
      ((certificates[0]["history"] as? [[String: Any]])?.first?["event"] as? String) == "issued")
    let acks = try #require(export["acknowledgements"] as? [[String: Any]])
    #expect(acks.count == 1)
    #expect(
      page.body.contains("code-of-conduct, version 2026-1, signed “\u{2068}Amina Diallo\u{2069}”"))
    let sessions = try #require(export["sessions"] as? [String: Any])
    let count = try #require(sessions["count"] as? Int)
    #expect(count >= 1)
    #expect(page.body.contains("Devices signed in: \(count)"))
    #expect(export["deletionRequest"] is NSNull)
    #expect(
      (export["events"] as? [[String: Any]])?.contains {
        $0["action"] as? String == "passphrase.set"
      } == true)
    #expect((export["lessonViews"] as? [Any])?.isEmpty == false)

    // Nothing about anyone else: not Jean, not the manager, not the admin.
    let jeanAttempts = try server.academy.database.read { c in
      try c.query("SELECT id FROM attempts WHERE user_id = ?", [jeanID]).compactMap {
        $0.string("id")
      }
    }
    let admin = try server.academy.ensureAdmin()
    for other in [jeanID, jeanCode, "Jean", managerID, "Marie", admin.id] + jeanAttempts {
      #expect(!reply.body.contains(other), "export leaks \(other)")
      #expect(!page.body.contains(other), "/me leaks \(other)")
    }
    let jeanExport = try jean.get("/me/export.json").body
    #expect(
      !jeanExport.contains(aminaID) && !jeanExport.contains("Amina")
        && !jeanExport.contains(aminaCode))
    #expect(try server.client().get("/me/export.json").status == 303)
  }

  @Test func passphraseSignsInElsewhereAndSignOutEverywhereEndsEverySession() throws {
    let server = try TestServer()
    defer { server.stop() }
    let phone = try server.learnerClient(name: "Kofi")
    #expect(
      try phone.post(
        "/me/passphrase",
        [
          ("handle", "kofi"), ("passphrase", "green mango season"),
          ("confirm", "green mango season"),
        ]
      ).status == 303)
    let laptop = server.client()
    _ = try laptop.get("/signin")
    #expect(
      try laptop.post("/signin", [("handle", "kofi"), ("passphrase", "green mango season")]).status
        == 303)
    #expect(try laptop.get("/me").body.contains("Devices signed in: 2"))
    #expect(try laptop.post("/signout/everywhere", []).status == 303)
    #expect(try phone.get("/me").status == 303)
  }

  @Test func deletionRequestIsStoredAuditedShownAndCancellable() throws {
    let server = try TestServer()
    defer { server.stop() }
    let learner = try server.learnerClient(name: "Awa", locale: "fr")
    #expect(try learner.get("/me").body.contains("Demander la suppression de mon compte"))
    #expect(try learner.post("/me/delete", []).status == 303)
    var page = try learner.get("/me")
    #expect(page.body.contains("Vous avez demandé la suppression de votre compte"))
    #expect(page.body.contains("Annuler ma demande"))
    let pending = try server.academy.pendingDeletionRequests()
    #expect(pending.count == 1)
    let id = try #require(pending.first?.userID)
    #expect(
      try server.academy.auditLog().contains { $0.action == "deletion.request" && $0.subject == id }
    )
    #expect(
      (try Self.object(try learner.get("/me/export.json").body)["deletionRequest"] as? [String: Any])?[
        "state"] as? String == "pending")
    #expect(try learner.post("/me/delete", []).status == 303)
    #expect(try server.academy.auditLog().filter { $0.action == "deletion.request" }.count == 1)
    #expect(try learner.post("/me/delete/cancel", []).status == 303)
    page = try learner.get("/me")
    #expect(page.body.contains("Vous avez annulé votre demande de suppression."))
    #expect(try server.academy.pendingDeletionRequests().isEmpty)
  }

  @Test func profileRejectsAnEmptyNameAndUnknownDemographics() throws {
    let server = try TestServer()
    defer { server.stop() }
    let learner = try server.learnerClient(name: "Ali")
    #expect(try learner.post("/me/profile", [("name", "  "), ("locale", "en")]).status == 400)
    #expect(
      try learner.post(
        "/me/profile",
        [("name", "Ali B"), ("locale", "fr"), ("age", "999"), ("gender", "<script>")]
      ).status == 303)
    let export = try Self.object(try learner.get("/me/export.json").body)
    let profile = try #require(export["profile"] as? [String: Any])
    #expect(profile["ageBand"] is NSNull)
    #expect(profile["gender"] is NSNull)
    #expect(profile["locale"] as? String == "fr")
    #expect(try learner.get("/me").body.contains("<html lang=\"fr\""))
  }
}
