import Testing

@testable import PDF

@Suite struct WinAnsiTests {
  @Test func mapsFrenchLettersToTheirLatin1Codes() {
    #expect(
      WinAnsi.encode("éèàçôêëïîùûÉÀÇ") == [
        0xE9, 0xE8, 0xE0, 0xE7, 0xF4, 0xEA, 0xEB, 0xEF, 0xEE, 0xF9, 0xFB, 0xC9, 0xC0, 0xC7,
      ])
    #expect(WinAnsi.encode("«»") == [0xAB, 0xBB])
  }

  @Test func mapsTheWindowsOnlyCharacters() {
    #expect(WinAnsi.encode("€") == [0x80])
    #expect(WinAnsi.encode("œŒ") == [0x9C, 0x8C])
    #expect(WinAnsi.encode("’‘“”") == [0x92, 0x91, 0x93, 0x94])
    #expect(WinAnsi.encode("–—…•") == [0x96, 0x97, 0x85, 0x95])
    #expect(WinAnsi.encode("Ÿ") == [0x9F])
  }

  @Test func keepsPlainASCII() {
    #expect(WinAnsi.encode("Hello, world! (1+1=2)") == Array("Hello, world! (1+1=2)".utf8))
  }

  @Test func decomposedAccentsFindTheirPrecomposedCode() {
    #expect(WinAnsi.encode("e\u{301}") == [0xE9])
  }

  @Test func frenchSpacesBecomeNoBreakSpaces() {
    #expect(WinAnsi.encode("«\u{202F}oui\u{202F}»") == [0xAB, 0xA0, 0x6F, 0x75, 0x69, 0xA0, 0xBB])
  }

  @Test func replacesWhatTheEncodingLacks() {
    #expect(WinAnsi.encode("a😀bł") == [0x61, 0x3F, 0x62, 0x3F])
    #expect(WinAnsi.encode("a\nb") == [0x61, 0x20, 0x62])
    #expect(WinAnsi.encode("cer\u{AD}tificat") == Array("certificat".utf8))
  }
}
