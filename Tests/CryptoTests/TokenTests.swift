import Testing

@testable import Crypto

@Suite struct TokenTests {
  @Test func thirtyTwoRandomBytesMake43UrlSafeCharacters() {
    let token = Token.random()
    #expect(token.count == 43)
    #expect(Base64URL.decode(token)?.count == 32)
  }

  @Test func honoursTheByteCount() {
    #expect(Base64URL.decode(Token.random(byteCount: 5))?.count == 5)
    #expect(Token.random(byteCount: 0) == "")
  }

  @Test func tokensDoNotRepeat() {
    let tokens = Set((0..<200).map { _ in Token.random() })
    #expect(tokens.count == 200)
  }

  @Test func tokensAcrossManyPoolRefillsNeverRepeatAndAreFair() {
    // 2,000 tokens of 32 bytes draw the 4 KB pool empty about sixteen times.
    let tokens = (0..<2_000).map { _ in randomBytes(count: 32) }
    #expect(Set(tokens).count == tokens.count)
    let ones = tokens.joined().reduce(0) { $0 + $1.nonzeroBitCount }
    #expect((252_000...260_000).contains(ones))  // 512,000 bits, about half set
    #expect(randomBytes(count: 0).isEmpty)
    #expect(randomBytes(count: 1).count == 1)
  }

  @Test func randomBytesAreNotConstant() {
    // 4,096 bytes with every bit stuck would show here; a fair source sets about half.
    let ones = randomBytes(count: 4096).reduce(0) { $0 + $1.nonzeroBitCount }
    #expect((15_000...17_800).contains(ones))
  }

  @Test func digestIsTheHexSHA256OfTheToken() {
    #expect(
      Token.digest("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
  }

  @Test func constantTimeEqualComparesContentAndLength() {
    #expect(constantTimeEqual([1, 2, 3], [1, 2, 3]))
    #expect(!constantTimeEqual([1, 2, 3], [1, 2, 4]))
    #expect(!constantTimeEqual([0, 2, 3], [1, 2, 3]))
    #expect(!constantTimeEqual([1, 2], [1, 2, 3]))
    #expect(constantTimeEqual([], []))
    #expect(constantTimeEqual("tok", "tok"))
    #expect(!constantTimeEqual("tok", "toK"))
  }
}
