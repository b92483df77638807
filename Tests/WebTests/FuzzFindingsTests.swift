import Foundation
import HTTPServer
import Testing

// Inputs the fuzzers found, each kept as the request that found it.

@Test func aLessonPreviewWithAnUnclosedTagIsWellFormed() throws {
  // Tests/Fuzz/app, 537,000th input: the preview's HTML had `<i>` closed by `</p>`.
  let h = try AppHarness()
  defer { h.close() }
  let trainer = try h.visitor(.trainer)
  var body = Array("csrf=\(trainer.csrf)&source=htt-CS//arle<i>/v".utf8)
  body += [0x80] + Array("/-01".utf8) + [7, 7, 7, 7, 7] + Array("unda".utf8) + [6]
  body += Array("4<4</".utf8) + [0x80] + Array("iv".utf8) + [2, 0x36, 0x9F, 1, 0, 0, 0, 0, 0, 0]
  body += Array("</".utf8) + [0x80] + Array("iv>/-01/".utf8) + [0x80] + Array("iv".utf8) + [2]
  body += Array("4</".utf8) + [0x80] + Array("iv/".utf8) + [0x80, 0x69, 0xFF, 0xFF, 0xFF, 0xFF]
  body += Array("h=x".utf8)
  let request = Visitor.request(
    "POST", "/teach/preview/fact-checking/01-why-verify.md",
    headers: [
      ("Origin", AppHarness.origin), ("Content-Type", "application/x-www-form-urlencoded"),
    ], body: body)
  let reply = trainer.send(request)
  #expect(reply.status == 200)
  #expect(HTMLCheck.problem(reply.body) == nil)
  #expect(reply.text.contains("<i>"))
}
