/// What the parser knows once a request's header section is complete.
struct RequestHead: Sendable {
  var method = ""
  var path = ""
  var rawQuery = ""
  /// 0 for HTTP/1.0, 1 for HTTP/1.1.
  var minorVersion = 1
  var headers = HTTPHeaders()
  var keepAlive = true
  var expectContinue = false
  var contentLength = 0
  var chunked = false

  var hasBody: Bool { chunked || contentLength > 0 }
}

/// A request the server must refuse; the connection closes after the answer because its
/// framing can no longer be trusted.
struct ParseError: Error, Equatable, Sendable {
  var status: Int
  var message: String
}

enum ParseEvent {
  /// Not enough bytes yet.
  case needMore
  /// The header section is complete. Set `bodyLimit` (and send `100 Continue` if asked),
  /// then parse again for the body.
  case head(RequestHead)
  /// The body is complete (empty when there was none); the parser is ready for the next
  /// request.
  case complete([UInt8])
  case error(ParseError)
}
