// libFuzzer entry for the HTTP request parser. Built by Tests/Fuzz/run.sh together with the
// parser's sources (not part of the package).
//
// Each input is parsed twice, whole and in pieces whose sizes come from the input itself; the
// two must produce the same events, which checks that incremental parsing never depends on
// where reads split the bytes. Every complete request's body also goes through the form,
// multipart, query and cookie helpers.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzRequestParser(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let bytes = Array(UnsafeBufferPointer(start: data, count: size))
  let whole = FuzzHarness.events(bytes, pieceSizes: [])
  let split = FuzzHarness.events(bytes, pieceSizes: bytes.prefix(8).map { Int($0 % 13) + 1 })
  if whole != split {
    fatalError("split parse differs:\n\(whole)\nvs\n\(split)")
  }
  return 0
}

enum FuzzHarness {
  static func events(_ input: [UInt8], pieceSizes: [Int]) -> [String] {
    var parser = RequestParser()
    parser.maxRequestLine = 512
    parser.maxHeaderBytes = 1024
    parser.maxHeaderCount = 16
    var buffer: [UInt8] = []
    var start = 0
    var offset = 0
    var piece = 0
    var out: [String] = []
    var head: RequestHead?
    while offset < input.count {
      let n = pieceSizes.isEmpty ? input.count : pieceSizes[piece % pieceSizes.count]
      piece += 1
      let end = min(input.count, offset + n)
      buffer.append(contentsOf: input[offset..<end])
      offset = end
      loop: while true {
        let event = buffer.withUnsafeBufferPointer { parser.parse($0, &start) }
        if start > buffer.count { fatalError("consumed past the end") }
        switch event {
        case .needMore:
          break loop
        case .head(let h):
          head = h
          parser.bodyLimit = 300
          out.append(
            "head \(h.method) \(h.path) ?\(h.rawQuery) \(h.headers.fields.count) \(h.contentLength) \(h.chunked)"
          )
        case .complete(let body):
          out.append("body \(body.count)")
          if let h = head { exerciseHelpers(h, body) }
          head = nil
        case .error(let e):
          out.append("error \(e.status)")
          return out
        }
      }
    }
    return out
  }

  static func exerciseHelpers(_ head: RequestHead, _ body: [UInt8]) {
    let request = HTTPRequest(
      method: head.method, path: head.path, rawQuery: head.rawQuery, headers: head.headers,
      body: body)
    _ = request.queryItems
    _ = request.cookies
    _ = request.formFields()
    if let parts = request.multipartParts() {
      for p in parts where p.bytes.count > body.count { fatalError("part larger than body") }
    }
    if head.path.contains("/../") || head.path.hasSuffix("/..") || head.path.contains("\\")
      || head.path.utf8.contains(0)
    {
      fatalError("unsafe path accepted: \(head.path)")
    }
  }
}
