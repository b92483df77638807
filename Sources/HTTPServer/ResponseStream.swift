import CZlib

/// Produces a streamed body by calling `writer.write` as often as it likes, then returning.
///
/// It always runs on a thread of its own, never on an event loop or the offload pool: `write`
/// blocks while the client is slow (more than 256 KB unsent), and a blocked loop could never
/// drain the socket it waits for, nor a blocked pool run other routes' handlers. It starts
/// once the response's header is queued, after every earlier response on the connection.
/// Throwing from it ends the response early: the client sees a truncated body, never a
/// complete-looking one.
public typealias ResponseProducer = @Sendable (ResponseWriter) throws -> Void

/// Why a `ResponseWriter.write` failed: the connection closed (the client left, timed out or
/// the server shut down). The producer should stop; rethrowing it is the simplest way.
public enum ResponseStreamError: Error, Sendable, Equatable {
  case clientGone
}

extension HTTPResponse {
  /// A response whose body is produced while it is sent: `Transfer-Encoding: chunked` to
  /// HTTP/1.1 clients, the raw bytes and then a close to HTTP/1.0 ones. `HEAD` and statuses
  /// without a body get the header only, and the producer is not run.
  ///
  ///     HTTPResponse(headers: HTTPHeaders([("Content-Type", "text/csv")])) { out in
  ///       for row in rows { try out.write(row.csvLine) }
  ///     }
  public init(
    status: Int = 200, headers: HTTPHeaders = HTTPHeaders(),
    stream: @escaping ResponseProducer
  ) {
    self.init(status: status, headers: headers, body: [])
    self.stream = stream
  }
}

/// Where a producer writes its body. Small writes are gathered into chunks of about 16 KB,
/// so a producer writing one CSV line at a time costs one chunk (and about one `sendmsg`) per
/// 16 KB, not per line. Used by the producer's thread only.
public final class ResponseWriter {
  /// Body bytes are sent in chunks of at most this many.
  static let chunkSize = 16 * 1024

  private let channel: StreamChannel
  private let chunked: Bool
  private var buffer: [UInt8] = []
  /// Set when the response is gzipped: writes go through it, chunks carry its output.
  private var gzip: GzipStream?
  /// Body bytes accepted so far (before any compression).
  public private(set) var bytesWritten = 0

  init(channel: StreamChannel, chunked: Bool) {
    self.channel = channel
    self.chunked = chunked
    buffer.reserveCapacity(Self.chunkSize)
  }

  /// Queues bytes for the client. Blocks while too much is unsent; throws
  /// `ResponseStreamError.clientGone` once the connection is closed.
  public func write(_ bytes: [UInt8]) throws {
    try bytes.withUnsafeBytes { try write(raw: $0) }
  }

  public func write(_ text: String) throws {
    var text = text
    try text.withUTF8 { try write(raw: UnsafeRawBufferPointer($0)) }
  }

  /// Sends what is gathered now rather than when 16 KB are (before a slow step, say).
  public func flush() throws {
    if channel.isCancelled { throw ResponseStreamError.clientGone }
    if let gzip {
      // A sync flush makes everything written so far decodable by the client now.
      try gzip.compress(UnsafeRawBufferPointer(start: nil, count: 0), mode: Z_SYNC_FLUSH) {
        try append($0)
      }
    }
    try emitBuffer()
  }

  /// From now on, the body is gzipped (`Content-Encoding: gzip` is already in the header).
  func compressing() throws {
    guard gzip == nil, bytesWritten == 0 else { return }
    guard let stream = GzipStream() else { throw GzipStreamFailed(code: Z_MEM_ERROR) }
    gzip = stream
  }

  private func write(raw bytes: UnsafeRawBufferPointer) throws {
    if channel.isCancelled { throw ResponseStreamError.clientGone }
    // An empty chunk would end the body: empty writes send nothing.
    guard !bytes.isEmpty else { return }
    bytesWritten += bytes.count
    if let gzip {
      try gzip.compress(bytes, mode: Z_NO_FLUSH) { try append($0) }
    } else {
      try append(bytes)
    }
  }

  /// Gathers wire body bytes into chunks of `chunkSize`.
  private func append(_ bytes: UnsafeRawBufferPointer) throws {
    guard !bytes.isEmpty else { return }
    var rest = bytes[...]
    if !buffer.isEmpty {
      let take = min(rest.count, Self.chunkSize - buffer.count)
      buffer.append(contentsOf: rest.prefix(take))
      rest = rest.dropFirst(take)
      if buffer.count < Self.chunkSize { return }
      try emitBuffer()
    }
    // Whole chunks straight from the caller's bytes; the tail waits for more.
    while rest.count >= Self.chunkSize {
      try emit(UnsafeRawBufferPointer(rebasing: rest.prefix(Self.chunkSize)))
      rest = rest.dropFirst(Self.chunkSize)
    }
    buffer.append(contentsOf: rest)
  }

  private func emitBuffer() throws {
    guard !buffer.isEmpty else { return }
    try buffer.withUnsafeBytes { try emit($0) }
    buffer.removeAll(keepingCapacity: true)
  }

  private func emit(_ data: UnsafeRawBufferPointer) throws {
    var framed: [UInt8] = []
    if chunked {
      framed.reserveCapacity(data.count + 12)
      Self.appendHex(data.count, to: &framed)
      framed.append(contentsOf: [13, 10])
      framed.append(contentsOf: data)
      framed.append(contentsOf: [13, 10])
    } else {
      framed.append(contentsOf: data)
    }
    try channel.push(StreamChannel.Chunk(bytes: framed, bodyCount: data.count))
  }

  /// Sends the rest and, when chunked, the last (zero-size) chunk.
  func finish() throws {
    if channel.isCancelled { throw ResponseStreamError.clientGone }
    if let gzip {
      try gzip.compress(UnsafeRawBufferPointer(start: nil, count: 0), mode: Z_FINISH) {
        try append($0)
      }
    }
    try emitBuffer()
    if chunked {
      try channel.push(StreamChannel.Chunk(bytes: Array("0\r\n\r\n".utf8), bodyCount: 0))
    }
    channel.finish(.complete)
  }

  static func appendHex(_ n: Int, to out: inout [UInt8]) {
    let digits = Array("0123456789abcdef".utf8)
    var shift = (Int.bitWidth - n.leadingZeroBitCount + 3) / 4 * 4 - 4
    if shift < 0 { shift = 0 }
    while shift >= 0 {
      out.append(digits[(n >> shift) & 0xF])
      shift -= 4
    }
  }

  /// Runs `produce` on a new thread and ends the channel however it ends.
  static func start(
    _ produce: @escaping ResponseProducer, channel: StreamChannel, chunked: Bool
  ) {
    LoopThread.start {
      let writer = ResponseWriter(channel: channel, chunked: chunked)
      do {
        try produce(writer)
        try writer.finish()
      } catch {
        // After the client left, the error is just the news of it.
        if !channel.isCancelled { channel.finish(.failed(String(describing: error))) }
      }
    }
  }
}
