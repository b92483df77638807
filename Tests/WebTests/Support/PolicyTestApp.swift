import Academy
import Catalog
import Foundation
import GIFT
import HTTPServer

@testable import Web

/// The real `App` over a fresh database and a small curriculum, answering `HTTPRequest`s in
/// process (no socket): the route table, the role gate, CSRF and the pages, as a browser
/// would reach them, fast enough to walk hundreds of cases.
///
/// Modules: `e` (pass mark 60: two true/false questions and an essay, `e1`), and `p`, `q`
/// (one true/false question each, to hold certificates).
final class PolicyTestApp {
  let root: URL
  let academy: Academy
  let app: App
  let router: Router
  /// The first admin, who builds the worlds (so an admin under test is someone else).
  let admin: User
  static let host = "relais.test"
  static let repoRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  init() throws {
    root = FileManager.default.temporaryDirectory.appendingPathComponent(
      "relais-policy-\(UUID().uuidString)")
    let cur = root.appendingPathComponent("Curriculum")
    let assess = root.appendingPathComponent("Assessments")
    for (slug, pass, gift) in [
      ("e", 60, "::t1::True?{T}\n\n::t2::False?{F}\n\n::e1::Explain what you checked.{}\n"),
      ("p", 50, "::t1::True?{T}\n"), ("q", 50, "::t1::True?{T}\n"),
    ] {
      let dir = cur.appendingPathComponent(slug)
      try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
      try FileManager.default.createDirectory(at: assess, withIntermediateDirectories: true)
      try "---\ntitle: Module \(slug)\nsummary: S\norder: 1\npass_mark: \(pass)\n---\nIntro\n"
        .write(
          to: dir.appendingPathComponent("module.md"), atomically: true, encoding: .utf8)
      try "---\ntitle: L\nminutes: 2\n---\nText\n".write(
        to: dir.appendingPathComponent("01-l.md"), atomically: true, encoding: .utf8)
      try gift.write(
        to: assess.appendingPathComponent("\(slug).gift"), atomically: true, encoding: .utf8)
    }
    let store = CatalogStore(loader: CatalogLoader(curriculum: cur, assessments: assess))
    var policy = Academy.Policy()
    policy.passphraseIterations = 1000
    academy = try Academy(
      databasePath: root.appendingPathComponent("relais.sqlite").path, content: store,
      policy: policy)
    app = App(academy: academy)
    router = app.router()
    admin = try academy.ensureAdmin()
  }

  deinit {
    academy.close()
    try? FileManager.default.removeItem(at: root)
  }

  /// A browser signed in as `user` (a session made directly: sign-in has its own tests).
  func client(_ user: User?) throws -> Client {
    Client(app: self, session: try user.map { try academy.startSession(userID: $0.id) })
  }

  struct Reply {
    var status: Int
    var body: String
    var location: String?
  }

  struct Client {
    let app: PolicyTestApp
    let session: String?
    let csrf = String(repeating: "c", count: 40)

    func get(_ target: String) -> Reply { send("GET", target, []) }
    func post(_ target: String, _ form: [(String, String)]) -> Reply {
      send("POST", target, [("csrf", csrf)] + form)
    }

    func send(_ method: String, _ target: String, _ form: [(String, String)]) -> Reply {
      let parts = target.split(separator: "?", maxSplits: 1)
      let path = String(parts.first ?? "")
      var headers = HTTPHeaders([("Host", PolicyTestApp.host)])
      var cookie = "relais_csrf=\(csrf)"
      if let session { cookie += "; relais_session=\(session)" }
      headers.add("Cookie", cookie)
      var body: [UInt8] = []
      if method == "POST" {
        headers.add("Origin", "http://\(PolicyTestApp.host)")
        headers.add("Content-Type", "application/x-www-form-urlencoded")
        body = Array(
          form.map { "\(Self.encode($0.0))=\(Self.encode($0.1))" }.joined(separator: "&").utf8)
      }
      guard case .found(let route, let parameters) = app.router.match(method: method, path: path)
      else { return Reply(status: 404, body: "", location: nil) }
      let request = HTTPRequest(
        method: method, path: path, rawQuery: parts.count > 1 ? String(parts[1]) : "",
        headers: headers, body: body, parameters: parameters, remoteAddress: "10.0.0.1")
      let r = route.handler(request)
      return Reply(
        status: r.status, body: String(decoding: r.body, as: UTF8.self),
        location: r.headers["Location"])
    }

    static func encode(_ s: String) -> String {
      s.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
    }
  }

  // MARK: - Building a world

  func cohort(_ name: String, members: [User]) throws -> String {
    let k = try academy.createCohort(name: name, actor: admin)
    try academy.database.write { c in
      for u in members {
        try c.execute("INSERT INTO cohort_members(cohort_id, user_id) VALUES (?,?)", [k.id, u.id])
      }
    }
    return k.id
  }

  /// Submits `e` for `user` as they would: t1 right, t2 wrong, an essay waiting (33 %, failed).
  func essayAttempt(_ user: User, essay: String = "I asked the clinic.") throws -> String {
    _ = try academy.lessonRead(userID: user.id, module: "e", lesson: "01-l")
    let a = try academy.startAttempt(userID: user.id, module: "e", kind: .certifying, language: .en)
    _ = try academy.submit(
      attemptID: a.id, userID: user.id,
      responses: ["t1": .trueFalse(true), "t2": .trueFalse(true), "e1": .text(essay)])
    return a.id
  }

  /// A certificate of module `p` or `q` for `user`, earned by a passed quiz.
  func certificate(_ user: User, module: String) throws -> String {
    _ = try academy.lessonRead(userID: user.id, module: module, lesson: "01-l")
    let a = try academy.startAttempt(
      userID: user.id, module: module, kind: .certifying, language: .en)
    let r = try academy.submit(
      attemptID: a.id, userID: user.id, responses: ["t1": .trueFalse(true)])
    guard let code = r.certificateCode else { throw AcademyError("no certificate") }
    return code
  }
}
