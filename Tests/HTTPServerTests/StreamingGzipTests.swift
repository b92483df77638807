import Dispatch
import Synchronization
import Testing

@testable import HTTPServer

/// Streamed text bodies are gzipped on the fly for clients that accept it.
@Suite struct StreamingGzip {
  @Test func streamedCSVIsGzippedForClientsThatAcceptIt() throws {
    let rows = 60_000
    let expected = Streaming.csv(rows: rows)
    try withServer(Streaming.exportRouter(rows: rows)) { port, _ in
      let c = try RawClient(port: port)
      c.send("GET /export.csv HTTP/1.1\r\nHost: x\r\nAccept-Encoding: gzip, br\r\n\r\n")
      let r = try #require(c.readResponse())
      #expect(r.header("Content-Encoding") == "gzip")
      #expect(r.header("Vary") == "Accept-Encoding")
      #expect(r.header("Transfer-Encoding") == "chunked")
      #expect(r.body.count < expected.count / 4)
      let decoded = try #require(Gzip.decompress(r.body))
      let same = decoded == expected
      #expect(same, "decompressed body differs from the CSV")
      // Still in step for the next request.
      c.send("GET /hello HTTP/1.1\r\nHost: x\r\n\r\n")
      #expect(c.readResponse()?.text == "hello")
    }
  }

  @Test func streamIsPlainForClientsThatDoNotAcceptGzip() throws {
    let expected = Streaming.csv(rows: 3_000)
    try withServer(Streaming.exportRouter(rows: 3_000)) { port, _ in
      let c = try RawClient(port: port)
      c.send("GET /export.csv HTTP/1.1\r\nHost: x\r\nAccept-Encoding: gzip;q=0\r\n\r\n")
      let r = try #require(c.readResponse())
      #expect(r.header("Content-Encoding") == nil)
      #expect(r.header("Vary") == "Accept-Encoding")
      let same = r.body == expected
      #expect(same, "body differs from the CSV")
    }
  }

  @Test func flushSendsDecodableGzipBeforeTheProducerEnds() throws {
    let clientGotFirst = DispatchSemaphore(value: 0)
    var router = Router()
    router.get("/export.csv", offload: true) { _ in
      HTTPResponse(headers: Streaming.csvType) { out in
        try out.write("first line\n")
        try out.flush()
        // Had the flush sent nothing decodable, the client would still be waiting here.
        let inTime = clientGotFirst.wait(timeout: .now() + 8) == .success
        try out.write(inTime ? "rest\n" : "late\n")
      }
    }
    try withServer(router) { port, _ in
      let c = try RawClient(port: port, timeoutSeconds: 15)
      c.send("GET /export.csv HTTP/1.1\r\nHost: x\r\nAccept-Encoding: gzip\r\n\r\n")
      let head = try #require(c.readResponse(head: true))
      #expect(head.header("Content-Encoding") == "gzip")
      // Read until the first line decodes; without a sync flush it never would before the
      // producer went on.
      var body: [UInt8] = []
      var decodedSoFar = ""
      while decodedSoFar.isEmpty, let chunk = c.readChunk(), !chunk.isEmpty {
        body += chunk
        decodedSoFar = Gzip.decompressPrefix(body).map { String(decoding: $0, as: UTF8.self) } ?? ""
      }
      #expect(decodedSoFar == "first line\n")
      clientGotFirst.signal()
      while let chunk = c.readChunk(), !chunk.isEmpty { body += chunk }
      let text = Gzip.decompress(body).map { String(decoding: $0, as: UTF8.self) }
      #expect(text == "first line\nrest\n")
    }
  }
}
