import Academy
import Foundation
import Testing

@testable import Web

/// Issue 16 over real sockets: a borrowed phone can't change the passphrase, a 429 says
/// when to come back, deletion requests reach the learner's managers and are decided, and
/// an erasure on the running server leaves nothing of the person in the database files.
@Suite(.serialized) struct AccountsTests {
  static let old = "river stone lantern"

  /// A manager with a passphrase, signed in through the form on two devices.
  static func managerOnTwoDevices(_ server: TestServer) throws -> (
    TestHTTPClient, TestHTTPClient, User
  ) {
    let u = try server.academy.createUser(role: .manager, displayName: "Marie")
    try server.academy.setPassphrase(userID: u.id, handle: "marie", passphrase: old)
    var devices: [TestHTTPClient] = []
    for _ in 0..<2 {
      let c = server.client()
      _ = try c.get("/signin")
      #expect(try c.post("/signin", [("handle", "marie"), ("passphrase", old)]).status == 303)
      devices.append(c)
    }
    return (devices[0], devices[1], u)
  }

  @Test func aBorrowedPhoneCannotChangeThePassphraseAndAChangeEndsOtherSessions() throws {
    let server = try TestServer()
    defer { server.stop() }
    let (phone, laptop, u) = try Self.managerOnTwoDevices(server)
    // The sign-in was an hour ago.
    try server.academy.database.write {
      try $0.execute("UPDATE sessions SET created_at = created_at - 3600 WHERE user_id = ?", [u.id])
    }
    let form = try phone.get("/me")
    #expect(form.body.contains("name=\"current\""))
    let taken = try phone.post(
      "/me/passphrase",
      [
        ("handle", "thief"), ("passphrase", "thief passphrase 1"),
        ("confirm", "thief passphrase 1"),
      ])
    #expect(taken.status == 403)
    #expect(taken.body.contains("Type your current passphrase"))
    #expect(try server.academy.verifyPassphrase(handle: "marie", passphrase: Self.old)?.id == u.id)
    #expect(try laptop.get("/me").status == 200)

    let changed = try phone.post(
      "/me/passphrase",
      [
        ("current", Self.old), ("handle", "marie"), ("passphrase", "a new long passphrase"),
        ("confirm", "a new long passphrase"),
      ])
    #expect(changed.status == 303)
    #expect(try phone.get("/me").status == 200)
    #expect(try laptop.get("/me").status == 303)  // signed out: sent to sign in
  }

  @Test func guessingTheCurrentPassphraseIsLimitedAndEvery429SaysWhenToComeBack() throws {
    let server = try TestServer()
    defer { server.stop() }
    let (phone, _, u) = try Self.managerOnTwoDevices(server)
    try server.academy.database.write {
      try $0.execute("UPDATE sessions SET created_at = created_at - 3600 WHERE user_id = ?", [u.id])
    }
    var last: TestHTTPClient.Reply?
    for i in 0..<11 {
      last = try phone.post(
        "/me/passphrase",
        [
          ("current", "guess number \(i)"), ("handle", "marie"),
          ("passphrase", "a new long passphrase"), ("confirm", "a new long passphrase"),
        ])
    }
    #expect(last?.status == 429)
    #expect(Int(last?.header("Retry-After") ?? "") ?? 0 > 0)

    let c = server.client()
    _ = try c.get("/signin")
    var reply: TestHTTPClient.Reply?
    for _ in 0..<11 {
      reply = try c.post("/signin", [("handle", "marie"), ("passphrase", "wrong passphrase!")])
    }
    #expect(reply?.status == 429)
    let wait = try #require(Int(reply?.header("Retry-After") ?? ""))
    #expect(wait > 0 && wait <= 15 * 60)
  }

  @Test func managersDecideDeletionRequestsAndTheLearnerSeesTheAnswer() throws {
    let server = try TestServer()
    defer { server.stop() }
    let learner = try server.learnerClient(name: "Zanzibarquux Awa")
    let id = try #require(
      try server.academy.database.read {
        try $0.scalar("SELECT id FROM users WHERE display_name = 'Zanzibarquux Awa'").string
      })
    let (manager, managerID) = try server.staffClient(role: "manager", name: "Mine")
    let (stranger, _) = try server.staffClient(role: "manager", name: "Stranger")
    try server.shareCohort([id, managerID])
    #expect(try learner.post("/me/delete", []).status == 303)
    let me = try learner.get("/me").body
    let due = Dates.long(
      try #require(try server.academy.deletionRequest(userID: id)).dueAt, server.academy.catalog.interface(.en))
    #expect(me.contains("A manager will answer by \(due)"))

    #expect(try manager.get("/manage").body.contains("Deletion requests waiting: 1"))
    let list = try manager.get("/manage/deletions")
    #expect(list.status == 200)
    #expect(list.body.contains("Zanzibarquux Awa"))
    #expect(try stranger.get("/manage/deletions").body.contains("No request is waiting."))
    #expect(try stranger.post("/manage/deletions/\(id)/decline", [("reason", "no")]).status == 404)
    #expect(try learner.post("/manage/deletions/\(id)/confirm", [("confirm", "yes")]).status == 403)
    #expect(
      try manager.post("/manage/deletions/\(id)/decline", [("reason", "x")], csrf: false).status
        == 403)
    #expect(try manager.post("/manage/deletions/\(id)/decline", [("reason", " ")]).status == 400)

    let reason = "Your certificate is under review <b>until May</b>."
    #expect(try manager.post("/manage/deletions/\(id)/decline", [("reason", reason)]).status == 303)
    let declined = try learner.get("/me").body
    #expect(declined.contains("Reason given: Your certificate is under review &lt;b&gt;until May"))
    #expect(try manager.get("/manage/deletions").body.contains("No request is waiting."))
    let export = try MeTests.object(try learner.get("/me/export.json").body)
    let request = try #require(export["deletionRequest"] as? [String: Any])
    #expect(request["state"] as? String == "declined")
    #expect(request["reason"] as? String == reason)
    #expect(request["dueAt"] is String)

    // Asked again, then confirmed: the learner is erased at once, on the running server.
    #expect(try learner.post("/me/delete", []).status == 303)
    #expect(try manager.post("/manage/deletions/\(id)/confirm", []).status == 400)
    #expect(try manager.post("/manage/deletions/\(id)/confirm", [("confirm", "yes")]).status == 303)
    #expect(try learner.get("/me").status == 303)
    #expect(try server.academy.user(id)?.erased == true)
    let path = server.dataDirectory.appendingPathComponent("relais.sqlite").path
    for p in [path, path + "-wal", path + "-shm"] {
      let bytes = FileManager.default.contents(atPath: p) ?? Data()
      #expect(bytes.range(of: Data("Zanzibarquux".utf8)) == nil, "\(p)")
      #expect(bytes.range(of: Data("under review".utf8)) == nil, "\(p)")
    }
  }
}
