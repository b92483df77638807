import Dispatch

extension HTTPResponse {
  /// The whole body, a streamed one included: runs the producer on a thread of its own (as
  /// the server does) and gathers what it writes, uncompressed. `failure` is what a producer
  /// threw (the client would have seen a truncated body), nil when it returned. For clients
  /// in the same process (tests, fuzzers); the server never calls it.
  public func collectedBody() -> (body: [UInt8], failure: String?) {
    guard let stream else { return (body, nil) }
    let ready = DispatchSemaphore(value: 0)
    let channel = StreamChannel(metrics: nil, wake: { ready.signal() })
    ResponseWriter.start(stream, channel: channel, chunked: false)
    var out: [UInt8] = []
    while true {
      let (chunks, end) = channel.take()
      for chunk in chunks {
        out += chunk.bytes
        channel.sent(chunk.bytes.count)
      }
      switch end {
      case .complete?: return (out, nil)
      case .failed(let message)?: return (out, message)
      case nil: if chunks.isEmpty { ready.wait() }
      }
    }
  }
}
