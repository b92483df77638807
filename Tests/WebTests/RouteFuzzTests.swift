import Foundation
import Testing

// The route fuzzer (issue 15): every route, every role and signed out, hostile values in
// every slot a request has. Bounded here; for a long run:
//   RELAIS_FUZZ_REQUESTS=1000000 RELAIS_FUZZ_SEED=7 swift test --filter everyRouteSurvives
// (the same seed replays the same requests; RELAIS_FUZZ_TRACE=1 prints each one).

@Test func everyRouteSurvivesHostileInput() throws {
  let env = ProcessInfo.processInfo.environment
  let seed = env["RELAIS_FUZZ_SEED"].flatMap { UInt64($0) } ?? 15
  let target = env["RELAIS_FUZZ_REQUESTS"].flatMap { Int($0) } ?? 0
  let h = try AppHarness(files: AppHarness.everyQuestionKind)
  defer { h.close() }
  let fuzzer = RouteFuzzer(h, seed: seed, perSlot: 3)
  try fuzzer.crawl(seeds: try fuzzer.prepare())
  let started = Date()
  try fuzzer.fuzzAll()
  while fuzzer.requests < target {
    fuzzer.perSlot = 8
    try fuzzer.fuzzAll()
    if fuzzer.requests / 50_000 != (fuzzer.requests - 1) / 50_000 || fuzzer.requests >= target {
      print("route fuzzer: \(fuzzer.requests) requests, \(fuzzer.findings.count) findings")
    }
  }
  print(
    "route fuzzer: \(fuzzer.requests) requests in \(Int(Date().timeIntervalSince(started))) s, "
      + "\(fuzzer.findings.count) findings, by status class \(fuzzer.statusClasses.sorted { $0.key < $1.key }), slowest \(fuzzer.slowest.seconds) s: \(fuzzer.slowest.request)"
  )
  // The crawl must reach every parameterised route, or its parameters go unfuzzed.
  let unreached = fuzzer.routes.indices.filter {
    fuzzer.routes[$0].pattern.contains(":") && fuzzer.examples[$0] == nil
  }.map { "\(fuzzer.routes[$0].method) \(fuzzer.routes[$0].pattern)" }
  #expect(unreached.isEmpty, "no real example for: \(unreached)")
  // And every POST route's form, so its fields are fuzzed as the page names them.
  // (Cancelling a deletion is offered only once one is requested; its form is the token.)
  let formless = fuzzer.routes.indices.filter {
    fuzzer.routes[$0].method == "POST" && fuzzer.forms[$0] == nil
  }.map { fuzzer.routes[$0].pattern }.filter { $0 != "/me/delete/cancel" }
  #expect(formless.isEmpty, "no form found for: \(formless)")
  #expect(fuzzer.requests > 2_000)
  let shown = fuzzer.findings.prefix(30).map(\.description).joined(separator: "\n")
  #expect(fuzzer.findings.isEmpty, "\(fuzzer.findings.count) findings:\n\(shown)")
}

@Test func theHTMLCheckFindsWhatEscapingFailuresLeave() {
  func ok(_ s: String) -> Bool { HTMLCheck.problem(Array(s.utf8)) == nil }
  #expect(ok("<!doctype html><html><body><p>a &lt; b</p><br><img src=\"x\"></body></html>"))
  #expect(ok("<div><script>if (a < b) {}</script><textarea><b></textarea></div>"))
  #expect(!ok("<div><p>x</div></p>"))
  #expect(!ok("<div>a < b</div>"))
  #expect(!ok("<div title=\"x\"><b>unclosed</div>"))
  #expect(!ok("<div>"))
  #expect(!ok("<input value=\"x\"><b"))
}
