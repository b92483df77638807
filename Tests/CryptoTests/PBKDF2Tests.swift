import Testing

@testable import Crypto

/// RFC 7914 §11, the two PBKDF2-HMAC-SHA256 vectors.
@Suite struct PBKDF2Tests {
  @Test func rfc7914VectorWithOneIteration() {
    let key = PBKDF2.sha256(
      password: "passwd", salt: Array("salt".utf8), iterations: 1, keyLength: 64)
    #expect(
      Hex.encode(key)
        == "55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc"
        + "49ca9cccf179b645991664b39d77ef317c71b845b1e30bd509112041d3a19783")
  }

  @Test func rfc7914VectorWith80000Iterations() {
    let key = PBKDF2.sha256(
      password: "Password", salt: Array("NaCl".utf8), iterations: 80_000, keyLength: 64)
    #expect(
      Hex.encode(key)
        == "4ddcd8f60b98be21830cee5ef22701f9641a4418d04c0414aeff08876b34ab56"
        + "a1d425a1225833549adb841b51c9b3176a272bdebba1d078478f62b397f33c8d")
  }

  @Test func truncatesToTheRequestedLengthAcrossBlocks() {
    let long = PBKDF2.sha256(password: "pw", salt: [1, 2, 3], iterations: 3, keyLength: 40)
    let short = PBKDF2.sha256(password: "pw", salt: [1, 2, 3], iterations: 3, keyLength: 20)
    #expect(long.count == 40)
    #expect(Array(long.prefix(20)) == short)
  }

  @Test func fastLoopAgreesWithPlainHMACIteration() {
    // U_1 = HMAC(P, S || 1), U_j = HMAC(P, U_{j-1}); T = U_1 ⊕ … ⊕ U_c.
    let password = Array("correct horse".utf8)
    var u = HMAC.sha256(key: password, message: Array("pepper".utf8) + [0, 0, 0, 1])
    var total = u
    for _ in 2...5 {
      u = HMAC.sha256(key: password, message: u)
      total = zip(total, u).map { $0 ^ $1 }
    }
    let derived = PBKDF2.sha256(
      password: password, salt: Array("pepper".utf8), iterations: 5, keyLength: 32)
    #expect(derived == total)
  }
}
