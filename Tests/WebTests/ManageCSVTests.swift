import Testing

@testable import Web

@Suite struct ManageCSVTests {
  @Test func formulaLikeCellsArePrefixedSoSpreadsheetsKeepThemAsText() {
    #expect(CSV.cell("=HYPERLINK(\"http://x\")") == "\"'=HYPERLINK(\"\"http://x\"\")\"")
    #expect(CSV.cell("+1") == "'+1")
    #expect(CSV.cell("-2+3") == "'-2+3")
    #expect(CSV.cell("@SUM(A1)") == "'@SUM(A1)")
    #expect(CSV.cell("\tx") == "'\tx")
    #expect(CSV.cell("\r=1") == "\"'\r=1\"")
    #expect(CSV.cell("a=b") == "a=b")
  }

  @Test func cellsAreQuotedAsRFC4180Says() throws {
    #expect(CSV.cell("plain") == "plain")
    #expect(CSV.cell("a,b") == "\"a,b\"")
    #expect(CSV.cell("say \"hi\"") == "\"say \"\"hi\"\"\"")
    #expect(CSV.cell("two\nlines") == "\"two\nlines\"")
    #expect(CSV.cell("Amina Ndiaye é") == "Amina Ndiaye é")
    #expect(try CSV.document(header: ["a", "b"], rows: [["1", "x,y"]]) == "a,b\r\n1,\"x,y\"\r\n")
  }

  @Test func datesAreISOInUTC() {
    #expect(Dates.day(0) == "1970-01-01")
    #expect(Dates.instant(1_790_000_000) == "2026-09-21T14:13:20Z")
    #expect(Dates.parseDay("2026-09-21") == 1_790_035_199)
    #expect(Dates.parseDay("2026-13-01") == nil)
    #expect(Dates.parseDay("soon") == nil)
  }

  @Test func bulkInviteLinesGiveNameAndLanguage() {
    let people = InvitePages.parse("Amina, fr\n\n  Jean Dupont  \nSmith, John, en\nX, de\n")
    #expect(people.map(\.name) == ["Amina", "Jean Dupont", "Smith, John", "X, de"])
    #expect(people.map(\.locale.rawValue) == ["fr", "en", "en", "en"])
  }

  @Test func xapiStatementIdsAreStableUUIDs() {
    let a = XAPI.uuid("attempt-1passed")
    #expect(a == XAPI.uuid("attempt-1passed"))
    #expect(a != XAPI.uuid("attempt-2passed"))
    #expect(a.count == 36 && a[a.index(a.startIndex, offsetBy: 14)] == "5")
    #expect(XAPI.quote("a\"b\\c\n") == "\"a\\\"b\\\\c\\n\"")
  }
}
