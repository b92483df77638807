import Glibc

@testable import HTTPServer

/// A blocking loopback client that sends exact bytes and reads responses, so tests see what
/// goes over the wire.
final class RawClient {
  let fd: Int32

  struct Response {
    var status: Int
    var headers: [(String, String)]
    var body: [UInt8]
    var text: String { String(decoding: body, as: UTF8.self) }
    func header(_ name: String) -> String? {
      headers.first { $0.0.lowercased() == name.lowercased() }?.1
    }
  }

  init(port: Int, timeoutSeconds: Int = 5) throws {
    fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    var addr = sockaddr_in()
    addr.sin_family = sa_family_t(AF_INET)
    addr.sin_port = in_port_t(UInt16(port).bigEndian)
    addr.sin_addr.s_addr = inet_addr("127.0.0.1")
    let rc = withUnsafePointer(to: &addr) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
      }
    }
    if rc != 0 { throw Socket.Failure(call: "connect", code: errno) }
    var tv = timeval(tv_sec: timeoutSeconds, tv_usec: 0)
    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, socklen_t(MemoryLayout<timeval>.size))
  }

  deinit { close(fd) }

  func send(_ text: String) { send(Array(text.utf8)) }

  func send(_ bytes: [UInt8]) {
    var off = 0
    while off < bytes.count {
      let n = bytes.withUnsafeBytes { write(fd, $0.baseAddress! + off, bytes.count - off) }
      if n <= 0 { return }
      off += n
    }
  }

  private var buffer: [UInt8] = []
  /// True once the server closed (or reset) the connection.
  private(set) var closed = false
  private(set) var timedOut = false
  /// True when the server reset the connection rather than closing it.
  private(set) var reset = false

  private func fill() -> Bool {
    var chunk = [UInt8](repeating: 0, count: 65536)
    let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress!, $0.count) }
    if n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK) { timedOut = true }
    if n < 0 && errno == ECONNRESET { reset = true }
    if n <= 0 {
      closed = true
      return false
    }
    buffer.append(contentsOf: chunk[0..<n])
    return true
  }

  /// Reads until `marker` has arrived; returns (and consumes) everything up to its end, or
  /// nil if the connection ends or times out first.
  func readUntil(_ marker: String) -> String? {
    let m = Array(marker.utf8)
    while true {
      if buffer.count >= m.count {
        for i in 0...(buffer.count - m.count) where Array(buffer[i..<(i + m.count)]) == m {
          let text = String(decoding: buffer[0..<(i + m.count)], as: UTF8.self)
          buffer.removeFirst(i + m.count)
          return text
        }
      }
      guard fill() else { return nil }
    }
  }

  /// Reads one response. `head` is true when it answers a HEAD (no body follows).
  func readResponse(head: Bool = false) -> Response? {
    var end: Int?
    while end == nil {
      if let r = findHeaderEnd() { end = r } else if !fill() { return nil }
    }
    let headText = String(decoding: buffer[0..<end!], as: UTF8.self)
    buffer.removeFirst(end! + 4)
    var lines = headText.split(separator: "\r\n", omittingEmptySubsequences: false).map(String.init)
    let statusLine = lines.removeFirst().split(separator: " ")
    let status = Int(statusLine[1]) ?? 0
    let headers = lines.map { line -> (String, String) in
      let colon = line.firstIndex(of: ":")!
      return (String(line[..<colon]), line[line.index(after: colon)...].trimmingCharacters())
    }
    var response = Response(status: status, headers: headers, body: [])
    if head || status == 304 || status == 204 || status < 200 { return response }
    if response.header("Transfer-Encoding")?.lowercased() == "chunked" {
      guard let body = readChunkedBody() else { return nil }
      response.body = body
      return response
    }
    if response.header("Content-Length") == nil && response.header("Connection") == "close" {
      // HTTP/1.0 streaming: the body is whatever comes before the close.
      response.body = readToEnd()
      return closed && !timedOut ? response : nil
    }
    let length = Int(response.header("Content-Length") ?? "") ?? 0
    while buffer.count < length { if !fill() { return nil } }
    response.body = Array(buffer[0..<length])
    buffer.removeFirst(length)
    return response
  }

  /// Decodes a chunked body; nil when the connection ends before the last chunk.
  private func readChunkedBody() -> [UInt8]? {
    var body: [UInt8] = []
    while true {
      guard let chunk = readChunk() else { return nil }
      // No trailers are sent: the last chunk's line is followed by the final CRLF.
      if chunk.isEmpty { return body }
      body.append(contentsOf: chunk)
    }
  }

  /// Reads one chunk of a chunked body (empty for the last one, whose final CRLF it also
  /// reads); nil when the connection ends first or the framing is wrong.
  func readChunk() -> [UInt8]? {
    var lineEnd: Int?
    while lineEnd == nil {
      if let i = findCRLF() { lineEnd = i } else if !fill() { return nil }
    }
    let sizeText = String(decoding: buffer[0..<lineEnd!], as: UTF8.self)
    guard let size = Int(sizeText, radix: 16) else { return nil }
    buffer.removeFirst(lineEnd! + 2)
    while buffer.count < size + 2 { if !fill() { return nil } }
    guard buffer[size] == 13 && buffer[size + 1] == 10 else { return nil }
    defer { buffer.removeFirst(size + 2) }
    return Array(buffer[0..<size])
  }

  /// Every byte until the server closes (or the timeout), including any already buffered.
  func readToEnd() -> [UInt8] {
    while fill() {}
    defer { buffer.removeAll() }
    return buffer
  }

  /// Reads until at least `count` bytes are buffered and takes them (fewer if it closes).
  func readBytes(_ count: Int) -> [UInt8] {
    while buffer.count < count { if !fill() { break } }
    let n = min(count, buffer.count)
    defer { buffer.removeFirst(n) }
    return Array(buffer[0..<n])
  }

  private func findCRLF() -> Int? {
    guard buffer.count >= 2 else { return nil }
    for i in 0..<(buffer.count - 1) where buffer[i] == 13 && buffer[i + 1] == 10 { return i }
    return nil
  }

  /// True when the server closes the connection (EOF or reset) within the timeout.
  func waitForClose() -> Bool {
    while fill() { buffer.removeAll() }
    return closed && !timedOut
  }

  private func findHeaderEnd() -> Int? {
    guard buffer.count >= 4 else { return nil }
    for i in 0...(buffer.count - 4)
    where buffer[i] == 13 && buffer[i + 1] == 10 && buffer[i + 2] == 13 && buffer[i + 3] == 10 {
      return i
    }
    return nil
  }
}

extension Substring {
  func trimmingCharacters() -> String {
    String(drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
  }
}

/// Starts a server on a free port, runs `body`, then shuts it down.
func withServer(
  _ router: Router, configure: (inout ServerConfiguration) -> Void = { _ in },
  _ body: (Int, HTTPServer) throws -> Void
) throws {
  var config = ServerConfiguration()
  config.port = 0
  configure(&config)
  let server = HTTPServer(configuration: config, router: router)
  let port = try server.start()
  defer {
    server.shutdown()
    server.wait()
  }
  try body(port, server)
}

func sampleRouter() -> Router {
  var router = Router()
  router.get("/hello") { _ in .text("hello") }
  router.get("/modules/:m") { req in .text("module \(req.parameters["m"] ?? "")") }
  router.post("/echo", bodyLimit: 64 * 1024) { req in HTTPResponse(status: 200, body: req.body) }
  router.post("/echo-inline", bodyLimit: 64 * 1024, offload: false) { req in
    HTTPResponse(status: 200, body: req.body)
  }
  router.get("/healthz") { _ in .text("ok") }
  return router
}
