import Testing

@testable import HTTPServer

/// Inputs from the forms fuzz target (Tests/Fuzz/forms). Form bodies, query strings and
/// cookies are split on the bytes `&`, `;` and `=` as the standards say; Swift's `split` on
/// a String works on Characters, where `&` followed by a combining mark (U+0301) is one
/// Character and did not split.
@Suite struct FormsFuzzRegressionTests {
  @Test func ampersandBeforeACombiningMarkStillSeparatesFormFields() {
    let pairs = FormDecoding.pairs("a=1&\u{301}b=2")
    #expect(pairs.map(\.0) == ["a", "\u{301}b"])
    #expect(pairs.map(\.1) == ["1", "2"])
    let query = HTTPRequest(method: "GET", path: "/", rawQuery: "a=1&\u{301}b=2").queryItems
    #expect(query.count == 2)
  }

  @Test func equalsSignBeforeACombiningMarkStillSeparatesNameFromValue() {
    let pairs = FormDecoding.pairs("name=\u{301}value")
    #expect(pairs.count == 1)
    #expect(pairs.first?.0 == "name")
    #expect(pairs.first?.1 == "\u{301}value")
  }

  @Test func semicolonBeforeACombiningMarkStillSeparatesCookies() {
    var headers = HTTPHeaders()
    headers.add("Cookie", "a=1;\u{301}b=2; c=3")
    let cookies = HTTPRequest(method: "GET", path: "/", headers: headers).cookies
    #expect(cookies["a"] == "1")
    #expect(cookies["\u{301}b"] == "2")
    #expect(cookies["c"] == "3")
  }

  /// U+037E GREEK QUESTION MARK is canonically equivalent to `;`: a Character-based split
  /// treated it as a separator, so a cookie value holding it was cut in two.
  @Test func greekQuestionMarkIsNotACookieSeparator() {
    var headers = HTTPHeaders()
    headers.add("Cookie", "a=x\u{37E}b=2")
    let cookies = HTTPRequest(method: "GET", path: "/", headers: headers).cookies
    #expect(cookies["a"] == "x\u{37E}b=2")
    #expect(cookies.count == 1)
  }
}
