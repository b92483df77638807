// libFuzzer entry for the HTTPServer's form and cookie parsing, built by Tests/Fuzz/run.sh
// together with those sources (not part of the package).
//
// The first byte picks what the rest of the input is; each mode checks what must hold for
// every input, not only that nothing crashes:
//   0  a form body / query string: the decoded pairs survive re-encoding unchanged, and the
//      body, the query and `formFields()` agree;
//   1  Cookie headers (split at newlines): names are trimmed and non-empty, no name or value
//      holds `;`, the first occurrence of a name wins;
//   2  a multipart body (first line = boundary): every part is a slice of the body;
//   3  a Set-Cookie built from three fields: nothing in them can add an attribute or split
//      the header.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzForms(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  guard size > 0 else { return 0 }
  let bytes = Array(UnsafeBufferPointer(start: data + 1, count: size - 1))
  switch data[0] % 4 {
  case 0: FormsHarness.form(bytes)
  case 1: FormsHarness.cookies(bytes)
  case 2: FormsHarness.multipart(bytes)
  default: FormsHarness.setCookie(bytes)
  }
  return 0
}

enum FormsHarness {
  static func form(_ bytes: [UInt8]) {
    let text = String(decoding: bytes, as: UTF8.self)
    let pairs = FormDecoding.pairs(text)
    // The standard splits on the bytes `&` and `=`, whatever follows them.
    let segments = Array(text.utf8).split(separator: 0x26, omittingEmptySubsequences: true)
    precondition(
      pairs.count == segments.count, "\(pairs.count) pairs from \(segments.count) segments")
    for (pair, segment) in zip(pairs, segments) {
      let name = segment.split(separator: 0x3D, maxSplits: 1, omittingEmptySubsequences: false)[0]
      let expected = FormDecoding.decodeComponent(String(decoding: name, as: UTF8.self))
      precondition(pair.0 == expected, "name \(pair.0) should be \(expected)")
    }
    let again = FormDecoding.pairs(
      pairs.map { encode($0.0) + "=" + encode($0.1) }.joined(separator: "&"))
    precondition(same(again, pairs), "re-encoded form differs:\n\(pairs)\n\(again)")
    var headers = HTTPHeaders()
    headers.add("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
    let post = HTTPRequest(method: "POST", path: "/", headers: headers, body: Array(text.utf8))
    precondition(same(post.formFields(), pairs), "formFields differs from pairs")
    let get = HTTPRequest(method: "GET", path: "/", rawQuery: text)
    precondition(same(get.queryItems, pairs), "queryItems differs from pairs")
    if let first = pairs.first {
      precondition(get.query(first.0) == first.1, "query() is not the first value")
    }
  }

  static func cookies(_ bytes: [UInt8]) {
    var headers = HTTPHeaders()
    let lines = bytes.split(separator: 10, omittingEmptySubsequences: false)
    for line in lines { headers.add("Cookie", String(decoding: line, as: UTF8.self)) }
    let request = HTTPRequest(method: "GET", path: "/", headers: headers)
    let cookies = request.cookies
    // RFC 6265: pairs separated by the byte `;`, name and value by the first byte `=`.
    var firstSeen: [String: String] = [:]
    for header in headers.values("Cookie") {
      for pair in Array(header.utf8).split(separator: 0x3B) {
        guard let eq = pair.firstIndex(of: 0x3D) else { continue }
        let name = trim(String(decoding: pair[..<eq], as: UTF8.self))
        if !name.isEmpty && firstSeen[name] == nil {
          firstSeen[name] = String(decoding: pair[(eq + 1)...], as: UTF8.self)
        }
      }
    }
    precondition(
      Set(cookies.keys) == Set(firstSeen.keys), "names differ: \(cookies.keys) vs \(firstSeen.keys)"
    )
    for (name, value) in cookies {
      // Bytes, not Characters: U+037E GREEK QUESTION MARK is canonically equivalent to `;`,
      // so `String.contains(";")` is true for it (the fuzzer found that too).
      precondition(
        !name.isEmpty && !name.utf8.contains(0x3B) && !name.utf8.contains(0x3D), "bad name \(name)")
      precondition(trim(name) == name, "untrimmed name \(name)")
      precondition(!value.utf8.contains(0x3B), "value with ; for \(name)")
      // The value is the first occurrence, trimmed and possibly unquoted: never longer.
      precondition(value.utf8.count <= firstSeen[name]!.utf8.count, "value grew for \(name)")
    }
  }

  static func multipart(_ bytes: [UInt8]) {
    let newline = bytes.firstIndex(of: 10) ?? bytes.endIndex
    let boundary = String(decoding: bytes[..<newline], as: UTF8.self)
    let body = Array(bytes[min(newline + 1, bytes.count)...])
    var headers = HTTPHeaders()
    headers.add("Content-Type", "multipart/form-data; boundary=\(boundary)")
    let request = HTTPRequest(method: "POST", path: "/", headers: headers, body: body)
    guard let parts = request.multipartParts() else { return }
    var from = 0
    for p in parts {
      precondition(p.bytes.count <= body.count, "part larger than body")
      // Parts come in order and do not overlap.
      guard let at = Multipart.find(p.bytes, in: body, from: from) ?? (p.bytes.isEmpty ? from : nil)
      else {
        preconditionFailure("part is not a slice of the body after the previous one")
      }
      from = at + p.bytes.count
    }
    _ = request.formFields()
  }

  static func setCookie(_ bytes: [UInt8]) {
    let fields = bytes.split(separator: 0, maxSplits: 2, omittingEmptySubsequences: false)
      .map { String(decoding: $0, as: UTF8.self) }
    let name = fields.first ?? ""
    let value = fields.count > 1 ? fields[1] : ""
    let path = fields.count > 2 ? fields[2] : "/"
    let header = SetCookie(name: name, value: value, path: path).headerValue
    for b in header.utf8 {
      precondition(b >= 0x20 && b != 0x7F, "control byte \(b) in Set-Cookie: \(header)")
    }
    // Path, HttpOnly and SameSite: exactly three attributes, whatever the fields held.
    let attributes = header.split(separator: ";", omittingEmptySubsequences: false).dropFirst()
    precondition(attributes.count == 3, "attributes injected: \(header)")
    precondition(
      attributes.map { $0.split(separator: "=").first ?? "" } == [
        " Path", " HttpOnly", " SameSite",
      ])
  }

  /// Spaces and tabs off both ends (written here, not borrowed from the code under test).
  static func trim(_ s: String) -> String {
    var u = Array(s.utf8)[...]
    while let f = u.first, f == 0x20 || f == 0x09 { u = u.dropFirst() }
    while let l = u.last, l == 0x20 || l == 0x09 { u = u.dropLast() }
    return String(decoding: u, as: UTF8.self)
  }

  /// Every byte but unreserved ASCII as %XX: the strictest encoding.
  static func encode(_ s: String) -> String {
    var out = ""
    for b in s.utf8 {
      if (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) {
        out.unicodeScalars.append(Unicode.Scalar(b))
      } else {
        let hex = Array("0123456789ABCDEF".utf8)
        out += "%" + String(decoding: [hex[Int(b >> 4)], hex[Int(b & 15)]], as: UTF8.self)
      }
    }
    return out
  }

  static func same(_ a: [(String, String)], _ b: [(String, String)]) -> Bool {
    a.count == b.count && zip(a, b).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
  }
}
