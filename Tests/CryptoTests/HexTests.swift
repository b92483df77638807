import Testing

@testable import Crypto

@Suite struct HexTests {
  @Test func encodesLowercase() {
    #expect(Hex.encode([0x00, 0x0f, 0xa5, 0xff]) == "000fa5ff")
  }

  @Test func decodesEitherCaseAndRoundTrips() {
    #expect(Hex.decode("000FA5ff") == [0x00, 0x0f, 0xa5, 0xff])
    let bytes = (0...255).map { UInt8($0) }
    #expect(Hex.decode(Hex.encode(bytes)) == bytes)
  }

  @Test func rejectsOddLengthAndNonHex() {
    #expect(Hex.decode("abc") == nil)
    #expect(Hex.decode("zz") == nil)
    #expect(Hex.decode("") == [])
  }
}
