import Foundation
import Testing

/// Helpers for the certificate tests: a learner who passed, staff clients, raw bytes.
extension TestServer {
  /// A learner (joined by invite, in `locale`) who read every lesson and passed the
  /// certifying quiz; returns their client and certificate code.
  func certifiedLearner(name: String, locale: String = "en") throws -> (TestHTTPClient, String) {
    let learner = try learnerClient(name: name, locale: locale)
    let module = try learner.get("/modules/fact-checking")
    for lesson in module.body.captures("href=\"/modules/fact-checking/(0[0-9][^\"]*)\"") {
      _ = try learner.post("/modules/fact-checking/\(lesson)/done", [])
    }
    let quiz = try learner.get("/modules/fact-checking/quiz")
    let submitted = try learner.post(
      "/modules/fact-checking/quiz",
      try LearnerPathTests.answers(for: quiz.body, server: self, right: true))
    let result = try learner.get(try #require(submitted.location))
    let code = try #require(result.body.capture("/certificates/(RLX-[A-Z0-9-]+)"))
    return (learner, code)
  }

  /// A client signed in as a new staff member with `role`.
  func staffClient(role: String, name: String) throws -> (TestHTTPClient, String) {
    let user = try academy.createUser(role: .init(rawValue: role)!, displayName: name)
    let token = try academy.createSignInLink(userID: user.id, createdBy: nil)
    let c = client()
    _ = try c.get("/signin/link/\(token)")
    let r = try c.post("/signin/link/\(token)", [])
    guard r.status == 303 else {
      throw TestHTTPClient.ClientError(description: "staff sign-in failed: \(r.status)")
    }
    return (c, user.id)
  }

  /// Puts people in one new cohort (as the managing pages will).
  func shareCohort(_ userIDs: [String]) throws {
    let cohort = UUID().uuidString
    try academy.database.write { c in
      try c.execute(
        "INSERT INTO cohorts(id, name, created_at) VALUES (?,?,?)", [cohort, "Cohort", 0])
      for id in userIDs {
        try c.execute("INSERT INTO cohort_members(cohort_id, user_id) VALUES (?,?)", [cohort, id])
      }
    }
  }

  func holderID(of code: String) throws -> String {
    try #require(
      try academy.database.read {
        try $0.scalar("SELECT user_id FROM certificates WHERE code = ?", [code]).string
      })
  }
}

extension TestHTTPClient {
  /// The status, headers and raw body bytes (a PDF is binary).
  func getBytes(_ path: String) throws -> (status: Int, contentType: String?, body: [UInt8]) {
    let raw = try Self.exchange(
      port: port,
      Array("GET \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\n\r\n".utf8))
    let reply = try Self.parse(raw)
    let end = try #require(raw.firstRange(of: Array("\r\n\r\n".utf8)))
    return (reply.status, reply.header("Content-Type"), Array(raw[end.upperBound...]))
  }
}

/// Runs a poppler tool on a file and returns its standard output.
func poppler(_ tool: String, _ arguments: [String]) throws -> String {
  let p = Process()
  p.executableURL = URL(fileURLWithPath: "/usr/bin/\(tool)")
  p.arguments = arguments
  let out = Pipe()
  p.standardOutput = out
  p.standardError = Pipe()
  try p.run()
  let data = out.fileHandleForReading.readDataToEndOfFile()
  p.waitUntilExit()
  return String(decoding: data, as: UTF8.self)
}
