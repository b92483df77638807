import Academy
import Catalog
import Foundation
import HTTPServer
import Web

/// The whole application in process, without sockets: a fresh database, the repository's
/// curriculum, and visitors who keep cookies like a browser. A request costs a function call,
/// so dispatch-level behaviour (headers, cookies, roles, CSRF, errors) is tested quickly.
///
///     let h = try AppHarness()
///     defer { h.close() }
///     let trainer = try h.visitor(.trainer)          // signed in, CSRF cookie set
///     let page = trainer.get("/teach")
///     #expect(page.status == 200)
///     let sent = trainer.post("/me", ["name": "Ada"])  // CSRF field and Origin added
///     let anon = h.visitor()                          // signed out
///
/// Raw requests (odd headers, bytes, methods) go through `responder.respond(to:)` or
/// `Visitor.send(_:)`, which still adds the visitor's cookies.
final class AppHarness {
  static let repoRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
  /// The host every request names; POSTs come from `origin` unless a test says otherwise.
  static let host = "relais.test"
  static let origin = "http://relais.test"

  let directory: URL
  let academy: Academy
  let app: App
  let responder: AppResponder
  /// One account per role, made on first use.
  private var people: [Role: User] = [:]

  /// A copy of the repository's `Curriculum/` and `Assessments/` (trainers' pages write to
  /// them), plus `files` (paths under the copy, such as `Assessments/x.gift`, to their text).
  init(files: [String: String] = [:]) throws {
    let fm = FileManager.default
    // In memory where there is /dev/shm: a test's every write would otherwise wait on fsync.
    let shm = URL(fileURLWithPath: "/dev/shm")
    let base = fm.isWritableFile(atPath: shm.path) ? shm : fm.temporaryDirectory
    directory = base.appendingPathComponent("relais-web-\(UUID().uuidString)")
    try fm.createDirectory(at: directory, withIntermediateDirectories: true)
    for folder in ["Curriculum", "Assessments"] {
      try fm.copyItem(
        at: Self.repoRoot.appendingPathComponent(folder),
        to: directory.appendingPathComponent(folder))
    }
    for (path, text) in files {
      let url = directory.appendingPathComponent(path)
      try fm.createDirectory(
        at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try text.write(to: url, atomically: true, encoding: .utf8)
    }
    let store = CatalogStore(
      loader: CatalogLoader(
        curriculum: directory.appendingPathComponent("Curriculum"),
        assessments: directory.appendingPathComponent("Assessments")))
    var policy = Academy.Policy()
    policy.passphraseIterations = 1000  // fast in tests; production uses 210,000
    academy = try Academy(
      databasePath: directory.appendingPathComponent("relais.sqlite").path, content: store,
      policy: policy)
    app = App(academy: academy)
    responder = AppResponder(app)
  }

  /// A module `kinds` whose certifying quiz has one question of every GIFT kind (the
  /// repository's quizzes have no numerical, matching or essay question).
  static let everyQuestionKind: [String: String] = [
    "Curriculum/kinds/module.md": """
    ---
    title: Every kind
    summary: One question of each kind.
    order: 99
    pass_mark: 50
    certificate_months: 12
    ---
    Intro.
    """,
    "Curriculum/kinds/01-only.md": """
    ---
    title: Only lesson
    minutes: 1
    objectives:
      - Read
    ---
    Text.
    """,
    "Assessments/kinds.gift": """
    ::k-tf::The sky is blue.{T}

    ::k-mc::Pick one.{=right ~wrong ~other}

    ::k-multi::Pick several.{~%50%a ~%50%b ~%-100%c}

    ::k-short::Capital of France?{=Paris =paris}

    ::k-num::How many days in a week?{#7:0}

    ::k-match::Match them.{=one -> 1 =two -> 2 =three -> 3}

    ::k-essay::Explain why.{}

    ::k-desc::Just read this.
    """,
  ]

  func close() {
    academy.close()
    try? FileManager.default.removeItem(at: directory)
  }

  /// The account used for `role` (the first admin for `.admin`); remade if it was erased.
  func person(_ role: Role) throws -> User {
    if let u = people[role], let fresh = try academy.user(u.id), !fresh.erased {
      return fresh
    }
    let u =
      role == .admin
      ? try academy.ensureAdmin() : try academy.createUser(role: role, displayName: "Test \(role)")
    people[role] = u
    return u
  }

  /// A browser signed in as `role`, with a new session (and, like every visitor, a CSRF
  /// cookie already, so its first POST can pass).
  func visitor(_ role: Role) throws -> Visitor {
    let v = Visitor(responder)
    let u = try person(role)
    v.user = u
    v.cookies["relais_session"] = try academy.startSession(userID: u.id)
    return v
  }

  /// A browser signed out; `role == nil` gives one too (handy when looping over roles).
  func visitor(_ role: Role?) throws -> Visitor {
    guard let role else { return visitor() }
    return try visitor(role)
  }

  func visitor() -> Visitor { Visitor(responder) }

  /// A browser signed in as this person (a second learner, say).
  func visitor(as user: User) throws -> Visitor {
    let v = Visitor(responder)
    v.user = user
    v.cookies["relais_session"] = try academy.startSession(userID: user.id)
    return v
  }
}

/// One browser: a cookie jar over an `AppResponder`. Not thread-safe (one test, one visitor).
final class Visitor {
  let responder: AppResponder
  var cookies: [String: String] = [:]
  var user: User?

  init(_ responder: AppResponder) {
    self.responder = responder
    // What the app would set on a first visit; 32+ characters, as it requires.
    cookies["relais_csrf"] = (UUID().uuidString + UUID().uuidString).replacingOccurrences(
      of: "-", with: "")
  }

  var csrf: String { cookies["relais_csrf"] ?? "" }

  func get(_ target: String, headers: [(String, String)] = []) -> Reply {
    send(Self.request("GET", target, headers: headers))
  }

  /// A form POST with this visitor's CSRF token and our own Origin (both can be overridden:
  /// a `csrf` field or an `Origin` header given here wins).
  func post(
    _ target: String, _ fields: KeyValuePairs<String, String> = [:],
    headers: [(String, String)] = []
  ) -> Reply {
    post(target, pairs: fields.map { ($0.key, $0.value) }, headers: headers)
  }

  func post(_ target: String, pairs: [(String, String)], headers: [(String, String)] = [])
    -> Reply
  {
    var all = pairs
    if !all.contains(where: { $0.0 == "csrf" }) { all.append(("csrf", csrf)) }
    var h = headers
    if !h.contains(where: { $0.0.lowercased() == "origin" }) {
      h.append(("Origin", AppHarness.origin))
    }
    h.append(("Content-Type", "application/x-www-form-urlencoded"))
    return send(Self.request("POST", target, headers: h, body: Array(Self.encode(all).utf8)))
  }

  /// Sends a request as built, adding this visitor's cookies (unless it has a Cookie header
  /// already) and keeping the ones the answer sets.
  func send(_ request: HTTPRequest) -> Reply {
    var r = request
    if r.headers["Cookie"] == nil, !cookies.isEmpty {
      r.headers.add(
        "Cookie", cookies.sorted { $0.key < $1.key }.map { "\($0)=\($1)" }.joined(separator: "; "))
    }
    let response = responder.respond(to: r)
    for line in response.headers.values("Set-Cookie") {
      let pair = line.split(separator: ";", maxSplits: 1).first ?? ""
      guard let eq = pair.firstIndex(of: "=") else { continue }
      let name = String(pair[..<eq]).trimmingCharacters(in: .whitespaces)
      let value = String(pair[pair.index(after: eq)...])
      if value.isEmpty || line.contains("Max-Age=0") {
        cookies[name] = nil
      } else {
        cookies[name] = value
      }
    }
    return Reply(response)
  }

  /// A request as the server's parser would give it: decoded path, raw query, a Host.
  static func request(
    _ method: String, _ target: String, headers: [(String, String)] = [], body: [UInt8] = []
  ) -> HTTPRequest {
    let q = target.firstIndex(of: "?")
    let rawPath = q.map { String(target[..<$0]) } ?? target
    let query = q.map { String(target[target.index(after: $0)...]) } ?? ""
    var h = HTTPHeaders([("Host", AppHarness.host)])
    for (name, value) in headers {
      if name.lowercased() == "host" { h.set("Host", value) } else { h.add(name, value) }
    }
    return HTTPRequest(
      method: method, path: rawPath.removingPercentEncoding ?? rawPath, rawQuery: query,
      headers: h, body: body, remoteAddress: "127.0.0.1")
  }

  /// `application/x-www-form-urlencoded`, every byte but unreserved ones escaped.
  static func encode(_ pairs: [(String, String)]) -> String {
    pairs.map { "\(escape($0.0))=\(escape($0.1))" }.joined(separator: "&")
  }

  static func escape(_ s: String) -> String {
    var out = ""
    for b in s.utf8 {
      switch b {
      case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
        UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"),
        UInt8(ascii: "."), UInt8(ascii: "~"):
        out.unicodeScalars.append(Unicode.Scalar(b))
      default: out += String(format: "%%%02X", b)
      }
    }
    return out
  }
}

/// A response with its body gathered (streamed ones too) and read as text.
struct Reply {
  var status: Int
  var headers: HTTPHeaders
  var body: [UInt8]
  /// What a streamed body's producer threw, if it did.
  var streamFailure: String?
  var text: String { String(decoding: body, as: UTF8.self) }
  var location: String? { headers["Location"] }
  var isHTML: Bool { headers["Content-Type"]?.hasPrefix("text/html") ?? false }

  init(_ r: HTTPResponse) {
    status = r.status
    headers = r.headers
    (body, streamFailure) = r.collectedBody()
  }
}
