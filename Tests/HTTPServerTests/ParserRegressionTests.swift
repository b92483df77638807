import Testing

@testable import HTTPServer

/// Inputs the fuzzer (Tests/Fuzz/run.sh http) found, kept so they stay fixed.
@Suite struct ParserRegressions {
  static func statuses(_ input: [UInt8], piece: Int) -> [String] {
    var parser = RequestParser()
    var buffer: [UInt8] = []
    var start = 0
    var out: [String] = []
    var offset = 0
    while offset < input.count {
      let end = min(input.count, offset + piece)
      buffer.append(contentsOf: input[offset..<end])
      offset = end
      loop: while true {
        switch buffer.withUnsafeBufferPointer({ parser.parse($0, &start) }) {
        case .needMore: break loop
        case .head(let h): out.append("head \(h.path)")
        case .complete(let b): out.append("body \(b.count)")
        case .error(let e):
          out.append("error \(e.status)")
          return out
        }
      }
    }
    return out
  }

  /// Crash 367b255e: a line over the limit ending in a bare LF gave 400 when read at once and
  /// 414 when read in pieces. The limit now wins either way.
  @Test func overlongLineEndingInBareLFIs414HoweverItArrives() {
    let input = Array(
      ("GET /" + String(repeating: "a", count: 9000) + " HTTP/1.1\nHost: x\n\n").utf8)
    #expect(Self.statuses(input, piece: input.count) == ["error 414"])
    #expect(Self.statuses(input, piece: 7) == ["error 414"])
    let header = Array(
      ("GET / HTTP/1.1\r\nX: " + String(repeating: "b", count: 40_000) + "\n\r\n").utf8)
    #expect(Self.statuses(header, piece: header.count) == ["error 431"])
    #expect(Self.statuses(header, piece: 5) == ["error 431"])
  }

  @Test func pipelinedRequestsParseTheSameInAnyPieces() {
    let input = Array(
      ("POST /a HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\n\r\nabc"
        + "POST /b HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nhi\r\n0\r\n\r\n"
        + "GET /c HTTP/1.1\r\nHost: x\r\n\r\n").utf8)
    let expected = ["head /a", "body 3", "head /b", "body 2", "head /c", "body 0"]
    for piece in [1, 2, 3, 5, 8, 13, input.count] {
      #expect(Self.statuses(input, piece: piece) == expected, "piece \(piece)")
    }
  }
}
