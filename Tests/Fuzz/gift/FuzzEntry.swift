// libFuzzer entry for the GIFT parser, compiled together with Sources/GIFT/*.swift by
// run.sh. Beyond "no crash", it checks what must hold for every input:
// - every error has a line and column inside the file;
// - the questions read back the same after GIFT.write (the round trip);
// - grades stay within 0…1 for any response; JSON is produced.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
  let result = GIFT.parse(text, path: "fuzz.gift")
  let lineCount = text.utf8.split(omittingEmptySubsequences: false) { $0 == 10 || $0 == 13 }.count
  for e in result.errors {
    precondition(e.line >= 1 && e.line <= lineCount + 1 && e.column >= 1, "bad place \(e)")
  }
  let written = GIFT.write(result.questions, settings: result.settings)
  let again = GIFT.parse(written, path: "written.gift")
  precondition(again.errors.isEmpty, "written file has errors: \(again.errors)\n\(written)")
  precondition(again.settings == result.settings, "settings changed")
  precondition(again.questions.count == result.questions.count, "count changed\n\(written)")
  for (a, b) in zip(result.questions, again.questions) {
    var b = b
    b.line = a.line
    // Generated ids count the questions that failed too; those are gone after writing.
    if !a.hasExplicitID && !result.errors.isEmpty { b.id = a.id }
    precondition(a == b, "round trip changed\n\(a)\n\(b)\n\(written)")
  }
  for q in result.questions {
    for r in responses(for: q) {
      let g = GIFT.grade(q, r)
      precondition(g.fraction >= 0 && g.fraction <= 1, "grade out of range \(g)")
    }
  }
  _ = GIFT.json(result.questions)
  return 0
}

func responses(for q: Question) -> [Response] {
  var out: [Response] = [.none, .choice(0), .choices([0, 1, 2]), .trueFalse(true), .number(3)]
  switch q.kind {
  case .shortAnswer(let answers):
    out += answers.map { .text($0.text) }
  case .matching(let pairs):
    out.append(.matches(Dictionary(pairs.indices.map { ($0, pairs[$0].match) }) { a, _ in a }))
  default:
    out.append(.text(q.text))
  }
  return out
}
