import Testing

@testable import PDF

@Suite struct PDFValueTests {
  @Test func numbersHaveNoExponentAndAtMostThreeDecimals() {
    #expect(PDFNumber.format(842) == "842")
    #expect(PDFNumber.format(1.5) == "1.5")
    #expect(PDFNumber.format(0.05) == "0.05")
    #expect(PDFNumber.format(-2.25) == "-2.25")
    #expect(PDFNumber.format(1.0 / 3) == "0.333")
    #expect(PDFNumber.format(0.000_000_1) == "0")
    #expect(PDFNumber.format(.nan) == "0")
  }

  @Test func datesAreWrittenInUTC() {
    #expect(PDFDate(secondsSince1970: 0).pdfString == "D:19700101000000Z")
    #expect(PDFDate(secondsSince1970: 1_795_464_922).pdfString == "D:20261123201522Z")
    #expect(PDFDate(secondsSince1970: 951_868_799).pdfString == "D:20000229235959Z")
    #expect(PDFDate(secondsSince1970: -1).pdfString == "D:19691231235959Z")
  }

  @Test func coloursComeFromHexAndAreClamped() {
    #expect(PDFColor(hex: 0xFF8000) == PDFColor(red: 1, green: 128.0 / 255, blue: 0))
    #expect(PDFColor(red: 2, green: -1, blue: 0.5).operands == "1 0 0.5")
  }

  @Test func infoStringsEscapeASCIIAndUseUTF16Otherwise() {
    #expect(PDFText.string("a (b) \\") == "(a \\(b\\) \\\\)")
    #expect(PDFText.string("é") == "<FEFF00E9>")
  }
}
