// libFuzzer entry over the whole application's dispatch (issue 15), built by
// Tests/Fuzz/run.sh against the compiled modules (Web and everything below it) and
// Tests/WebTests/Support/HTMLCheck.swift. Not part of the package.
//
// An input is a request, in fields split at byte 0x1F:
//   byte 0      who: signed out, learner, trainer, manager, admin (value % 5)
//   byte 1      which route of `App.routes` (value % count)
//   byte 2      flags: bit 0 a valid CSRF field and Origin on POSTs, bit 1 the form's
//               content type, bit 2 real ids in empty path parameters, bit 3 HEAD for GET
//   fields 0…   path parameter values (0x1E between them), raw query, raw body (where
//               `ATTEMPT` becomes the learner's open attempt), Accept-Language, extra Cookie
//               text, Origin, Referer, Content-Type, Host
// The oracle: no trap (libFuzzer reports the signal), no 5xx, no streamed body cut short,
// every HTML answer well formed. The programme behind it (copied content, demo cohort,
// staff attached, one account per role) is rebuilt every 50,000 inputs so that what the
// inputs add (attempts, invites, audit rows) cannot slow the run down without bound.
import Academy
import Catalog
import Foundation
import HTTPServer
import Web

final class Programme {
  let directory: URL
  let academy: Academy
  let responder: AppResponder
  let routes: [Route]
  var sessions: [String] = []
  var people: [User] = []
  /// Good values for path parameters, by name (`id` depends on the route; see `value`).
  var good: [String: String] = [:]
  var attemptID = ""
  var cohortID = ""
  var learnerID = ""
  let csrf = String(repeating: "f", count: 43)

  init() throws {
    let fm = FileManager.default
    // run.sh says where the repository is; else this file's path (relative to where the
    // compiler ran, which is the repository's root too).
    let root =
      ProcessInfo.processInfo.environment["RELAIS_ROOT"].map { URL(fileURLWithPath: $0) }
      ?? URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    let shm = URL(fileURLWithPath: "/dev/shm")
    let base = fm.isWritableFile(atPath: shm.path) ? shm : fm.temporaryDirectory
    directory = base.appendingPathComponent("relais-fuzz-app-\(UUID().uuidString)")
    try fm.createDirectory(at: directory, withIntermediateDirectories: true)
    for folder in ["Curriculum", "Assessments"] {
      try fm.copyItem(
        at: root.appendingPathComponent(folder), to: directory.appendingPathComponent(folder))
    }
    // The repository has no numerical, matching or essay question: one module with each.
    try fm.createDirectory(
      at: directory.appendingPathComponent("Curriculum/kinds"), withIntermediateDirectories: true)
    try
      "---\ntitle: Kinds\nsummary: Every kind.\norder: 99\npass_mark: 50\ncertificate_months: 12\n---\nIntro.\n"
      .write(
        to: directory.appendingPathComponent("Curriculum/kinds/module.md"), atomically: true,
        encoding: .utf8)
    try "---\ntitle: Only\nminutes: 1\nobjectives:\n  - Read\n---\nText.\n".write(
      to: directory.appendingPathComponent("Curriculum/kinds/01-only.md"), atomically: true,
      encoding: .utf8)
    try """
    ::k-tf::The sky is blue.{T}

    ::k-mc::Pick one.{=right ~wrong ~other}

    ::k-multi::Pick several.{~%50%a ~%50%b ~%-100%c}

    ::k-short::Capital of France?{=Paris =paris}

    ::k-num::How many days in a week?{#7:0}

    ::k-match::Match them.{=one -> 1 =two -> 2 =three -> 3}

    ::k-essay::Explain why.{}
    """.write(
      to: directory.appendingPathComponent("Assessments/kinds.gift"), atomically: true,
      encoding: .utf8)
    let store = CatalogStore(
      loader: CatalogLoader(
        curriculum: directory.appendingPathComponent("Curriculum"),
        assessments: directory.appendingPathComponent("Assessments")))
    var policy = Academy.Policy()
    policy.passphraseIterations = 1000
    academy = try Academy(
      databasePath: directory.appendingPathComponent("relais.sqlite").path, content: store,
      policy: policy)
    let app = App(academy: academy)
    responder = AppResponder(app)
    routes = app.routes

    let admin = try academy.ensureAdmin()
    _ = try academy.generateDemoData(learners: 12, attempts: 40)
    people = [
      try academy.createUser(role: .learner, displayName: "Fuzz learner"),
      try academy.createUser(role: .trainer, displayName: "Fuzz trainer"),
      try academy.createUser(role: .manager, displayName: "Fuzz manager"), admin,
    ]
    let cohort = try academy.cohorts(visibleTo: admin).first
    cohortID = cohort?.id ?? ""
    learnerID =
      try cohort.map { try academy.members(cohortID: $0.id) }?
      .first { $0.role == .learner }?.id ?? ""
    if let cohort {
      for u in people[1...2] {
        try academy.attachStaff(cohortID: cohort.id, userID: u.id, actor: admin)
      }
    }
    sessions = try people.map { try academy.startSession(userID: $0.id) }
    attemptID =
      try academy.startAttempt(
        userID: people[0].id, module: "kinds", kind: .certifying, language: .en
      ).id
    let scope = try academy.reportScope(viewer: admin, cohortID: nil)
    good = [
      "m": "kinds", "lesson": "01-only", "slug": "code-of-conduct",
      "file": "01-why-verify.md",
      "code": try academy.certificateRecords(scope: scope).first?.code ?? "",
      "token": try academy.createInvite(createdBy: admin.id),
    ]
  }

  func close() {
    academy.close()
    try? FileManager.default.removeItem(at: directory)
  }

  /// A real value for an empty parameter, so the page gets past its lookups.
  func value(_ name: String, pattern: String) -> String {
    if name == "id" {
      if pattern.hasPrefix("/attempts") { return attemptID }
      if pattern.hasPrefix("/manage/learners") { return learnerID }
      return cohortID
    }
    if name == "m" && pattern.hasPrefix("/teach/edit") { return "fact-checking" }
    return good[name] ?? ""
  }

  func handle(_ input: [UInt8]) {
    guard input.count >= 3 else { return }
    let who = Int(input[0]) % 5
    let route = routes[Int(input[1]) % routes.count]
    let flags = input[2]
    var fields = input[3...].split(separator: 0x1F, omittingEmptySubsequences: false).map {
      String(decoding: $0, as: UTF8.self)
    }
    while fields.count < 9 { fields.append("") }
    // Path: the pattern with each parameter replaced.
    var given = fields[0].split(separator: "\u{1E}", omittingEmptySubsequences: false)
      .makeIterator()
    var path = ""
    for segment in route.pattern.split(separator: "/") {
      path += "/"
      guard segment.hasPrefix(":") else {
        path += segment
        continue
      }
      let v = given.next().map(String.init) ?? ""
      path +=
        v.isEmpty && flags & 4 != 0 ? value(String(segment.dropFirst()), pattern: route.pattern) : v
    }
    if path.isEmpty { path = "/" }
    var method = route.method
    if method == "GET" && flags & 8 != 0 { method = "HEAD" }
    var headers = HTTPHeaders([("Host", fields[8].isEmpty ? "relais.test" : fields[8])])
    var cookie = "relais_csrf=\(csrf)"
    if who > 0 { cookie += "; relais_session=\(sessions[who - 1])" }
    if !fields[4].isEmpty { cookie += "; " + fields[4] }
    headers.add("Cookie", cookie)
    if !fields[3].isEmpty { headers.add("Accept-Language", fields[3]) }
    // `ATTEMPT` stands for the learner's open attempt, so a quiz answer can be graded.
    if fields[2].contains("ATTEMPT") {
      fields[2] = fields[2].replacingOccurrences(of: "ATTEMPT", with: attemptID)
    }
    var body = Array(fields[2].utf8)
    if method == "POST" {
      if flags & 1 != 0 {
        body = Array("csrf=\(csrf)&".utf8) + body
        headers.add("Origin", fields[5].isEmpty ? "http://relais.test" : fields[5])
      } else if !fields[5].isEmpty {
        headers.add("Origin", fields[5])
      }
      if flags & 2 != 0 {
        headers.add("Content-Type", "application/x-www-form-urlencoded")
      } else if !fields[7].isEmpty {
        headers.add("Content-Type", fields[7])
      }
    }
    if !fields[6].isEmpty { headers.add("Referer", fields[6]) }
    let request = HTTPRequest(
      method: method, path: path, rawQuery: fields[1], headers: headers, body: body,
      remoteAddress: "127.0.0.1")
    let response = responder.respond(to: request)
    // Signing out (everywhere), deleting or erasing may end a role's session: new ones.
    if method == "POST",
      ["signout", "delete", "erase"].contains(where: { route.pattern.contains($0) })
    {
      do {
        sessions = try people.map { try academy.startSession(userID: $0.id) }
      } catch {
        inputs = 0  // someone was erased: a fresh programme for the next input
      }
    }
    let (bytes, failure) = response.collectedBody()
    let what = "\(method) \(route.pattern) as role \(who): \(path.prefix(120))"
    if response.status >= 500 { fail("status \(response.status) for \(what)") }
    if let failure { fail("stream failed (\(failure)) for \(what)") }
    if response.headers["Content-Type"]?.hasPrefix("text/html") == true,
      let problem = HTMLCheck.problem(bytes)
    {
      fail("bad HTML (\(problem)) for \(what)")
    }
  }

  func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("fuzz-app: \(message)\n".utf8))
    abort()
  }
}

nonisolated(unsafe) var programme: Programme?
nonisolated(unsafe) var inputs = 0

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzApp(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  if programme == nil || inputs % 50_000 == 0 {
    programme?.close()
    do {
      programme = try Programme()
      // FUZZ_APP_ROUTES=1 prints the table, to write seeds that name a route (byte 1).
      if ProcessInfo.processInfo.environment["FUZZ_APP_ROUTES"] != nil, inputs == 0 {
        for (i, r) in (programme?.routes ?? []).enumerated() { print(i, r.method, r.pattern) }
      }
    } catch {
      FileHandle.standardError.write(Data("fuzz-app: setup failed: \(error)\n".utf8))
      abort()
    }
  }
  inputs += 1
  programme?.handle(Array(UnsafeBufferPointer(start: data, count: size)))
  return 0
}
