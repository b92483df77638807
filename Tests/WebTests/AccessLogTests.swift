import HTTPServer
import Testing

@testable import Web

@Test func accessLogLineIsStructured() {
  let line = App.accessLogLine(
    AccessLogEntry(
      method: "GET", path: "/modules/x", route: "/modules/:m", status: 200, bytes: 12,
      microseconds: 34))
  #expect(line == "method=GET path=/modules/x route=/modules/:m status=200 bytes=12 us=34")
}

@Test func accessLogNeverHoldsTokensOrCodes() {
  for (path, route) in [
    ("/join/SECRETTOKEN", "/join/:token"), ("/signin/link/SECRETTOKEN", "/signin/link/:token"),
    ("/certificates/RLX-SECR-ET00", "/certificates/:code"),
  ] {
    let line = App.accessLogLine(
      AccessLogEntry(
        method: "POST", path: path, route: route, status: 303, bytes: 0, microseconds: 1))
    #expect(!line.contains("SECRET") && !line.contains("SECR-ET00"), "\(line)")
  }
}
