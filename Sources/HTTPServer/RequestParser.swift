#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// An incremental HTTP/1.1 request parser (RFC 9112), strict about framing so that no
/// request can be read two ways. It consumes complete lines as soon as they arrive and
/// remembers how far it has scanned an incomplete one, so no byte is looked at twice, and it
/// checks every limit while reading rather than after.
struct RequestParser {
  var maxRequestLine = 8 * 1024
  var maxHeaderBytes = 32 * 1024
  var maxHeaderCount = 100
  /// Set by the caller after `.head`, from the route.
  var bodyLimit = 1 << 20

  enum State {
    case requestLine, headers, bodyStart, fixedBody(Int), chunkSize, chunkData(Int)
    case chunkDataEnd, trailers, failed
  }

  private(set) var state = State.requestLine
  /// Bytes of the current line already searched for LF, relative to `start`.
  var scanned = 0
  var headerBytes = 0
  var headerCount = 0
  var emptyLinesSkipped = 0
  var head = RequestHead()
  var body: [UInt8] = []
  var hostCount = 0
  var contentLengthSeen = false
  var transferEncoding: String?

  /// True between requests: nothing of the next request has been consumed yet.
  var isIdle: Bool {
    if case .requestLine = state { return scanned == 0 && emptyLinesSkipped == 0 }
    return false
  }

  var isReadingBody: Bool {
    switch state {
    case .fixedBody, .chunkSize, .chunkData, .chunkDataEnd, .trailers: return true
    default: return false
    }
  }

  /// Parses from `buf[start...]`, advancing `start` past consumed bytes.
  mutating func parse(_ buf: UnsafeBufferPointer<UInt8>, _ start: inout Int) -> ParseEvent {
    if case .failed = state { return .error(ParseError(status: 400, message: "Bad request")) }
    do {
      return try step(buf, &start)
    } catch {
      state = .failed
      return .error(error)
    }
  }

  private mutating func step(
    _ buf: UnsafeBufferPointer<UInt8>, _ start: inout Int
  ) throws(ParseError) -> ParseEvent {
    while true {
      switch state {
      case .failed:
        throw ParseError(status: 400, message: "Bad request")

      case .requestLine:
        guard
          let end = try findLineEnd(
            buf, start, limit: maxRequestLine,
            tooLong: ParseError(status: 414, message: "URI too long"))
        else { return .needMore }
        if end == start {
          // RFC 9112 §2.2: a server SHOULD ignore at least one empty line before a request.
          emptyLinesSkipped += 1
          if emptyLinesSkipped > 4 { throw ParseError(status: 400, message: "Bad request line") }
          start = end + 2
          continue
        }
        try parseRequestLine(UnsafeBufferPointer(rebasing: buf[start..<end]))
        start = end + 2
        state = .headers

      case .headers:
        guard let blank = try fieldLine(buf, &start, trailer: false) else { return .needMore }
        if blank {
          try finishHead()
          state = .bodyStart
          return .head(head)
        }

      case .bodyStart:
        if head.chunked {
          state = .chunkSize
        } else if head.contentLength > 0 {
          if head.contentLength > bodyLimit {
            throw ParseError(status: 413, message: "Content too large")
          }
          body.reserveCapacity(head.contentLength)
          state = .fixedBody(head.contentLength)
        } else {
          return complete()
        }

      case .fixedBody(let remaining):
        let n = min(remaining, buf.count - start)
        if n == 0 { return .needMore }
        body.append(contentsOf: UnsafeBufferPointer(rebasing: buf[start..<start + n]))
        start += n
        if n == remaining { return complete() }
        state = .fixedBody(remaining - n)

      case .chunkSize:
        guard
          let end = try findLineEnd(
            buf, start, limit: 1024, tooLong: ParseError(status: 400, message: "Bad chunk size"))
        else { return .needMore }
        guard let size = Self.chunkSize(UnsafeBufferPointer(rebasing: buf[start..<end])) else {
          throw ParseError(status: 400, message: "Bad chunk size")
        }
        start = end + 2
        if size == 0 {
          state = .trailers
        } else {
          if body.count + size > bodyLimit {
            throw ParseError(status: 413, message: "Content too large")
          }
          state = .chunkData(size)
        }

      case .chunkData(let remaining):
        let n = min(remaining, buf.count - start)
        if n == 0 { return .needMore }
        body.append(contentsOf: UnsafeBufferPointer(rebasing: buf[start..<start + n]))
        start += n
        state = n == remaining ? .chunkDataEnd : .chunkData(remaining - n)

      case .chunkDataEnd:
        if buf.count - start < 2 {
          if buf.count - start == 1 && buf[start] != 0x0D {
            throw ParseError(status: 400, message: "Bad chunk")
          }
          return .needMore
        }
        guard buf[start] == 0x0D, buf[start + 1] == 0x0A else {
          throw ParseError(status: 400, message: "Bad chunk")
        }
        start += 2
        state = .chunkSize

      case .trailers:
        // Trailers are checked like fields but never merged: nothing after the body may change
        // how the request is read.
        guard let blank = try fieldLine(buf, &start, trailer: true) else { return .needMore }
        if blank { return complete() }
      }
    }
  }

  /// Finds the CRLF ending the line at `start` and returns the index of its CR. A line with
  /// more than `limit` bytes before its LF throws `tooLong`, whether or not the LF has
  /// arrived, so the answer never depends on how reads split the input. A bare LF is refused
  /// because peers could disagree on where the line ends.
  /// Reads one header or trailer line within the size and count limits and consumes it.
  /// Returns nil when more bytes are needed, true for the blank line that ends the block.
  private mutating func fieldLine(
    _ buf: UnsafeBufferPointer<UInt8>, _ start: inout Int, trailer: Bool
  ) throws(ParseError) -> Bool? {
    guard
      let end = try findLineEnd(
        buf, start, limit: maxHeaderBytes - headerBytes,
        tooLong: ParseError(status: 431, message: "Request header fields too large"))
    else { return nil }
    headerBytes += end - start + 2
    defer { start = end + 2 }
    if end == start { return true }
    headerCount += 1
    if headerCount > maxHeaderCount {
      throw ParseError(status: 431, message: "Too many header fields")
    }
    try parseField(UnsafeBufferPointer(rebasing: buf[start..<end]), trailer: trailer)
    return false
  }

  private mutating func findLineEnd(
    _ buf: UnsafeBufferPointer<UInt8>, _ start: Int, limit: Int, tooLong: ParseError
  ) throws(ParseError) -> Int? {
    let from = start + scanned
    let count = buf.count - from
    guard count > 0, let base = buf.baseAddress else { return nil }
    guard let hit = memchr(base + from, 0x0A, count) else {
      scanned = buf.count - start
      if scanned > limit { throw tooLong }
      return nil
    }
    let lf = UnsafeRawPointer(hit).assumingMemoryBound(to: UInt8.self) - base
    scanned = 0
    if lf - start > limit { throw tooLong }
    if lf == start || buf[lf - 1] != 0x0D { throw ParseError(status: 400, message: "Bare LF") }
    return lf - 1
  }

  private mutating func complete() -> ParseEvent {
    let result = body
    reset()
    return .complete(result)
  }

  private mutating func reset() {
    state = .requestLine
    scanned = 0
    headerBytes = 0
    headerCount = 0
    emptyLinesSkipped = 0
    head = RequestHead()
    body = []
    hostCount = 0
    contentLengthSeen = false
    transferEncoding = nil
  }
}
