/// One connection's HTTP state, with no I/O: bytes go in, response bytes come out. The event
/// loop (or a test) moves bytes; this decides what they mean. Confined to one thread.
final class ConnectionCore {
  let responder: Responder
  let remoteAddress: String
  private(set) var input: [UInt8] = []
  private var inputStart = 0
  private var parser = RequestParser()
  /// Bytes to send; `outputStart` of them are already sent.
  var output: [UInt8] = []
  var outputStart = 0
  /// Set once the connection must close when `output` is sent.
  private(set) var closeAfterOutput = false
  /// A handler runs elsewhere; parsing waits so responses leave in request order.
  private(set) var awaitingOffload = false
  /// Set by the server when shutting down: finish the current request, then close.
  var draining = false
  /// `process` stopped because output piled up; call it again once that is sent.
  private(set) var stoppedForOutput = false
  private var serializer: ResponseSerializer
  private var current: (head: RequestHead, decision: Responder.Decision, start: UInt64)?

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

  var hasPendingOutput: Bool { outputStart < output.count }
  /// Nothing of a request is in progress: safe to close when idle or draining.
  var isIdle: Bool {
    current == nil && !awaitingOffload && parser.isIdle && inputStart == input.count
      && !hasPendingOutput
  }
  /// A header section has started but not ended (for the header timeout).
  var isReadingHead: Bool { current == nil && !(parser.isIdle && inputStart == input.count) }
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
    outputStart += n
    if outputStart == output.count {
      output.removeAll(keepingCapacity: output.capacity <= 64 * 1024)
      outputStart = 0
    }
  }

  /// Parses and answers as many requests as the input holds. Returns a job when a handler
  /// must run off the loop; call `offloadFinished` with its response, then `process` again.
  func process() -> OffloadJob? {
    stoppedForOutput = false
    defer {
      stoppedForOutput =
        !closeAfterOutput && !awaitingOffload && output.count - outputStart >= Self.outputHighWater
    }
    while !closeAfterOutput && !awaitingOffload && output.count - outputStart < Self.outputHighWater
    {
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
          parser.bodyLimit = route.bodyLimit
          if head.expectContinue && head.hasBody {
            output.append(contentsOf: "HTTP/1.1 100 Continue\r\n\r\n".utf8)
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
            body: body, parameters: parameters, remoteAddress: remoteAddress)
          if route.offload {
            awaitingOffload = true
            return OffloadJob(route: route, request: request)
          }
          finish(responder.run(route, request), routeName: route.pattern, close: false)
        }
      }
    }
    return nil
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
    if closeAfterOutput || awaitingOffload { return }
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
    current = nil
    let responseWantsClose =
      response.headers["Connection"].map { HTTPSyntax.equalsIgnoringCase($0, "close") } ?? false
    let keepAlive = !close && !draining && head.keepAlive && !responseWantsClose
    let bytes = serializer.write(
      response, headOnly: head.method == "HEAD", keepAlive: keepAlive,
      http10: head.minorVersion == 0, into: &output)
    if !keepAlive {
      closeAfterOutput = true
      input.removeAll()
      inputStart = 0
    }
    if !head.method.isEmpty || close {
      responder.record(
        method: head.method.isEmpty ? "-" : head.method, path: head.path.isEmpty ? "-" : head.path,
        routeName: routeName, status: response.status, bytes: bytes, startedAt: start,
        metrics: metrics)
    }
  }
}
