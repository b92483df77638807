#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Writes a response's status line, headers and body into one buffer, so that it leaves in a
/// single `write` (with `TCP_NODELAY`, no Nagle wait between header and body).
struct ResponseSerializer {
  let serverName: [UInt8]
  let defaultHeaders: [(String, String)]
  /// Each default header as its serialised line, built once: a long CSP is not re-scanned
  /// for every response.
  private let defaultLines: [[UInt8]]
  private var dateLine: [UInt8] = []
  private var dateSecond = -1

  init(serverName: String, defaultHeaders: [(String, String)] = []) {
    self.serverName = Array(serverName.utf8).filter { $0 >= 0x20 && $0 < 0x7F }
    self.defaultHeaders = defaultHeaders
    self.defaultLines = defaultHeaders.map { field in
      var line: [UInt8] = []
      Self.appendField(field.0, field.1, to: &line)
      return line
    }
  }

  /// Bodies from this size on are not copied behind the header but sent beside it.
  static let separateBodyThreshold = 4096

  /// The header (with a small body appended) and, for a large body, the body itself, to be
  /// sent together by one `sendmsg`; plus the number of body bytes.
  mutating func serialize(
    _ response: HTTPResponse, headOnly: Bool, keepAlive: Bool, http10: Bool
  ) -> (head: [UInt8], body: [UInt8]?, bodyBytes: Int) {
    var out: [UInt8] = []
    let status = response.status
    let mayHaveBody = status >= 200 && status != 204 && status != 304
    if !headOnly && mayHaveBody && response.body.count >= Self.separateBodyThreshold {
      // Written as for HEAD: the same header, Content-Length included, and no body.
      write(response, headOnly: true, keepAlive: keepAlive, http10: http10, into: &out)
      return (out, response.body, response.body.count)
    }
    let n = write(response, headOnly: headOnly, keepAlive: keepAlive, http10: http10, into: &out)
    return (out, nil, n)
  }

  /// - Parameters:
  ///   - headOnly: a HEAD request: same headers, no body.
  ///   - keepAlive: false adds `Connection: close`.
  /// - Returns: the number of body bytes written.
  @discardableResult
  mutating func write(
    _ response: HTTPResponse, headOnly: Bool, keepAlive: Bool, http10: Bool = false,
    into out: inout [UInt8]
  ) -> Int {
    let noBody = !Self.mayHaveBody(response.status)
    out.reserveCapacity(out.count + 256 + (headOnly ? 0 : response.body.count))
    writeHead(
      response, framing: noBody ? .none : .length(response.body.count), keepAlive: keepAlive,
      http10: http10, into: &out)
    if noBody || headOnly { return 0 }
    out.append(contentsOf: response.body)
    return response.body.count
  }

  /// The header of a streamed response: chunked for HTTP/1.1; for HTTP/1.0, no framing at
  /// all (the body ends when the connection does, so `keepAlive` must then be false).
  mutating func streamHead(
    _ response: HTTPResponse, keepAlive: Bool, http10: Bool
  ) -> [UInt8] {
    var out: [UInt8] = []
    let framing: Framing = Self.mayHaveBody(response.status) && !http10 ? .chunked : .none
    writeHead(response, framing: framing, keepAlive: keepAlive, http10: http10, into: &out)
    return out
  }

  static func mayHaveBody(_ status: Int) -> Bool {
    status >= 200 && status != 204 && status != 304
  }

  enum Framing {
    case length(Int)
    case chunked
    /// No body, or one that ends with the connection.
    case none
  }

  private mutating func writeHead(
    _ response: HTTPResponse, framing: Framing, keepAlive: Bool, http10: Bool,
    into out: inout [UInt8]
  ) {
    out.append(contentsOf: http10 ? "HTTP/1.0 ".utf8 : "HTTP/1.1 ".utf8)
    appendStatus(response.status, to: &out)
    out.append(contentsOf: dateHeader())
    out.append(contentsOf: "Server: ".utf8)
    out.append(contentsOf: serverName)
    out.append(contentsOf: "\r\n".utf8)
    for field in response.headers.fields {
      if Self.isFramingField(field.name) { continue }
      Self.appendField(field.name, field.value, to: &out)
    }
    for (i, field) in defaultHeaders.enumerated() where response.headers[field.0] == nil {
      out.append(contentsOf: defaultLines[i])
    }
    switch framing {
    case .length(let count):
      out.append(contentsOf: "Content-Length: ".utf8)
      appendDecimal(count, to: &out)
      out.append(contentsOf: "\r\n".utf8)
    case .chunked:
      out.append(contentsOf: "Transfer-Encoding: chunked\r\n".utf8)
    case .none:
      break
    }
    if !keepAlive {
      out.append(contentsOf: "Connection: close\r\n".utf8)
    } else if http10 {
      out.append(contentsOf: "Connection: keep-alive\r\n".utf8)
    }
    out.append(contentsOf: "\r\n".utf8)
  }

  /// The server owns framing: a handler's `Content-Length`, `Transfer-Encoding`, `Connection`,
  /// `Date` or `Server` could desynchronise the client or duplicate ours.
  static func isFramingField(_ name: String) -> Bool {
    switch name.utf8.count {
    case 4: return HTTPSyntax.equalsIgnoringCase(name, "date")
    case 6: return HTTPSyntax.equalsIgnoringCase(name, "server")
    case 10: return HTTPSyntax.equalsIgnoringCase(name, "connection")
    case 14: return HTTPSyntax.equalsIgnoringCase(name, "content-length")
    case 17: return HTTPSyntax.equalsIgnoringCase(name, "transfer-encoding")
    default: return false
    }
  }

  /// Drops CR, LF and NUL from handler-provided fields so that no value can split a response.
  static func appendField(_ name: String, _ value: String, to out: inout [UInt8]) {
    // Almost always clean: check first, then copy in bulk.
    if name.utf8.allSatisfy({ HTTPSyntax.isTokenByte[Int($0)] }) {
      out.append(contentsOf: name.utf8)
    } else {
      for b in name.utf8 where HTTPSyntax.isTokenByte[Int(b)] { out.append(b) }
    }
    out.append(contentsOf: ": ".utf8)
    let clean =
      value.utf8.withContiguousStorageIfAvailable { bytes -> Bool in
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return true }
        // memchr is vectorised; a long CSP value is checked in a few cycles per 32 bytes.
        return memchr(base, 0x0D, bytes.count) == nil && memchr(base, 0x0A, bytes.count) == nil
          && memchr(base, 0, bytes.count) == nil
      } ?? value.utf8.allSatisfy({ $0 != 0x0D && $0 != 0x0A && $0 != 0 })
    if clean {
      out.append(contentsOf: value.utf8)
    } else {
      for b in value.utf8 where b != 0x0D && b != 0x0A && b != 0 { out.append(b) }
    }
    out.append(contentsOf: "\r\n".utf8)
  }

  private func appendStatus(_ status: Int, to out: inout [UInt8]) {
    appendDecimal(status, to: &out)
    out.append(0x20)
    out.append(contentsOf: Self.reason(status).utf8)
    out.append(contentsOf: "\r\n".utf8)
  }

  private func appendDecimal(_ n: Int, to out: inout [UInt8]) {
    if n == 0 {
      out.append(0x30)
      return
    }
    var digits:
      (
        UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
        UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8
      ) =
        (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
    var count = 0
    var v = n
    withUnsafeMutableBytes(of: &digits) { d in
      while v > 0 && count < 20 {
        d[19 - count] = UInt8(v % 10) + 0x30
        v /= 10
        count += 1
      }
      out.append(contentsOf: d[(20 - count)...])
    }
  }

  /// `Date: Sun, 06 Nov 1994 08:49:37 GMT\r\n`, formatted once per second.
  private mutating func dateHeader() -> [UInt8] {
    let now = time(nil)
    if Int(now) != dateSecond {
      dateSecond = Int(now)
      dateLine = Array("Date: \(Self.httpDate(now))\r\n".utf8)
    }
    return dateLine
  }

  static func httpDate(_ t: time_t) -> String {
    var tv = t
    var tmv = tm()
    gmtime_r(&tv, &tmv)
    let days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
    let months = [
      "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ]
    func two(_ n: Int32) -> String { n < 10 ? "0\(n)" : "\(n)" }
    return "\(days[Int(tmv.tm_wday)]), \(two(tmv.tm_mday)) \(months[Int(tmv.tm_mon)]) "
      + "\(tmv.tm_year + 1900) \(two(tmv.tm_hour)):\(two(tmv.tm_min)):\(two(tmv.tm_sec)) GMT"
  }

  static func reason(_ status: Int) -> String {
    switch status {
    case 100: "Continue"
    case 200: "OK"
    case 201: "Created"
    case 202: "Accepted"
    case 204: "No Content"
    case 206: "Partial Content"
    case 301: "Moved Permanently"
    case 302: "Found"
    case 303: "See Other"
    case 304: "Not Modified"
    case 307: "Temporary Redirect"
    case 308: "Permanent Redirect"
    case 400: "Bad Request"
    case 401: "Unauthorized"
    case 403: "Forbidden"
    case 404: "Not Found"
    case 405: "Method Not Allowed"
    case 408: "Request Timeout"
    case 409: "Conflict"
    case 410: "Gone"
    case 413: "Content Too Large"
    case 414: "URI Too Long"
    case 415: "Unsupported Media Type"
    case 417: "Expectation Failed"
    case 422: "Unprocessable Content"
    case 429: "Too Many Requests"
    case 431: "Request Header Fields Too Large"
    case 500: "Internal Server Error"
    case 501: "Not Implemented"
    case 503: "Service Unavailable"
    case 505: "HTTP Version Not Supported"
    default: "Status"
    }
  }
}
