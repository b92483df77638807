/// One parsed HTTP/1.1 request, as a value. The server fills it; handlers read it.
public struct HTTPRequest: Sendable {
  /// Upper-case method token as sent (`GET`, `POST`, …).
  public var method: String
  /// The path, percent-decoded, without the query (`/modules/fact-checking`).
  public var path: String
  /// The raw query string after `?`, not decoded (empty when absent).
  public var rawQuery: String
  public var headers: HTTPHeaders
  public var body: [UInt8]
  /// Parameters captured by the route pattern (`:m` → `parameters["m"]`).
  public var parameters: [String: String]
  /// The client's address, for rate limiting: the peer's, or the one trusted proxies
  /// forwarded (`ServerConfiguration.trustedProxies`).
  public var remoteAddress: String
  /// The address of the socket's other end (the proxy, behind one).
  public var peerAddress: String

  public init(
    method: String, path: String, rawQuery: String = "", headers: HTTPHeaders = HTTPHeaders(),
    body: [UInt8] = [], parameters: [String: String] = [:], remoteAddress: String = "",
    peerAddress: String? = nil
  ) {
    self.method = method
    self.path = path
    self.rawQuery = rawQuery
    self.headers = headers
    self.body = body
    self.parameters = parameters
    self.remoteAddress = remoteAddress
    self.peerAddress = peerAddress ?? remoteAddress
  }
}
