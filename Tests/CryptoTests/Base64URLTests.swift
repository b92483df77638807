import Testing

@testable import Crypto

@Suite struct Base64URLTests {
  // RFC 4648 §10 vectors, without the padding.
  @Test func encodesTheRFC4648VectorsWithoutPadding() {
    let expected = ["", "Zg", "Zm8", "Zm9v", "Zm9vYg", "Zm9vYmE", "Zm9vYmFy"]
    for (length, encoded) in expected.enumerated() {
      #expect(Base64URL.encode(Array("foobar".utf8.prefix(length))) == encoded)
      #expect(Base64URL.decode(encoded) == Array("foobar".utf8.prefix(length)))
    }
  }

  @Test func usesDashAndUnderscoreInsteadOfPlusAndSlash() {
    #expect(Base64URL.encode([0xfb, 0xff]) == "-_8")
    #expect(Base64URL.decode("-_8") == [0xfb, 0xff])
  }

  @Test func rejectsPaddingForeignCharactersAndImpossibleLengths() {
    #expect(Base64URL.decode("Zg==") == nil)
    #expect(Base64URL.decode("+/8") == nil)
    #expect(Base64URL.decode("Zm9vY") == nil)
  }

  @Test func rejectsNonCanonicalTrailingBits() {
    // "Zh" would decode to "f" too if the low bits were ignored.
    #expect(Base64URL.decode("Zh") == nil)
  }

  @Test func roundTripsEveryLengthUpTo70() {
    for length in 0...70 {
      let bytes = (0..<length).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 11) }
      #expect(Base64URL.decode(Base64URL.encode(bytes)) == bytes)
    }
  }
}
