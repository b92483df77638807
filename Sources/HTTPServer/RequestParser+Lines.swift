/// The parts of the parser that read one line: the request line, a field line, a chunk size.
extension RequestParser {
  private static func bad(_ message: String) -> ParseError {
    ParseError(status: 400, message: message)
  }

  /// `method SP request-target SP HTTP-version`, nothing more.
  mutating func parseRequestLine(_ line: UnsafeBufferPointer<UInt8>) throws(ParseError) {
    guard let sp1 = line.firstIndex(of: 0x20), sp1 > 0 else { throw Self.bad("Bad request line") }
    let afterMethod = sp1 + 1
    guard let sp2 = line[afterMethod...].firstIndex(of: 0x20), sp2 > afterMethod else {
      throw Self.bad("Bad request line")
    }
    let version = line[(sp2 + 1)...]
    guard version.count == 8, version.prefix(7).elementsEqual("HTTP/1.".utf8) else {
      throw Self.bad("Bad HTTP version")
    }
    switch version.last! {
    case UInt8(ascii: "1"): head.minorVersion = 1
    case UInt8(ascii: "0"): head.minorVersion = 0
    default: throw Self.bad("Bad HTTP version")
    }
    head.keepAlive = head.minorVersion == 1

    var hasLower = false
    for b in line[..<sp1] {
      guard HTTPSyntax.isTokenByte[Int(b)] else { throw Self.bad("Bad method") }
      if b >= UInt8(ascii: "a") && b <= UInt8(ascii: "z") { hasLower = true }
    }
    // Methods are case-sensitive (RFC 9110 §9.1); `get` is not `GET`.
    if hasLower { throw Self.bad("Bad method") }

    let target = line[afterMethod..<sp2]
    for b in target where !HTTPSyntax.isTargetByte(b) { throw Self.bad("Bad request target") }
    let method = String(decoding: line[..<sp1], as: UTF8.self)
    guard HTTPSyntax.knownMethods.contains(method) else {
      throw ParseError(status: 501, message: "Not implemented")
    }
    head.method = method
    try parseTarget(target)
  }

  /// Origin form (`/path?query`), absolute form (`http://host/path`), or `*` for OPTIONS.
  private mutating func parseTarget(_ target: Slice<UnsafeBufferPointer<UInt8>>) throws(ParseError)
  {
    var pathPart = target
    if target.first != UInt8(ascii: "/") {
      if target.count == 1 && target.first == UInt8(ascii: "*") && head.method == "OPTIONS" {
        head.path = "*"
        return
      }
      let lower = target.prefix(8).map { $0 | 0x20 }
      let schemeLength: Int
      if lower.starts(with: "http://".utf8) {
        schemeLength = 7
      } else if lower.starts(with: "https://".utf8) {
        schemeLength = 8
      } else {
        throw Self.bad("Bad request target")
      }
      let rest = target.dropFirst(schemeLength)
      guard
        let slash = rest.firstIndex(where: { $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: "?") })
      else {
        head.path = "/"
        return
      }
      if rest[slash] == UInt8(ascii: "?") { throw Self.bad("Bad request target") }
      pathPart = target[slash...]
    }
    if let q = pathPart.firstIndex(of: UInt8(ascii: "?")) {
      head.rawQuery = String(decoding: pathPart[(q + 1)...], as: UTF8.self)
      pathPart = pathPart[..<q]
    }
    if pathPart.contains(UInt8(ascii: "#")) { throw Self.bad("Bad request target") }
    guard let path = HTTPSyntax.decodePath(pathPart) else { throw Self.bad("Bad path") }
    head.path = path
  }

  /// `name ":" OWS value OWS`, with no whitespace before the colon and no folding.
  mutating func parseField(_ line: UnsafeBufferPointer<UInt8>, trailer: Bool) throws(ParseError) {
    guard let colon = line.firstIndex(of: UInt8(ascii: ":")), colon > 0 else {
      throw Self.bad("Bad header field")
    }
    // A leading space or tab is obs-fold; a space before the colon is forbidden (RFC 9112 §5.1).
    for b in line[..<colon] where !HTTPSyntax.isTokenByte[Int(b)] {
      throw Self.bad("Bad header name")
    }
    var vs = colon + 1
    var ve = line.count
    while vs < ve && (line[vs] == 0x20 || line[vs] == 0x09) { vs += 1 }
    while ve > vs && (line[ve - 1] == 0x20 || line[ve - 1] == 0x09) { ve -= 1 }
    for i in vs..<ve where !HTTPSyntax.isFieldValueByte(line[i]) {
      throw Self.bad("Bad header value")
    }
    if trailer { return }

    let name = line[..<colon]
    let value = line[vs..<ve]
    let nameString = String(decoding: name, as: UTF8.self)
    let valueString = String(decoding: value, as: UTF8.self)
    head.headers.add(nameString, valueString)

    switch name.count {
    case 4 where Self.same(name, "host"):
      hostCount += 1
    case 6 where Self.same(name, "expect"):
      if HTTPSyntax.equalsIgnoringCase(valueString, "100-continue") {
        // HTTP/1.0 clients do not know 100 Continue (RFC 9110 §10.1.1): ignore it for them.
        head.expectContinue = head.minorVersion == 1
      } else {
        throw ParseError(status: 417, message: "Expectation failed")
      }
    case 10 where Self.same(name, "connection"):
      for token in valueString.split(separator: ",") {
        let t = token.trimmingSpaces
        if HTTPSyntax.equalsIgnoringCase(t, "close") { head.keepAlive = false }
        if HTTPSyntax.equalsIgnoringCase(t, "keep-alive") && head.minorVersion == 0 {
          head.keepAlive = true
        }
      }
    case 14 where Self.same(name, "content-length"):
      // 1*DIGIT only: no sign, no list, no spaces inside; two different values are ambiguous.
      guard !value.isEmpty, value.count <= 15, value.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 })
      else { throw Self.bad("Bad Content-Length") }
      var n = 0
      for d in value { n = n * 10 + Int(d - 0x30) }
      if contentLengthSeen && n != head.contentLength {
        throw Self.bad("Conflicting Content-Length")
      }
      contentLengthSeen = true
      head.contentLength = n
    case 17 where Self.same(name, "transfer-encoding"):
      transferEncoding = transferEncoding.map { $0 + "," + valueString } ?? valueString
    default:
      break
    }
  }

  /// Checks that the header section frames the request one way only.
  mutating func finishHead() throws(ParseError) {
    if head.minorVersion == 1 && hostCount != 1 { throw Self.bad("Exactly one Host required") }
    if hostCount > 1 { throw Self.bad("Duplicate Host") }
    if let te = transferEncoding {
      if contentLengthSeen { throw Self.bad("Content-Length with Transfer-Encoding") }
      if head.minorVersion == 0 { throw Self.bad("Transfer-Encoding in HTTP/1.0") }
      let codings = te.split(separator: ",", omittingEmptySubsequences: false).map(\.trimmingSpaces)
      guard let last = codings.last, HTTPSyntax.equalsIgnoringCase(last, "chunked") else {
        throw Self.bad("Bad Transfer-Encoding")
      }
      if codings.count > 1 { throw ParseError(status: 501, message: "Unsupported transfer coding") }
      head.chunked = true
    }
  }

  /// `1*HEXDIG [ chunk-ext ]`; extensions are allowed and ignored.
  static func chunkSize(_ line: UnsafeBufferPointer<UInt8>) -> Int? {
    var size = 0
    var digits = 0
    var i = 0
    while i < line.count, let v = HTTPSyntax.hexValue(line[i]) {
      digits += 1
      if digits > 15 { return nil }
      size = size * 16 + v
      i += 1
    }
    if digits == 0 { return nil }
    while i < line.count && (line[i] == 0x20 || line[i] == 0x09) { i += 1 }
    if i == line.count { return size }
    guard line[i] == UInt8(ascii: ";") else { return nil }
    for j in (i + 1)..<line.count where !HTTPSyntax.isFieldValueByte(line[j]) { return nil }
    return size
  }

  private static func same(_ bytes: Slice<UnsafeBufferPointer<UInt8>>, _ lower: StaticString)
    -> Bool
  {
    let l = UnsafeBufferPointer(start: lower.utf8Start, count: lower.utf8CodeUnitCount)
    for (a, b) in zip(bytes, l) where (a >= 0x41 && a <= 0x5A ? a | 0x20 : a) != b { return false }
    return true
  }
}

extension StringProtocol {
  /// Without spaces and tabs at either end (OWS).
  var trimmingSpaces: String {
    let u = Array(utf8)
    var s = 0
    var e = u.count
    while s < e && (u[s] == 0x20 || u[s] == 0x09) { s += 1 }
    while e > s && (u[e - 1] == 0x20 || u[e - 1] == 0x09) { e -= 1 }
    return String(decoding: u[s..<e], as: UTF8.self)
  }
}
