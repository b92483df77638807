import Testing

@testable import Crypto

@Suite struct SHA256Tests {
  // FIPS 180-4 examples (NIST "SHA256.pdf" / "SHA2_Additional.pdf").
  @Test func hashesTheThreeLetterMessageABC() {
    #expect(
      Hex.encode(SHA256.hash("abc"))
        == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
  }

  @Test func hashesTheEmptyMessage() {
    #expect(
      Hex.encode(SHA256.hash([]))
        == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
  }

  @Test func hashesThe448BitMessageThatNeedsAnExtraPaddingBlock() {
    #expect(
      Hex.encode(SHA256.hash("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"))
        == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
  }

  @Test func hashesOneMillionLetterA() {
    var hasher = SHA256()
    let chunk = [UInt8](repeating: UInt8(ascii: "a"), count: 1000)
    for _ in 0..<1000 { hasher.update(chunk) }
    #expect(
      Hex.encode(hasher.finalize())
        == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
  }

  @Test func incrementalHashingMatchesOneShotAtEverySplitPoint() {
    let message = Array((0..<200).map { UInt8(truncatingIfNeeded: $0 &* 7) })
    let expected = SHA256.hash(message)
    for split in [0, 1, 55, 56, 63, 64, 65, 127, 128, 199, 200] {
      var hasher = SHA256()
      hasher.update(Array(message[..<split]))
      hasher.update(Array(message[split...]))
      #expect(hasher.finalize() == expected, "split at \(split)")
    }
  }

  @Test func finalizeLeavesTheHasherUsable() {
    var hasher = SHA256()
    hasher.update("ab")
    _ = hasher.finalize()
    hasher.update("c")
    #expect(hasher.finalize() == SHA256.hash("abc"))
  }

  @Test func paddingBoundariesMatchKnownDigests() {
    // 55 bytes fit one block with the length; 56 need a second block.
    #expect(
      Hex.encode(SHA256.hash(String(repeating: "a", count: 55)))
        == "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318")
    #expect(
      Hex.encode(SHA256.hash(String(repeating: "a", count: 56)))
        == "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a")
  }
}
