import Academy
import Foundation
import GIFT
import HTTPServer
import Testing

@testable import Web

// The three single requests that ended `relais serve` (issue 15), each now an ordinary answer.

@Test func acceptLanguageOfSeparatorsOnlyIsIgnored() throws {
  let h = try AppHarness()
  defer { h.close() }
  for header in [";", ",", ";;", " ; , ;", "fr;", ";q=1", "=", ";fr"] {
    let r = h.visitor().get("/", headers: [("Accept-Language", header)]).status
    #expect(r == 200, "Accept-Language: \(header)")
  }
  // A readable q still chooses; an unreadable one counts as "not wanted".
  let fr = h.visitor().get("/", headers: [("Accept-Language", "en;q=0.2, fr;q=0.9")])
  #expect(fr.text.contains("lang=\"fr\""))
  let nan = h.visitor().get("/", headers: [("Accept-Language", "fr;q=nan, en;q=0.1")])
  #expect(nan.text.contains("lang=\"en\""))
}

@Test func statisticsDatesBeyondAnyCalendarAreIgnored() throws {
  let h = try AppHarness()
  defer { h.close() }
  let trainer = try h.visitor(.trainer)
  for q in [
    "from=300000000000-01-01", "to=300000000000-01-01", "from=-300000000000-01-01",
    "from=9223372036854775807-12-31", "from=0000-01-01&to=0000-00-00", "to=2026-02-31",
  ] {
    let page = trainer.get("/teach/modules/fact-checking/statistics?\(q)")
    #expect(page.status == 200, "\(q)")
    let csv = trainer.get("/teach/modules/fact-checking/statistics.csv?\(q)")
    #expect(csv.status == 200, "\(q)")
  }
}

@Test func aNumericalAnswerOfNaNIsNoAnswer() throws {
  let h = try AppHarness(files: AppHarness.everyQuestionKind)
  defer { h.close() }
  for typed in ["nan", "NaN", "inf", "-infinity", "1e309", "0x1p3", "1e99999"] {
    let learner = try h.visitor(.learner)
    let form = learner.get("/modules/kinds/quiz")
    #expect(form.status == 200)
    let attempt = try #require(form.text.firstMatch(of: /name="attempt" value="([^"]+)"/)?.1)
    let sent = learner.post(
      "/modules/kinds/quiz", pairs: [("attempt", String(attempt)), ("q.k-num", typed)])
    #expect(sent.status == 303, "\(typed)")
    #expect(learner.get("/attempts/\(attempt)").status == 200)
    let stored = try #require(try h.academy.attemptResult(attemptID: String(attempt)))
    let num = stored.answers.first { $0.question.id == "k-num" }
    #expect(num?.response == Response.none, "\(typed) is stored as no answer")
  }
}

// MARK: The one number parser and the one date parser

@Test func decimalsAreFiniteBoundedAndPlain() {
  #expect(Numbers.decimal("42") == 42)
  #expect(Numbers.decimal(" 3,5 ") == 3.5)
  #expect(Numbers.decimal("1 000.25") == 1000.25)
  #expect(Numbers.decimal("-2e3") == -2000)
  for bad in [
    "", " ", "nan", "NaN", "inf", "-inf", "infinity", "1e309", "-1e309", "0x10", "1_000", "١٢",
    "1.2.3", "--1", "e", ".", "12abc", String(repeating: "9", count: 10_000), "\u{0}1",
  ] {
    #expect(Numbers.decimal(bad) == nil, "\(bad.prefix(20))")
  }
  #expect(Numbers.decimal("101", in: 0...100) == nil)
  #expect(Numbers.decimal("100", in: 0...100) == 100)
  #expect(Numbers.decimal(nil) == nil)
}

@Test func integersAreDigitsInRange() {
  #expect(Numbers.integer("7", in: 0...10) == 7)
  #expect(Numbers.integer("-3", in: -5...5) == -3)
  for bad in ["", "-", "+1", " 1", "1.0", "1e3", "99999999999999999999999", "0x1", "１"] {
    #expect(Numbers.integer(bad, in: Int.min...Int.max) == nil, "\(bad)")
  }
  #expect(Numbers.integer("11", in: 0...10) == nil)
}

@Test func daysAreRealDaysInBoundedYears() {
  #expect(Dates.parseDayStart("1970-01-01") == 0)
  #expect(Dates.parseDayStart("2026-03-01") == 1_772_323_200)
  #expect(Dates.parseDay("2026-03-01") == Int64(1_772_409_599))
  #expect(Dates.parseDayStart("2024-02-29") != nil)
  for bad in [
    "300000000000-01-01", "0000-01-01", "2201-01-01", "1969-12-31", "2026-02-30", "2026-04-31",
    "2026-13-01", "2026-00-10", "2026-1-1-1", "+2026-01-01", "2026-+1-01", "2026--01", "",
    "2026-01-01T00:00", "９９９９-01-01", "-2026-01-01",
  ] {
    #expect(Dates.parseDayStart(bad) == nil, "\(bad)")
  }
}
