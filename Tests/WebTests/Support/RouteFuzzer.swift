import Academy
import Foundation
import HTTPServer
import Web

/// Walks the route table: every route, as every role and signed out, with hostile values in
/// each path parameter, query key, form field (from the forms the pages render) and each
/// header the app reads. The oracle: the process lives (a trap ends the test run), no 5xx,
/// no streamed body cut short, and every HTML answer well formed (`HTMLCheck`).
/// Deterministic for a seed; `RELAIS_FUZZ_TRACE=1` prints each request before it is sent.
final class RouteFuzzer {
  struct Finding: CustomStringConvertible {
    var request: String
    var problem: String
    var description: String { "\(problem) ← \(request)" }
  }

  let h: AppHarness
  let routes: [Route]
  private let index: [String: Int]
  private let matcher: Router
  var rng: SeededRandom
  /// Hostile values tried per slot (parameter, key, field) on routes the role may use.
  var perSlot: Int
  private(set) var requests = 0
  /// Answers by status class (2 for 2xx…), to see how deep the requests went.
  private(set) var statusClasses: [Int: Int] = [:]
  private(set) var findings: [Finding] = []
  private(set) var slowest: (seconds: Double, request: String) = (0, "")
  /// Concrete paths per route (from links, form actions and seeds).
  private(set) var examples: [Int: [String]] = [:]
  /// Query keys seen in links and GET forms to each route.
  private var keys: [Int: Set<String>] = [:]
  /// Forms whose action is each route.
  private(set) var forms: [Int: [PageScan.Form]] = [:]
  let roles: [Role?] = [nil, .learner, .trainer, .manager, .admin]
  /// Every query key a page reads (grep `ctx.query(` in Sources/Web).
  static let queryKeys = [
    "back", "code", "cohort", "days", "dir", "done", "from", "kind", "lang", "page", "problem",
    "quiz", "saved", "sort", "to",
  ]
  static let headers = [
    "Accept-Language", "Cookie", "Origin", "Referer", "Content-Type", "Host", "If-None-Match",
  ]
  let trace = ProcessInfo.processInfo.environment["RELAIS_FUZZ_TRACE"] != nil

  init(_ harness: AppHarness, seed: UInt64, perSlot: Int) {
    h = harness
    routes = harness.app.routes
    var index: [String: Int] = [:]
    var matcher = Router()
    for (i, r) in routes.enumerated() {
      index["\(r.method) \(r.pattern)"] = i
      matcher.add(r.method, r.pattern) { _ in HTTPResponse(status: 200) }
    }
    self.index = index
    self.matcher = matcher
    rng = SeededRandom(state: seed)
    self.perSlot = perSlot
  }

  func route(_ method: String, _ path: String) -> Int? {
    guard case .found(let r, _) = matcher.match(method: method, path: path) else { return nil }
    return index["\(r.method) \(r.pattern)"]
  }

  // MARK: Something to show

  /// A programme with people in it, so pages render their full forms: a demo cohort with
  /// learners, attempts and certificates, trainer and manager attached, an invite, a
  /// sign-in link and a submitted quiz. Returns paths the crawl cannot find by links.
  func prepare() throws -> [String] {
    let academy = h.academy
    let admin = try h.person(.admin)
    _ = try academy.generateDemoData(learners: 12, attempts: 40)
    for cohort in try academy.cohorts(visibleTo: admin) {
      for role in [Role.trainer, .manager] {
        try academy.attachStaff(cohortID: cohort.id, userID: try h.person(role).id, actor: admin)
      }
    }
    // Pages no link reaches in a fresh programme (badges are linked from JSON, media from
    // lessons that have none yet).
    var seeds = [
      "/pages/code-of-conduct", "/pages/referrals", "/badges/issuer.json",
      "/badges/fact-checking.json", "/badges/fact-checking.svg", "/media/fact-checking/none.png",
      "/join/\(try academy.createInvite(createdBy: admin.id))",
      "/signin/link/\(try academy.createSignInLink(userID: admin.id, createdBy: nil))",
    ]
    let scope = try academy.reportScope(viewer: admin, cohortID: nil)
    for c in try academy.certificateRecords(scope: scope).prefix(2) {
      seeds += ["/certificates/\(c.code)", "/certificates/\(c.code)/badge.json"]
    }
    // A live session for the demo cohorts and a pending deletion request in them, so the
    // session, calendar, attendance and deletion forms exist; a module's offline manifest.
    let cohortIDs = try academy.cohorts(visibleTo: admin).map(\.id)
    let session = try academy.scheduleSession(
      LiveSessionDraft(
        title: "Refresher", startsAt: academy.now + 86_400, minutes: 60, place: "Hall", link: "",
        capacity: nil, modules: ["kinds"], cohortIDs: cohortIDs), actor: admin)
    seeds += ["/sessions/\(session)", "/sessions/\(session)/calendar.ics", "/offline/kinds"]
    let asker = try academy.database.read { c in
      try c.first(
        """
        SELECT u.id FROM users u JOIN cohort_members m ON m.user_id = u.id
        WHERE u.role = 'learner' ORDER BY u.id LIMIT 1
        """)?[0].string
    }
    if let asker { try academy.requestDeletion(userID: asker) }
    let learner = try h.visitor(.learner)
    let quiz = learner.get("/modules/kinds/quiz")
    if let attempt = quiz.text.firstMatch(of: /name="attempt" value="([^"]+)"/)?.1 {
      _ = learner.post("/modules/kinds/quiz", pairs: [("attempt", String(attempt))])
      seeds.append("/attempts/\(attempt)")
    }
    return seeds
  }

  /// Follows local links from the home pages of each role, at most `perRoute` examples of
  /// each route, and records the forms the pages render.
  func crawl(seeds: [String], perRoute: Int = 3, pagesPerRole: Int = 150) throws {
    let starts = [
      "/", "/modules", "/me", "/teach", "/teach/essays", "/manage", "/manage/cohorts",
      "/manage/matrix", "/manage/expiring", "/admin", "/certificates", "/privacy", "/signin",
    ]
    for role in roles {
      let v = try h.visitor(role)
      var queue = starts + seeds
      var seen = Set(queue)
      var pages = 0
      // Per role: a signed-out crawl must not use up the examples a learner would reach.
      var visits: [Int: Int] = [:]
      var posted: Set<String> = []
      while !queue.isEmpty, pages < pagesPerRole {
        let target = queue.removeFirst()
        let path = String(target.prefix { $0 != "?" && $0 != "#" })
        guard let i = route("GET", path.removingPercentEncoding ?? path) else { continue }
        if !(examples[i]?.contains(path) ?? false) && (examples[i]?.count ?? 0) < perRoute {
          examples[i, default: []].append(path)
        }
        if let q = target.firstIndex(of: "?") {
          for pair in target[target.index(after: q)...].split(separator: "&") {
            keys[i, default: []].insert(String(pair.prefix { $0 != "=" }))
          }
        }
        let page = v.get(target)
        pages += 1
        visits[i, default: 0] += 1
        check("crawl GET \(target) as \(role.map(\.rawValue) ?? "anonymous")", page)
        guard page.isHTML, page.status == 200 else { continue }
        let scan = PageScan(page.text)
        for link in scan.links where !seen.contains(link) {
          let p = String(link.prefix { $0 != "?" && $0 != "#" })
          guard let j = route("GET", p.removingPercentEncoding ?? p),
            visits[j, default: 0] < perRoute
          else { continue }
          visits[j, default: 0] += 1
          seen.insert(link)
          queue.append(link)
        }
        var found = record(scan, on: path, source: target)
        // Some forms only appear in the answer to another (the invite sheet after the
        // invites): send each harmless form once, as the page fills it, and keep what it shows.
        while let (j, form) = found.popLast() {
          let p = String(form.action.prefix { $0 != "?" })
          guard form.method == "POST", !form.multipart, posted.insert(p).inserted,
            !["signout", "delete", "erase", "everywhere"].contains(where: { p.contains($0) })
          else { continue }
          _ = j
          let reply = v.post(p, pairs: form.fields.filter { $0.name != "csrf" })
          check("crawl POST \(p) as \(role.map(\.rawValue) ?? "anonymous")", reply)
          if reply.isHTML, reply.status == 200 {
            found += record(PageScan(reply.text), on: p, source: nil)
          }
        }
      }
    }
  }

  /// Keeps a page's forms (by the route of their action) and returns them.
  private func record(_ scan: PageScan, on path: String, source: String?) -> [(Int, PageScan.Form)]
  {
    var out: [(Int, PageScan.Form)] = []
    for var form in scan.forms {
      form.source = source
      let action = form.action.isEmpty ? path : form.action
      let p = String(action.prefix { $0 != "?" })
      guard let j = route(form.method, p.removingPercentEncoding ?? p) else { continue }
      if form.method == "GET" { keys[j, default: []].formUnion(form.fields.map(\.name)) }
      if !(examples[j]?.contains(p) ?? false) && (examples[j]?.count ?? 0) < 3 {
        examples[j, default: []].append(p)
      }
      let names = form.fields.map(\.name)
      if !(forms[j]?.contains { $0.fields.map(\.name) == names } ?? false) {
        forms[j, default: []].append(form)
      }
      out.append((j, form))
    }
    return out
  }

  // MARK: Hostile requests

  func fuzzAll() throws {
    for i in routes.indices {
      for role in roles { try fuzz(i, role) }
    }
  }

  func fuzz(_ i: Int, _ role: Role?) throws {
    let route = routes[i]
    // A new learner each time: one who answered thousands of quizzes makes every later page
    // slow (and the test with it). Staff stay the ones attached to the demo cohort.
    let v =
      role == .learner
      ? try h.visitor(as: h.academy.createUser(role: .learner, displayName: "Fuzzed learner"))
      : try h.visitor(role)
    let allowed = route.access.allows(role)
    let n = allowed ? perSlot : 1
    // Every value of a slot's kind once per route, as the first role allowed; others sample.
    let typed = roles.first { route.access.allows($0) } == role
    let base = examples[i]?.first ?? route.pattern.replacingOccurrences(of: ":", with: "x-")
    let params = route.pattern.split(separator: "/").enumerated().filter { $0.1.hasPrefix(":") }
    // Forms with typed fields first (the quiz with a numerical question), at most two.
    let candidates = (forms[i] ?? []).sorted { !$0.kinds.isEmpty && $1.kinds.isEmpty }
    let found = route.method == "GET" ? [] : candidates.prefix(2)
    let routeForms: [PageScan.Form?] = found.isEmpty ? [nil] : found.map { $0 }
    var s = Sender(fuzzer: self, route: route, visitor: v, role: role, form: routeForms[0])

    s.send(base, label: "baseline")
    for (position, name) in params {
      for value in sample(n, .any) {
        var segments = base.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        // segments[0] is the empty string before the leading slash.
        if position + 1 < segments.count { segments[position + 1] = HostileValues.text(value) }
        s.send(segments.joined(separator: "/"), label: "\(name)=\(Self.show(value))")
      }
    }
    guard allowed else { return }
    if route.method == "GET" {
      // The route's own keys get every value of their kind; three others, a few at random.
      let own = keys[i] ?? []
      var queryKeys = own
      for _ in 0..<3 { queryKeys.insert(Self.queryKeys.randomElement(using: &rng) ?? "page") }
      for key in queryKeys.sorted() {
        for value in sample(n, typed && own.contains(key) ? HostileValues.kind(ofName: key) : .any)
        {
          s.send(
            base, query: "\(key)=\(HostileValues.percentEncoded(value))",
            label: "?\(key)=\(Self.show(value))")
        }
        let value = sample(1)[0]
        s.send(
          base, query: "\(key)=1&\(key)=\(HostileValues.percentEncoded(value))&\(key)=",
          label: "?\(key) repeated")
      }
    }
    // Each form this route receives (every module's quiz, say), field by field.
    for form in routeForms {
      guard let form else { continue }
      s.form = form
      let path = String(form.action.prefix { $0 != "?" })
      let fields = s.fields
      for (f, field) in fields.enumerated() {
        let kind = typed ? form.kinds[field.0] ?? HostileValues.kind(ofName: field.0) : .any
        for value in sample(n, kind) {
          var p = fields
          p[f].1 = value
          s.send(path, pairs: p, fuzzed: field.0, label: "\(field.0)=\(Self.show(value))")
        }
        s.send(path, pairs: fields + [(field.0, sample(1)[0])], label: "\(field.0) repeated")
        s.send(
          path, pairs: fields.filter { $0.0 != field.0 }, fuzzed: field.0,
          label: "\(field.0) missing")
      }
      if form.multipart {
        for value in sample(n) {
          let (type, body) = Self.multipart(csrf: v.csrf, filename: value, content: sample(1)[0])
          s.send(
            path, headers: [("Content-Type", type)], body: body,
            label: "multipart \(Self.show(value))")
        }
      }
    }
    s.form = routeForms[0]
    for header in Self.headers {
      // Every page reads Accept-Language the same way: its full list once, on `/`.
      let kind: HostileValues.Kind =
        header == "Accept-Language" && route.pattern == "/" ? .language : .any
      for value in sample(max(1, n / 2), kind) {
        var text = HostileValues.text(value)
        // The jar's cookies stay in front, so the session and CSRF still count.
        if header == "Cookie" {
          text = v.cookies.map { "\($0)=\($1)" }.joined(separator: "; ") + "; " + text
        }
        s.send(base, headers: [(header, text)], label: "\(header): \(Self.show(value))")
      }
    }
  }

  /// Sends one route's requests as one visitor, and records what came back.
  struct Sender {
    let fuzzer: RouteFuzzer
    let route: Route
    let visitor: Visitor
    let role: Role?
    var form: PageScan.Form?

    /// The form's fields as the page filled them (csrf is added when sending).
    var fields: [(String, [UInt8])] {
      (form?.fields ?? []).filter { $0.name != "csrf" }.map { ($0.name, Array($0.value.utf8)) }
    }

    func send(
      _ path: String, query: String = "", pairs given: [(String, [UInt8])]? = nil,
      fuzzed: String? = nil, headers: [(String, String)] = [], body: [UInt8]? = nil,
      label: String
    ) {
      var hs = headers
      var bytes: [UInt8] = []
      if route.method != "GET" {
        if !hs.contains(where: { $0.0 == "Origin" }) { hs.append(("Origin", AppHarness.origin)) }
        if !hs.contains(where: { $0.0 == "Content-Type" }) {
          hs.append(("Content-Type", "application/x-www-form-urlencoded"))
        }
        bytes =
          body
          ?? RouteFuzzer.encode(
            [("csrf", Array(visitor.csrf.utf8))] + fresh(given ?? fields, but: fuzzed))
      }
      var request = Visitor.request(route.method, "/", headers: hs, body: bytes)
      request.path = path
      request.rawQuery = query
      let who = role.map(\.rawValue) ?? "anonymous"
      let what = "\(route.method) \(route.pattern) as \(who) [\(label)] path=\(path.prefix(80))"
      if fuzzer.trace { FileHandle.standardError.write(Data((what + "\n").utf8)) }
      let start = DispatchTime.now().uptimeNanoseconds
      let reply = visitor.send(request)
      fuzzer.sent(what, reply, seconds: Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
    }

    /// Hidden fields carry state a page hands out once (an open attempt): take today's.
    func fresh(_ pairs: [(String, [UInt8])], but fuzzed: String?) -> [(String, [UInt8])] {
      guard let form, let source = form.source, !form.hidden.isEmpty else { return pairs }
      let page = visitor.get(source)
      guard let now = PageScan(page.text).forms.first(where: { $0.action == form.action }) else {
        return pairs
      }
      return pairs.map { pair in
        guard form.hidden.contains(pair.0), pair.0 != fuzzed,
          let value = now.fields.first(where: { $0.name == pair.0 })?.value
        else { return pair }
        return (pair.0, Array(value.utf8))
      }
    }
  }

  /// Records one answer.
  func sent(_ what: String, _ reply: Reply, seconds: Double) {
    requests += 1
    statusClasses[reply.status / 100, default: 0] += 1
    if seconds > slowest.seconds { slowest = (seconds, what) }
    check(what, reply)
  }

  // MARK: Oracle

  func check(_ what: String, _ reply: Reply) {
    if reply.status >= 500 {
      findings.append(Finding(request: what, problem: "status \(reply.status)"))
    } else if let failure = reply.streamFailure {
      findings.append(Finding(request: what, problem: "stream failed: \(failure)"))
    } else if reply.isHTML, let problem = HTMLCheck.problem(reply.body) {
      findings.append(Finding(request: what, problem: "bad HTML: \(problem)"))
    }
  }

  // MARK: Helpers

  func sample(_ n: Int) -> [[UInt8]] {
    (0..<n).map { _ in HostileValues.all.randomElement(using: &rng) ?? [] }
  }

  /// Every value of the slot's kind, then `n` at random from all.
  func sample(_ n: Int, _ kind: HostileValues.Kind) -> [[UInt8]] {
    HostileValues.of(kind) + sample(n)
  }

  static func encode(_ pairs: [(String, [UInt8])]) -> [UInt8] {
    Array(
      pairs.map {
        "\(HostileValues.percentEncoded(Array($0.0.utf8)))=\(HostileValues.percentEncoded($0.1))"
      }
      .joined(separator: "&").utf8)
  }

  static func multipart(csrf: String, filename: [UInt8], content: [UInt8]) -> (String, [UInt8]) {
    let boundary = "fuzzboundary7MA4YWxkTrZu0gW"
    var b = Array(
      "--\(boundary)\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n\(csrf)\r\n".utf8)
    b += Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"".utf8)
    b += filename.filter { $0 != UInt8(ascii: "\"") && $0 != 13 && $0 != 10 }
    b += Array("\"\r\nContent-Type: image/png\r\n\r\n".utf8) + content
    b += Array("\r\n--\(boundary)--\r\n".utf8)
    return ("multipart/form-data; boundary=\(boundary)", b)
  }

  /// A value as a label: short, control bytes escaped.
  static func show(_ v: [UInt8]) -> String {
    let s = HostileValues.text(Array(v.prefix(24))).unicodeScalars.map {
      $0.value < 0x20 || $0.value == 0x7F ? "\\u{\(String($0.value, radix: 16))}" : String($0)
    }.joined()
    return v.count > 24 ? "\(s)…(\(v.count) bytes)" : s
  }
}
