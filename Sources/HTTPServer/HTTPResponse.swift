/// A response as a value. The server adds `Date`, `Server`, `Content-Length` and framing.
public struct HTTPResponse: Sendable {
  public var status: Int
  public var headers: HTTPHeaders
  public var body: [UInt8]
  /// When set, the body is produced by this while it is sent (see `init(status:headers:stream:)`)
  /// and `body` is ignored.
  public var stream: ResponseProducer?

  public init(status: Int = 200, headers: HTTPHeaders = HTTPHeaders(), body: [UInt8] = []) {
    self.status = status
    self.headers = headers
    self.body = body
  }

  public init(status: Int = 200, contentType: String, body: String) {
    self.status = status
    self.headers = HTTPHeaders([("Content-Type", contentType)])
    self.body = Array(body.utf8)
  }

  public static func html(_ body: String, status: Int = 200) -> HTTPResponse {
    HTTPResponse(status: status, contentType: "text/html; charset=utf-8", body: body)
  }

  public static func text(_ body: String, status: Int = 200) -> HTTPResponse {
    HTTPResponse(status: status, contentType: "text/plain; charset=utf-8", body: body)
  }

  /// 303 See Other: the answer to a successful form POST.
  public static func redirect(to location: String, status: Int = 303) -> HTTPResponse {
    var h = HTTPHeaders()
    h.add("Location", location)
    return HTTPResponse(status: status, headers: h, body: [])
  }
}
