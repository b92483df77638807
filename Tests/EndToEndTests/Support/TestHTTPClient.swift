import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// A small HTTP/1.1 client over a real socket, with a cookie jar, for end-to-end tests.
/// Each request uses its own connection (`Connection: close`), as a phone on a flaky
/// network often does.
final class TestHTTPClient {
  struct Reply {
    var status: Int
    var headers: [(String, String)]
    var body: String
    func header(_ name: String) -> String? {
      headers.first { $0.0.lowercased() == name.lowercased() }?.1
    }
    var location: String? { header("Location") }
  }

  let port: Int
  var cookies: [String: String] = [:]
  var origin: String { "http://127.0.0.1:\(port)" }

  init(port: Int) { self.port = port }

  func get(_ path: String, headers: [(String, String)] = []) throws -> Reply {
    try send("GET", path, headers: headers, body: nil)
  }

  /// POSTs a form with the CSRF token of the jar and our Origin, as a browser would.
  func post(_ path: String, _ fields: [(String, String)], csrf: Bool = true, origin: String? = nil)
    throws -> Reply
  {
    var f = fields
    if csrf, let token = cookies["relais_csrf"] { f.append(("csrf", token)) }
    let body = f.map { "\(Self.encode($0.0))=\(Self.encode($0.1))" }.joined(separator: "&")
    return try send(
      "POST", path,
      headers: [
        ("Content-Type", "application/x-www-form-urlencoded"), ("Origin", origin ?? self.origin),
      ],
      body: Array(body.utf8))
  }

  /// Follows a 303 to its page.
  func follow(_ reply: Reply) throws -> Reply {
    guard (300..<400).contains(reply.status), let loc = reply.location else { return reply }
    return try get(loc)
  }

  static func encode(_ s: String) -> String {
    var allowed = CharacterSet.alphanumerics
    allowed.insert(charactersIn: "-._~")
    return s.addingPercentEncoding(withAllowedCharacters: allowed) ?? s
  }

  func send(_ method: String, _ path: String, headers: [(String, String)], body: [UInt8]?) throws
    -> Reply
  {
    var request = "\(method) \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\n"
    if !cookies.isEmpty {
      request +=
        "Cookie: " + cookies.map { "\($0.key)=\($0.value)" }.sorted().joined(separator: "; ")
        + "\r\n"
    }
    for (n, v) in headers { request += "\(n): \(v)\r\n" }
    if let body { request += "Content-Length: \(body.count)\r\n" }
    request += "\r\n"
    let raw = try Self.exchange(port: port, Array(request.utf8) + (body ?? []))
    let reply = try Self.parse(raw)
    for (n, v) in reply.headers where n.lowercased() == "set-cookie" {
      let pair = v.split(separator: ";")[0].split(separator: "=", maxSplits: 1)
      guard pair.count == 2 else { continue }
      let name = String(pair[0])
      if pair[1].isEmpty || v.contains("Max-Age=0") {
        cookies[name] = nil
      } else {
        cookies[name] = String(pair[1])
      }
    }
    return reply
  }

  struct ClientError: Error, CustomStringConvertible {
    var description: String
  }

  static func exchange(port: Int, _ bytes: [UInt8]) throws -> [UInt8] {
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    guard fd >= 0 else { throw ClientError(description: "socket failed") }
    defer { close(fd) }
    var tv = timeval(tv_sec: 20, tv_usec: 0)
    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, socklen_t(MemoryLayout<timeval>.size))
    var addr = sockaddr_in()
    addr.sin_family = sa_family_t(AF_INET)
    addr.sin_port = in_port_t(UInt16(port).bigEndian)
    addr.sin_addr.s_addr = inet_addr("127.0.0.1")
    let rc = withUnsafePointer(to: &addr) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
      }
    }
    guard rc == 0 else { throw ClientError(description: "connect to \(port) failed: errno \(errno)") }
    var sent = 0
    while sent < bytes.count {
      let n = bytes.withUnsafeBytes {
        Glibc.send(fd, $0.baseAddress! + sent, bytes.count - sent, Int32(MSG_NOSIGNAL))
      }
      guard n > 0 else { throw ClientError(description: "send failed") }
      sent += n
    }
    var out: [UInt8] = []
    var buf = [UInt8](repeating: 0, count: 65536)
    while true {
      let n = recv(fd, &buf, buf.count, 0)
      if n <= 0 { break }
      out += buf[0..<n]
    }
    return out
  }

  static func parse(_ raw: [UInt8]) throws -> Reply {
    guard let end = raw.firstRange(of: Array("\r\n\r\n".utf8)) else {
      throw ClientError(description: "no complete response (\(raw.count) bytes)")
    }
    let head = String(decoding: raw[..<end.lowerBound], as: UTF8.self).components(
      separatedBy: "\r\n")
    let status = Int(head[0].split(separator: " ")[1]) ?? 0
    var headers: [(String, String)] = []
    for line in head.dropFirst() {
      guard let colon = line.firstIndex(of: ":") else { continue }
      headers.append(
        (
          String(line[..<colon]),
          line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        ))
    }
    var body = Array(raw[end.upperBound...])
    if headers.contains(where: {
      $0.0.lowercased() == "transfer-encoding" && $0.1.lowercased().contains("chunked")
    }) {
      body = dechunk(body)
    }
    return Reply(status: status, headers: headers, body: String(decoding: body, as: UTF8.self))
  }

  static func dechunk(_ b: [UInt8]) -> [UInt8] {
    var out: [UInt8] = []
    var i = 0
    while i < b.count {
      guard let lineEnd = b[i...].firstRange(of: [13, 10]) else { break }
      let sizeText = String(decoding: b[i..<lineEnd.lowerBound], as: UTF8.self).split(
        separator: ";")[0]
      guard let size = Int(sizeText, radix: 16), size > 0 else { break }
      let start = lineEnd.upperBound
      out += b[start..<min(start + size, b.count)]
      i = start + size + 2
    }
    return out
  }
}

extension String {
  /// The first capture of `pattern` in the string.
  func capture(_ pattern: String) -> String? {
    guard let re = try? NSRegularExpression(pattern: pattern),
      let m = re.firstMatch(in: self, range: NSRange(startIndex..., in: self)),
      m.numberOfRanges > 1,
      let r = Range(m.range(at: 1), in: self)
    else { return nil }
    return String(self[r])
  }

  func captures(_ pattern: String) -> [String] {
    guard let re = try? NSRegularExpression(pattern: pattern) else { return [] }
    return re.matches(in: self, range: NSRange(startIndex..., in: self)).compactMap {
      Range($0.range(at: 1), in: self).map { String(self[$0]) }
    }
  }
}
