import HTTPServer

/// Page results: a response, built by the small constructors pages use.
public typealias HTTPResponseBox = HTTPResponse

extension HTTPResponse {
  static func page(_ html: HTML, status: Int = 200) -> HTTPResponse {
    var r = HTTPResponse.html(html.text, status: status)
    r.headers.set("Cache-Control", "no-store")
    return r
  }

  static func json(_ text: String, status: Int = 200) -> HTTPResponse {
    HTTPResponse(status: status, contentType: "application/json; charset=utf-8", body: text)
  }
}
