import Foundation
import Testing

@testable import GIFT

/// The fuzzer's oracle (Tests/Fuzz/gift/FuzzEntry.swift) as a function: nil when it holds.
func oracleProblem(_ text: String) -> String? {
  let result = GIFT.parse(text, path: "fuzz.gift")
  for e in result.errors where e.line < 1 || e.column < 1 { return "bad place \(e)" }
  let written = GIFT.write(result.questions, settings: result.settings)
  let again = GIFT.parse(written, path: "written.gift")
  if !again.errors.isEmpty { return "written file has errors: \(again.errors)" }
  if again.settings != result.settings { return "settings changed" }
  if again.questions.count != result.questions.count { return "count changed" }
  for (a, b) in zip(result.questions, again.questions) {
    var b = b
    b.line = a.line
    if !a.hasExplicitID && !result.errors.isEmpty { b.id = a.id }
    if a != b { return "round trip changed\n\(a)\n\(b)" }
  }
  return nil
}

/// Inputs that once broke the fuzzer's checks, kept in Tests/Fuzz/gift/crashes/.
@Test func fuzzCrashesStayFixed() throws {
  let dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("../Fuzz/gift/crashes").standardized
  let files = try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted()
  #expect(!files.isEmpty)
  for f in files {
    let data = try Data(contentsOf: dir.appendingPathComponent(f))
    let problem = oracleProblem(String(decoding: data, as: UTF8.self))
    #expect(problem == nil, "\(f): \(problem ?? "")")
  }
}

@Test func generatedIDsCountQuestionsWithErrors() {
  let r = GIFT.parse("A {~a ~b}\n\nB {T}")
  #expect(r.questions.map(\.id) == ["q2"])
}

@Test func escapedBlankBlockDoesNotShiftGeneratedIDs() {
  #expect(GIFT.parse("\\n\n\nQ {T}").questions.map(\.id) == ["q1"])
}

@Test func roundTripOfSingleShortAnswerWithArrowInFeedback() {
  #expect(oracleProblem("Q {north#go->south}") == nil)
  #expect(oracleProblem("\u{FEFF}\u{FEFF}x") == nil)
}

@Test func weightLikeTextsRoundTrip() {
  #expect(oracleProblem("Q {%x} {#a -> b}") == nil)
  #expect(oracleProblem("Q {%5%%7%x#a->b}") == nil)
  #expect(oracleProblem("Q {=a ~%0%%5%b}") == nil)
  #expect(oracleProblem("Q {=%100%%5%b =c}") == nil)
  #expect(Writer.looksWeighted("%5%x"))
  #expect(Writer.looksWeighted("%-12.5%"))
  #expect(!Writer.looksWeighted("%x%"))
  #expect(Writer.looksWeighted("%123%"))
  #expect(!Writer.looksWeighted("%123.4%"))
}
