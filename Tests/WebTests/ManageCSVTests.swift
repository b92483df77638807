import Catalog
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

  @Test func scoresAndCountsReadAsSwiftPrintsThem() throws {
    var values: [Double] = (0...2_000).map { Double($0) / 1_999 }
    values += [0, 1, 0.5, 0.75, 0.0005, 0.9995, 12.3456, 100, -0.25, -3, 123_456.789]
    for d in values {
      var csv = CSV(header: ["x"])
      csv.number(d)
      try csv.endRow()
      let written = String(decoding: csv.bytes, as: UTF8.self).split(separator: "\r\n").last
      #expect(written.map(String.init) == String((d * 1000).rounded() / 1000), "\(d)")
    }
    var csv = CSV(header: ["n"])
    for n in [0, 7, 10, 99, 1_000, -42, Int.max] {
      csv.cell(n)
      try csv.endRow()
    }
    #expect(
      String(decoding: csv.bytes, as: UTF8.self)
        == "n\r\n0\r\n7\r\n10\r\n99\r\n1000\r\n-42\r\n\(Int.max)\r\n")
  }

  @Test func datesAreISOInUTC() {
    #expect(Dates.day(0) == "1970-01-01")
    #expect(Dates.instant(1_790_000_000) == "2026-09-21T14:13:20Z")
    #expect(Dates.parseDay("2026-09-21") == 1_790_035_199)
    #expect(Dates.parseDay("2026-13-01") == nil)
    #expect(Dates.parseDay("soon") == nil)
  }

  @Test func bulkInviteLinesGiveNameAndLanguage() {
    let people = InvitePages.parse(
      "Amina, fr\n\n  Jean Dupont  \nSmith, John, en\nX, de\n",
      offered: { $0 != Language(rawValue: "de") })
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
