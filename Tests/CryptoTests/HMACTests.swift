import Testing

@testable import Crypto

/// RFC 4231 §4, test cases 1–7 (HMAC-SHA-256 column).
@Suite struct HMACTests {
  @Test func case1ShortKeyHiThere() {
    let mac = HMAC.sha256(key: [UInt8](repeating: 0x0b, count: 20), message: Array("Hi There".utf8))
    #expect(Hex.encode(mac) == "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7")
  }

  @Test func case2KeyShorterThanOutput() {
    let mac = HMAC.sha256(key: "Jefe", message: "what do ya want for nothing?")
    #expect(Hex.encode(mac) == "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")
  }

  @Test func case3CombinedKeyAndDataLongerThan64Bytes() {
    let mac = HMAC.sha256(
      key: [UInt8](repeating: 0xaa, count: 20), message: [UInt8](repeating: 0xdd, count: 50))
    #expect(Hex.encode(mac) == "773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe")
  }

  @Test func case4KeyOfCountingBytes() {
    let mac = HMAC.sha256(
      key: (1...25).map { UInt8($0) }, message: [UInt8](repeating: 0xcd, count: 50))
    #expect(Hex.encode(mac) == "82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b")
  }

  @Test func case5TruncatedTo128Bits() {
    let mac = HMAC.sha256(
      key: [UInt8](repeating: 0x0c, count: 20), message: Array("Test With Truncation".utf8))
    #expect(Hex.encode(Array(mac.prefix(16))) == "a3b6167473100ee06e0c796c2955552b")
  }

  @Test func case6KeyLargerThanBlockIsHashedFirst() {
    let mac = HMAC.sha256(
      key: [UInt8](repeating: 0xaa, count: 131),
      message: Array("Test Using Larger Than Block-Size Key - Hash Key First".utf8))
    #expect(Hex.encode(mac) == "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54")
  }

  @Test func case7LargeKeyAndLargeData() {
    let message =
      "This is a test using a larger than block-size key and a larger than block-size data. "
      + "The key needs to be hashed before being used by the HMAC algorithm."
    let mac = HMAC.sha256(key: [UInt8](repeating: 0xaa, count: 131), message: Array(message.utf8))
    #expect(Hex.encode(mac) == "9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2")
  }
}
