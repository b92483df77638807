@testable import GIFT

/// The only question of `text`, failing the test's expectations with nil on errors.
func parseOne(_ text: String) -> Question? {
  let r = GIFT.parse(text, path: "t.gift")
  guard r.errors.isEmpty, r.questions.count == 1 else { return nil }
  return r.questions[0]
}

/// The errors of `text` as `line:column: message`.
func errorsOf(_ text: String) -> [String] {
  GIFT.parse(text, path: "t.gift").errors.map { "\($0.line):\($0.column): \($0.message)" }
}

func answersOf(_ q: Question?) -> [Answer] {
  switch q?.kind {
  case .multipleChoice(let a, _): return a
  case .shortAnswer(let a): return a
  default: return []
  }
}
