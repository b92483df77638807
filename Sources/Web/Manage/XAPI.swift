import Academy
import Crypto
import HTTPServer

/// xAPI 1.0.3 statements for a Learning Record Store. Actors are accounts (home page =
/// our public URL, name = the random user id): no names, no e-mail. Verbs are ADL's:
/// experienced (a lesson read), answered (one question of a submitted quiz, with the
/// response and, once marked, its score), passed/failed (a certifying or refresher quiz,
/// with the scaled score), completed (a pre-test taken, with its score and no success, for
/// it measures what was known before; and a module certified); after the training,
/// experienced and shared for briefings and shared for logged posts (see `outreach`). Statement ids are derived
/// from what they describe, so exporting twice never duplicates in the LRS.
///
/// Written as it is produced, 64 KB at a time: a programme's answers alone run to a million
/// statements.
struct XAPI {
  static let verbBase = "http://adlnet.gov/expapi/verbs/"
  static let activityBase = "http://adlnet.gov/expapi/activities/"

  let base: String
  private(set) var bytes: [UInt8] = Array("[".utf8)
  private var first = true
  private let output: ResponseWriter?

  init(base: String, output: ResponseWriter? = nil) {
    self.base = base
    self.output = output
  }

  /// The whole export as a streamed `xapi.json` download.
  static func download(base: String, _ write: @escaping @Sendable (inout XAPI) throws -> Void)
    -> HTTPResponse
  {
    let headers = HTTPHeaders([
      ("Content-Type", "application/json; charset=utf-8"),
      ("Content-Disposition", "attachment; filename=\"xapi.json\""), ("Cache-Control", "no-store"),
    ])
    return HTTPResponse(headers: headers) { out in
      var x = XAPI(base: base, output: out)
      try write(&x)
      try x.finish()
    }
  }

  mutating func finish() throws {
    bytes.append(contentsOf: "]\n".utf8)
    if let output { try output.write(bytes) }
  }

  mutating func read(_ r: LessonReadRecord) throws {
    try add(
      "read \(r.userID) \(r.module) \(r.lesson)", user: r.userID, verb: "experienced",
      object: "\(base)/modules/\(r.module)/\(r.lesson)", type: "lesson", at: r.readAt)
  }

  mutating func attempt(_ a: AttemptRecord) throws {
    guard let at = a.submittedAt, let score = a.score else { return }
    let scaled = XAPI.scaled(score)
    let object = quiz(a.module, a.kind)
    if a.kind == "pre" {
      try add(
        a.id, user: a.userID, verb: "completed", object: object, type: "assessment", at: at,
        result: "{\"score\":{\"scaled\":\(scaled)},\"completion\":true}")
    } else {
      let passed = a.passed == true
      try add(
        a.id, user: a.userID, verb: passed ? "passed" : "failed", object: object,
        type: "assessment", at: at,
        result: "{\"score\":{\"scaled\":\(scaled)},\"success\":\(passed),\"completion\":true}")
    }
  }

  /// One question answered: an interaction inside the quiz (its parent in the context).
  mutating func answer(_ a: AnswerRecord) throws {
    var result = "{\"response\":\(XAPI.quote(a.response))"
    if let f = a.fraction {
      result += ",\"score\":{\"scaled\":\(XAPI.scaled(f))},\"success\":\(f >= 1)"
    }
    result += "}"
    try add(
      "\(a.attemptID) \(a.questionID)", user: a.userID, verb: "answered",
      object: "\(base)/modules/\(a.module)/questions/\(XAPI.pathSegment(a.questionID))",
      type: "cmi.interaction", at: a.submittedAt, result: result,
      interactionType: a.interactionType,
      context:
        "{\"contextActivities\":{\"parent\":[{\"objectType\":\"Activity\",\"id\":\(XAPI.quote(quiz(a.module, a.kind)))}]}}"
    )
  }

  mutating func certificate(_ c: CertificateRecord) throws {
    try add(
      c.code, user: c.userID, verb: "completed", object: "\(base)/modules/\(c.module)",
      type: "course", at: c.issuedAt, result: "{\"completion\":true}")
  }

  /// After the training: a briefing opened (experienced), shared (shared, with the platform),
  /// and a post or live session logged (shared, its object the topic, the counts as result
  /// extensions). Links to posts are never exported.
  mutating func outreach(_ r: OutreachRecord) throws {
    let ext = "\(base)/xapi/extensions/"
    switch r.kind {
    case .read:
      try add(
        r.key, user: r.userID, verb: "experienced", object: "\(base)/briefings/\(r.object)",
        type: "media", at: r.at)
    case .share:
      try add(
        r.key, user: r.userID, verb: "shared", object: "\(base)/briefings/\(r.object)",
        type: "media", at: r.at,
        context:
          "{\"extensions\":{\(XAPI.quote(ext + "platform")):\(XAPI.quote(r.platform ?? ""))}}")
    case .activity:
      guard let e = r.activity else { return }
      let i = e.input
      let object: String
      switch i.topic {
      case .briefing(let b): object = "\(base)/briefings/\(b)"
      case .module(let m): object = "\(base)/modules/\(m)"
      case .other: object = "\(base)/topics/other"
      }
      let counts = [
        ("reach", i.reach), ("reactions", i.reactions), ("comments", i.comments),
        ("shares", i.shares), ("questions", i.questions), ("protection-referrals", i.referrals),
      ].map { "\(XAPI.quote(ext + $0.0)):\($0.1)" }.joined(separator: ",")
      try add(
        r.key, user: r.userID, verb: "shared", object: object,
        type: i.topic.rawValue.hasPrefix("module:") ? "course" : "media",
        at: e.createdAt, result: "{\"extensions\":{\(counts)}}",
        context:
          "{\"extensions\":{\(XAPI.quote(ext + "platform")):\(XAPI.quote(i.platform.rawValue)),\(XAPI.quote(ext + "kind")):\(XAPI.quote(i.kind.rawValue)),\(XAPI.quote(ext + "day")):\(XAPI.quote(Dates.day(i.day)))}}"
      )
    }
  }

  private func quiz(_ module: String, _ kind: String) -> String {
    "\(base)/modules/\(module)/quiz?kind=\(kind)"
  }

  private mutating func add(
    _ key: String, user: String, verb: String, object: String, type: String, at: Int64,
    result: String? = nil, interactionType: String? = nil, context: String? = nil
  ) throws {
    var s = first ? "" : ",\n"
    first = false
    s +=
      "{\"id\":\"\(XAPI.uuid(key + verb))\",\"actor\":{\"objectType\":\"Agent\",\"account\":{\"homePage\":\(XAPI.quote(base)),\"name\":\(XAPI.quote(user))}},"
    s += "\"verb\":{\"id\":\"\(XAPI.verbBase)\(verb)\",\"display\":{\"en-US\":\"\(verb)\"}},"
    s +=
      "\"object\":{\"objectType\":\"Activity\",\"id\":\(XAPI.quote(object)),\"definition\":{\"type\":\"\(XAPI.activityBase)\(type)\""
    if let interactionType { s += ",\"interactionType\":\"\(interactionType)\"" }
    s += "}},"
    if let result { s += "\"result\":\(result)," }
    if let context { s += "\"context\":\(context)," }
    s += "\"timestamp\":\"\(Dates.instant(at))\"}"
    bytes.append(contentsOf: s.utf8)
    if let output, bytes.count >= 1 << 16 {
      try output.write(bytes)
      bytes.removeAll(keepingCapacity: true)
    }
  }

  static func scaled(_ score: Double) -> String {
    String((min(1, max(0, score)) * 10_000).rounded() / 10_000)
  }

  /// A question id inside an IRI: anything but unreserved characters percent-encoded.
  static func pathSegment(_ s: String) -> String {
    var out = ""
    for b in s.utf8 {
      switch b {
      case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
        UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."),
        UInt8(ascii: "_"), UInt8(ascii: "~"):
        out.unicodeScalars.append(Unicode.Scalar(b))
      default:
        let hex = Array("0123456789ABCDEF")
        out += "%" + String(hex[Int(b >> 4)]) + String(hex[Int(b & 15)])
      }
    }
    return out
  }

  /// A name-based UUID (version 5 layout over SHA-256) for a statement.
  static func uuid(_ key: String) -> String {
    var b = Array(SHA256.hash("relais-xapi " + key).prefix(16))
    b[6] = (b[6] & 0x0F) | 0x50
    b[8] = (b[8] & 0x3F) | 0x80
    let h = Hex.encode(b)
    let c = Array(h)
    return String(c[0..<8]) + "-" + String(c[8..<12]) + "-" + String(c[12..<16]) + "-"
      + String(c[16..<20]) + "-" + String(c[20..<32])
  }

  /// A JSON string literal.
  static func quote(_ s: String) -> String {
    // Ids, slugs and URLs rarely need escaping: checked on bytes first.
    if !s.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }
    ) {
      return "\"" + s + "\""
    }
    var out = "\""
    for u in s.unicodeScalars {
      switch u {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      case _ where u.value < 0x20:
        let hex = Array("0123456789abcdef")
        out += "\\u00" + String(hex[Int(u.value >> 4)]) + String(hex[Int(u.value & 15)])
      default: out.unicodeScalars.append(u)
      }
    }
    return out + "\""
  }
}
