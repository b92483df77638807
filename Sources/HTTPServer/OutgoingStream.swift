/// The loop's side of one streamed response: what it took from the producer's channel, what
/// of that has been sent, and what to log when it ends. Confined to the loop's thread.
struct OutgoingStream {
  let channel: StreamChannel
  let method: String
  let path: String
  let routeName: String
  let status: Int
  let startedAt: UInt64
  /// The client's address, for the access log.
  var client = ""
  /// False for HTTP/1.0 (the body ends with the connection) and when the request asked to close.
  let keepAlive: Bool
  let chunked: Bool
  /// How the producer ended, once it has.
  var end: StreamChannel.End?
  /// Taken from the channel and not yet sent. These are always the last bytes of the
  /// connection's output: nothing is queued behind a stream until it ends.
  private(set) var unsentInOutput = 0
  private(set) var bodyBytesSent = 0
  /// Sizes of taken chunks not wholly sent, oldest first from `firstChunk`; `firstChunkSent`
  /// bytes of the oldest are sent.
  private var chunks: [(framed: Int, body: Int)] = []
  private var firstChunk = 0
  private var firstChunkSent = 0

  init(
    channel: StreamChannel, method: String, path: String, routeName: String, status: Int,
    startedAt: UInt64, keepAlive: Bool, chunked: Bool
  ) {
    self.channel = channel
    self.method = method
    self.path = path
    self.routeName = routeName
    self.status = status
    self.startedAt = startedAt
    self.keepAlive = keepAlive
    self.chunked = chunked
  }

  /// Everything the producer queued is sent (or it failed and what it queued is sent).
  var isDone: Bool { end != nil && unsentInOutput == 0 }

  mutating func took(_ chunk: StreamChannel.Chunk) {
    chunks.append((chunk.bytes.count, chunk.bodyCount))
    unsentInOutput += chunk.bytes.count
  }

  /// The connection's unsent output fell to `pending` bytes: the part of that drop which
  /// was this stream's is reported to the channel (which may unblock the producer).
  mutating func outputDrained(to pending: Int) {
    let nowUnsent = min(unsentInOutput, pending)
    let sent = unsentInOutput - nowUnsent
    guard sent > 0 else { return }
    unsentInOutput = nowUnsent
    channel.sent(sent)
    var left = firstChunkSent + sent
    while firstChunk < chunks.count && left >= chunks[firstChunk].framed {
      left -= chunks[firstChunk].framed
      bodyBytesSent += chunks[firstChunk].body
      firstChunk += 1
    }
    firstChunkSent = left
    if firstChunk == chunks.count {
      chunks.removeAll(keepingCapacity: true)
      firstChunk = 0
    } else if firstChunk > 1024 {
      chunks.removeFirst(firstChunk)
      firstChunk = 0
    }
  }
}
