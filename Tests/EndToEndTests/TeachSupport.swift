import Academy
import Foundation

/// A private copy of the repository's content for tests that edit files, and a few helpers
/// the trainer tests share.
struct ContentCopy {
  let root: URL
  var curriculum: URL { root.appendingPathComponent("Curriculum") }
  var assessments: URL { root.appendingPathComponent("Assessments") }

  init() throws {
    root = FileManager.default.temporaryDirectory.appendingPathComponent(
      "relais-content-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    for name in ["Curriculum", "Assessments"] {
      try FileManager.default.copyItem(
        at: TestServer.repoRoot.appendingPathComponent(name), to: root.appendingPathComponent(name))
    }
  }

  func lesson(_ module: String, _ file: String) -> URL {
    curriculum.appendingPathComponent(module).appendingPathComponent(file)
  }

  func remove() { try? FileManager.default.removeItem(at: root) }
}

extension String {
  /// Undoes the escaping of `HTML.escape` (and the HTML parser's entity decoding for it).
  var htmlUnescaped: String {
    replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
      .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
      .replacingOccurrences(of: "&amp;", with: "&")
  }

  /// The value of a `<textarea>` as a browser reads it: the one newline after the start tag
  /// is dropped, entities are decoded, CRLF becomes LF.
  var textareaValue: String? {
    guard let start = range(of: "id=\"source\" name=\"source\""),
      let close = self[start.upperBound...].range(of: ">"),
      let end = self[close.upperBound...].range(of: "</textarea>")
    else { return nil }
    var raw = String(self[close.upperBound..<end.lowerBound]).replacingOccurrences(
      of: "\r\n", with: "\n")
    if raw.hasPrefix("\n") { raw.removeFirst() }
    return raw.htmlUnescaped
  }

  /// Form submission turns every line break of a textarea into CRLF.
  var asSubmittedByBrowser: String { replacingOccurrences(of: "\n", with: "\r\n") }
}

extension TestHTTPClient {
  /// POSTs `multipart/form-data` as a browser does for a file upload.
  func postMultipart(
    _ path: String, fields: [(String, String)],
    file: (name: String, filename: String, type: String, bytes: [UInt8])?
  ) throws -> Reply {
    let boundary = "----relaisTest\(UInt32.random(in: 0...UInt32.max))"
    var body: [UInt8] = []
    for (n, v) in fields {
      body += Array(
        "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(n)\"\r\n\r\n\(v)\r\n".utf8)
    }
    if let file {
      body += Array(
        "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(file.name)\"; filename=\"\(file.filename)\"\r\nContent-Type: \(file.type)\r\n\r\n"
          .utf8)
      body += file.bytes + Array("\r\n".utf8)
    }
    body += Array("--\(boundary)--\r\n".utf8)
    return try send(
      "POST", path,
      headers: [("Content-Type", "multipart/form-data; boundary=\(boundary)"), ("Origin", origin)],
      body: body)
  }
}

extension TestServer {
  /// A client signed in with a given staff role, through a one-time link.
  func staffClient(_ role: Role, name: String = "Staff") throws -> TestHTTPClient {
    let user = try academy.createUser(role: role, displayName: name)
    let token = try academy.createSignInLink(userID: user.id, createdBy: nil)
    let c = client()
    _ = try c.get("/signin/link/\(token)")
    let r = try c.post("/signin/link/\(token)", [])
    guard r.status == 303 else {
      throw TestHTTPClient.ClientError(description: "sign-in failed: \(r.status)")
    }
    return c
  }
}
