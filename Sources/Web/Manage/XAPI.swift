import Academy
import Crypto

/// xAPI 1.0.3 statements for a Learning Record Store. Actors are accounts (home page =
/// our public URL, name = the random user id): no names, no e-mail. Verbs are ADL's:
/// experienced (a lesson read), answered (a pre-test), passed/failed (a certifying or
/// refresher quiz, with the scaled score), completed (a module certified). Statement ids
/// are derived from what they describe, so exporting twice never duplicates in the LRS.
enum XAPI {
  static let verbBase = "http://adlnet.gov/expapi/verbs/"

  static func statements(
    base: String, reads: [LessonReadRecord], attempts: [AttemptRecord],
    certificates: [CertificateRecord]
  ) -> String {
    var out = "["
    var first = true
    func add(
      _ key: String, user: String, verb: String, object: String, type: String, at: Int64,
      result: String?
    ) {
      if !first { out += ",\n" }
      first = false
      out +=
        "{\"id\":\"\(uuid(key + verb))\",\"actor\":{\"objectType\":\"Agent\",\"account\":{\"homePage\":\(quote(base)),\"name\":\(quote(user))}},"
      out += "\"verb\":{\"id\":\"\(verbBase)\(verb)\",\"display\":{\"en-US\":\"\(verb)\"}},"
      out +=
        "\"object\":{\"objectType\":\"Activity\",\"id\":\(quote(object)),\"definition\":{\"type\":\"http://adlnet.gov/expapi/activities/\(type)\"}},"
      if let result { out += "\"result\":\(result)," }
      out += "\"timestamp\":\"\(Dates.instant(at))\"}"
    }
    for r in reads {
      add(
        "read \(r.userID) \(r.module) \(r.lesson)", user: r.userID, verb: "experienced",
        object: "\(base)/modules/\(r.module)/\(r.lesson)", type: "lesson", at: r.readAt, result: nil
      )
    }
    for a in attempts {
      guard let at = a.submittedAt, let score = a.score else { continue }
      let scaled = String((min(1, max(0, score)) * 10_000).rounded() / 10_000)
      let object = "\(base)/modules/\(a.module)/quiz?kind=\(a.kind)"
      if a.kind == "pre" {
        add(
          a.id, user: a.userID, verb: "answered", object: object, type: "assessment", at: at,
          result: "{\"score\":{\"scaled\":\(scaled)},\"completion\":true}")
      } else {
        let passed = a.passed == true
        add(
          a.id, user: a.userID, verb: passed ? "passed" : "failed", object: object,
          type: "assessment", at: at,
          result: "{\"score\":{\"scaled\":\(scaled)},\"success\":\(passed),\"completion\":true}")
      }
    }
    for c in certificates {
      add(
        c.code, user: c.userID, verb: "completed", object: "\(base)/modules/\(c.module)",
        type: "course", at: c.issuedAt, result: "{\"completion\":true}")
    }
    return out + "]\n"
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
