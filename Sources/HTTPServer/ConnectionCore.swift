/// One connection's HTTP state, with no I/O: bytes go in, response bytes come out. The event
/// loop (or a test) moves bytes; this decides what they mean. Confined to one thread.
final class ConnectionCore {
  let responder: Responder
  let remoteAddress: String
  private(set) var input: [UInt8] = []
  private var inputStart = 0
  private var parser = RequestParser()
  /// Buffers to send, in order; `firstOffset` bytes of the first are already sent. A large
  /// body is its own buffer, sent with `sendmsg` beside its header rather than copied.
  private(set) var segments: [[UInt8]] = []
  private(set) var firstOffset = 0
  private(set) var pendingBytes = 0
  /// Set once the connection must close when `output` is sent.
  private(set) var closeAfterOutput = false
  /// A handler runs elsewhere; parsing waits so responses leave in request order.
  private(set) var awaitingOffload = false
  /// Set by the server when shutting down: finish the current request, then close.
  var draining = false
  /// Responses queued so far; before the first, an idle connection is still owed a request
  /// and gets the header timeout rather than the keep-alive one.
  private(set) var responsesStarted = 0
  /// `process` stopped because output piled up; call it again once that is sent.
  private(set) var stoppedForOutput = false
  private var serializer: ResponseSerializer
  private var current: (head: RequestHead, decision: Responder.Decision, start: UInt64)?
  /// The streamed response being sent; no later request is parsed until it ends.
  private(set) var stream: OutgoingStream?
  /// A producer whose header is queued, for the loop to start.
  private var producerToStart: StreamJob?
  /// The last look at the stream's channel found chunks or its end: look again once the
  /// output is sent (otherwise the channel wakes the loop when it has something).
  private(set) var streamMayHaveMore = false
  /// Close with a reset rather than a FIN: a raw (HTTP/1.0) streamed body was cut short, and
  /// a FIN would make it look complete.
  private(set) var abortOnClose = false
  /// Wakes this connection's loop from another thread (set by the loop).
  var wake: @Sendable () -> Void = {}

  /// Stop parsing more pipelined requests while this much output waits to be sent.
  static let outputHighWater = 256 * 1024

  let metrics: MetricsShard

  init(responder: Responder, remoteAddress: String, metrics: MetricsShard) {
    self.responder = responder
    self.metrics = metrics
    self.remoteAddress = remoteAddress
    self.serializer = ResponseSerializer(
      serverName: responder.configuration.serverName,
      defaultHeaders: responder.configuration.defaultHeaders)
  }

  /// A job to run off the loop; its response must come back through `offloadFinished`.
  struct OffloadJob: Sendable {
    let route: Router.Route
    let request: HTTPRequest
  }

  /// A streamed body's producer, to start on its own thread.
  struct StreamJob: Sendable {
    let produce: ResponseProducer
    let channel: StreamChannel
    let chunked: Bool
  }

  enum Job {
    case handler(OffloadJob)
    case producer(StreamJob)
  }

  var hasPendingOutput: Bool { pendingBytes > 0 }
  /// Nothing of a request is in progress: safe to close when idle or draining.
  var isIdle: Bool {
    current == nil && !isAnswering && parser.isIdle && inputStart == input.count
      && !hasPendingOutput
  }
  /// A handler or a producer is at work for this connection; the next request waits.
  var isAnswering: Bool { awaitingOffload || stream != nil }
  /// A header section has started but not ended (for the header timeout).
  var isReadingHead: Bool {
    current == nil && stream == nil && !(parser.isIdle && inputStart == input.count)
  }
  var isReadingBody: Bool { parser.isReadingBody }

  func receive(_ bytes: UnsafeRawBufferPointer) {
    if closeAfterOutput { return }
    if inputStart > 0 && inputStart == input.count {
      input.removeAll(keepingCapacity: true)
      inputStart = 0
    } else if inputStart > 64 * 1024 && inputStart * 2 > input.count {
      input.removeFirst(inputStart)
      inputStart = 0
    }
    input.append(contentsOf: bytes.bindMemory(to: UInt8.self))
  }

  /// Marks sent bytes; frees the buffer once all of it is gone.
  func sent(_ n: Int) {
    pendingBytes -= n
    var left = n
    while left > 0 {
      let available = segments[0].count - firstOffset
      if left >= available {
        left -= available
        segments.removeFirst()
        firstOffset = 0
      } else {
        firstOffset += left
        left = 0
      }
    }
    stream?.outputDrained(to: pendingBytes)
  }

  private func appendOutput(_ bytes: [UInt8]) {
    guard !bytes.isEmpty else { return }
    segments.append(bytes)
    pendingBytes += bytes.count
  }

  /// The unsent part of the first one or two buffers, for one `sendmsg`.
  func withPendingBuffers<R>(
    _ body: (UnsafeRawBufferPointer, UnsafeRawBufferPointer?) -> R
  ) -> R {
    segments[0].withUnsafeBytes { first in
      let head = UnsafeRawBufferPointer(rebasing: first[firstOffset...])
      if segments.count < 2 { return body(head, nil) }
      return segments[1].withUnsafeBytes { second in body(head, second) }
    }
  }

  /// Parses and answers as many requests as the input holds, and queues what a streamed
  /// body has ready. Returns a job when a handler must run off the loop (call
  /// `offloadFinished` with its response, then `process` again) or a producer must start.
  func process() -> Job? {
    stoppedForOutput = false
    defer {
      stoppedForOutput = !closeAfterOutput && !isAnswering && pendingBytes >= Self.outputHighWater
    }
    if let job = producerToStart {
      producerToStart = nil
      return .producer(job)
    }
    if stream != nil { takeFromStream() }
    while !closeAfterOutput && !isAnswering && pendingBytes < Self.outputHighWater {
      let event = input.withUnsafeBufferPointer { parser.parse($0, &inputStart) }
      switch event {
      case .needMore:
        return nil
      case .error(let error):
        if current == nil {
          current = (
            RequestHead(), .immediate(HTTPResponse(), routeName: "400"), Responder.monotonicNanos()
          )
        }
        finish(Responder.errorResponse(error), routeName: "error", close: true)
        return nil
      case .head(let head):
        let decision = responder.decide(head)
        current = (head, decision, Responder.monotonicNanos())
        switch decision {
        case .route(let route, _):
          if !head.chunked && head.contentLength > route.bodyLimit {
            // Refuse before a 100 Continue invites the body.
            finish(
              HTTPResponse.text("Content too large\n", status: 413), routeName: route.pattern,
              close: true)
            return nil
          }
          parser.bodyLimit = route.bodyLimit
          if head.expectContinue && head.hasBody {
            appendOutput(Array("HTTP/1.1 100 Continue\r\n\r\n".utf8))
          }
        case .immediate(let response, let name):
          if head.expectContinue && head.hasBody {
            // The client waits for our word before sending the body; refuse and close.
            finish(response, routeName: name, close: true)
            return nil
          }
        }
      case .complete(let body):
        guard let (head, decision, _) = current else { return nil }
        switch decision {
        case .immediate(let response, let name):
          finish(response, routeName: name, close: false)
        case .route(let route, let parameters):
          let request = HTTPRequest(
            method: head.method, path: head.path, rawQuery: head.rawQuery, headers: head.headers,
            body: body, parameters: parameters, remoteAddress: client(head),
            peerAddress: remoteAddress)
          if route.offload {
            awaitingOffload = true
            return .handler(OffloadJob(route: route, request: request))
          }
          finish(responder.run(route, request), routeName: route.pattern, close: false)
          if let job = producerToStart {
            producerToStart = nil
            return .producer(job)
          }
        }
      }
    }
    return nil
  }

  /// The client's address for this request: the peer, or who trusted proxies say it is.
  private func client(_ head: RequestHead) -> String {
    let proxies = responder.configuration.trustedProxies
    if proxies.isEmpty || head.method.isEmpty { return remoteAddress }
    return proxies.client(peer: remoteAddress, headers: head.headers)
  }

  func offloadFinished(_ response: HTTPResponse) {
    awaitingOffload = false
    guard let (_, decision, _) = current else { return }
    if case .route(let route, _) = decision {
      finish(response, routeName: route.pattern, close: false)
    }
  }

  /// Answers the request without a handler (a timeout or the connection cap); then closes.
  func failNow(status: Int, message: String) {
    if closeAfterOutput || isAnswering { return }
    if current == nil {
      current = (
        RequestHead(), .immediate(HTTPResponse(), routeName: "\(status)"),
        Responder.monotonicNanos()
      )
    }
    finish(HTTPResponse.text(message + "\n", status: status), routeName: "\(status)", close: true)
  }

  private func finish(_ response: HTTPResponse, routeName: String, close: Bool) {
    guard let (head, _, start) = current else { return }
    var response = response
    // A body to produce takes a slot (HEAD, 204 and 304 run no producer).
    if response.stream != nil, head.method != "HEAD",
      ResponseSerializer.mayHaveBody(response.status), !admitStream()
    {
      var busy = HTTPResponse.text("Too many downloads at once; try again shortly.\n", status: 503)
      busy.headers.set("Retry-After", "5")
      response = busy
    }
    current = nil
    responsesStarted += 1
    let responseWantsClose =
      response.headers["Connection"].map { HTTPSyntax.equalsIgnoringCase($0, "close") } ?? false
    var keepAlive = !close && !draining && head.keepAlive && !responseWantsClose
    if let produce = response.stream {
      let http10 = head.minorVersion == 0
      let streaming = head.method != "HEAD" && ResponseSerializer.mayHaveBody(response.status)
      // Without chunking, only the close can end the body.
      if streaming && http10 { keepAlive = false }
      appendOutput(serializer.streamHead(response, keepAlive: keepAlive, http10: http10))
      if !keepAlive {
        input.removeAll()
        inputStart = 0
      }
      if streaming {
        let channel = StreamChannel(metrics: responder.metrics, wake: wake)
        stream = OutgoingStream(
          channel: channel, method: head.method, path: head.path, routeName: routeName,
          status: response.status, startedAt: start, keepAlive: keepAlive, chunked: !http10)
        stream?.client = client(head)
        producerToStart = StreamJob(produce: produce, channel: channel, chunked: !http10)
        return
      }
      // HEAD, 204, 304: the header says it all, and the producer is not run.
      if !keepAlive { closeAfterOutput = true }
      responder.record(
        method: head.method, path: head.path, routeName: routeName, status: response.status,
        bytes: 0, startedAt: start, metrics: metrics, client: client(head))
      return
    }
    let (headBuffer, separateBody, bytes) = serializer.serialize(
      response, headOnly: head.method == "HEAD", keepAlive: keepAlive,
      http10: head.minorVersion == 0)
    appendOutput(headBuffer)
    if let separateBody { appendOutput(separateBody) }
    if !keepAlive {
      closeAfterOutput = true
      input.removeAll()
      inputStart = 0
    }
    if !head.method.isEmpty || close {
      responder.record(
        method: head.method.isEmpty ? "-" : head.method, path: head.path.isEmpty ? "-" : head.path,
        routeName: routeName, status: response.status, bytes: bytes, startedAt: start,
        metrics: metrics, client: client(head))
    }
  }

  /// Queues what the producer has pushed; ends the stream once all of it is sent.
  private func takeFromStream() {
    guard var current = stream else { return }
    let (chunks, end) = current.channel.take()
    for chunk in chunks {
      current.took(chunk)
      appendOutput(chunk.bytes)
    }
    current.end = end
    streamMayHaveMore = !chunks.isEmpty || end != nil
    stream = current
    if current.isDone { endStream() }
  }

  /// Takes a stream slot (given back when the stream ends or its connection closes).
  private func admitStream() -> Bool {
    let limit = responder.configuration.maxStreams
    while true {
      let n = responder.metrics.streamsActive.load(ordering: .relaxed)
      if n >= limit { return false }
      if responder.metrics.streamsActive.compareExchange(
        expected: n, desired: n + 1, ordering: .relaxed
      ).exchanged {
        return true
      }
    }
  }

  private func endStream() {
    guard let ended = stream else { return }
    stream = nil
    responder.metrics.streamsActive.subtract(1, ordering: .relaxed)
    streamMayHaveMore = false
    let complete = ended.end == .complete
    if !complete {
      responder.metrics.streamsFailed.add(1, ordering: .relaxed)
      // Chunked: the missing last chunk tells the client. Raw: only a reset can.
      if !ended.chunked { abortOnClose = true }
    }
    if !complete || !ended.keepAlive || draining {
      closeAfterOutput = true
      input.removeAll()
      inputStart = 0
    }
    responder.record(
      method: ended.method, path: ended.path, routeName: ended.routeName, status: ended.status,
      bytes: ended.bodyBytesSent, startedAt: ended.startedAt, metrics: metrics, complete: complete,
      client: ended.client)
  }

  /// The connection is closed: a producer still at work is told (its next write throws).
  func connectionClosed() {
    producerToStart = nil
    guard let cut = stream else { return }
    stream = nil
    responder.metrics.streamsActive.subtract(1, ordering: .relaxed)
    responder.metrics.streamsCancelled.add(1, ordering: .relaxed)
    cut.channel.cancel()
    responder.record(
      method: cut.method, path: cut.path, routeName: cut.routeName, status: cut.status,
      bytes: cut.bodyBytesSent, startedAt: cut.startedAt, metrics: metrics, complete: false,
      client: cut.client)
  }
}
