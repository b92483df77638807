import Testing

@testable import Crypto

@Suite struct PassphraseTests {
  // A low count keeps the tests quick; the format and the check don't depend on it.
  let iterations = 1_000

  @Test func storedStringDescribesSchemeIterationsSaltAndHash() throws {
    let stored = Passphrase.hash("correct horse battery", iterations: iterations)
    let parts = stored.split(separator: "$").map(String.init)
    try #require(parts.count == 4)
    #expect(parts[0] == "pbkdf2-sha256")
    #expect(parts[1] == "1000")
    #expect(Base64URL.decode(parts[2])?.count == 16)
    let salt = try #require(Base64URL.decode(parts[2]))
    let expected = PBKDF2.sha256(
      password: "correct horse battery", salt: salt, iterations: 1000, keyLength: 32)
    #expect(Base64URL.decode(parts[3]) == expected)
  }

  @Test func verifiesTheRightPassphraseOnly() {
    let stored = Passphrase.hash("correct horse battery", iterations: iterations)
    #expect(Passphrase.verify("correct horse battery", stored: stored))
    #expect(!Passphrase.verify("correct horse batterY", stored: stored))
    #expect(!Passphrase.verify("", stored: stored))
  }

  @Test func eachHashGetsItsOwnSalt() {
    let a = Passphrase.hash("correct horse battery", iterations: iterations)
    let b = Passphrase.hash("correct horse battery", iterations: iterations)
    #expect(a != b)
  }

  @Test func verifiesAStringMadeElsewhere() {
    // Made with Python: base64url(hashlib.pbkdf2_hmac("sha256", "mot de passe été".encode(),
    // bytes(range(16)), 2)); checks the UTF-8 password and the stored layout independently.
    let stored =
      "pbkdf2-sha256$2$AAECAwQFBgcICQoLDA0ODw$lLFsW0eD1v3pYADHEhmMnqakEN9VDIpfWDBWIqq3h3Q"
    #expect(Passphrase.verify("mot de passe été", stored: stored))
    #expect(!Passphrase.verify("mot de passe ete", stored: stored))
  }

  @Test func malformedStoredStringsNeverVerify() {
    let good = Passphrase.hash("correct horse battery", iterations: 10)
    let parts = good.split(separator: "$").map(String.init)
    let bad = [
      "", "pbkdf2-sha256", "bcrypt$10$\(parts[2])$\(parts[3])",
      "pbkdf2-sha256$0$\(parts[2])$\(parts[3])",
      "pbkdf2-sha256$-5$\(parts[2])$\(parts[3])",
      "pbkdf2-sha256$99999999999$\(parts[2])$\(parts[3])",
      "pbkdf2-sha256$10$$\(parts[3])",
      "pbkdf2-sha256$10$\(parts[2])$\(parts[3].dropLast(2))",
      "pbkdf2-sha256$10$\(parts[2])$\(parts[3])$extra",
    ]
    for stored in bad {
      #expect(!Passphrase.verify("correct horse battery", stored: stored), "\(stored)")
    }
    #expect(Passphrase.verify("correct horse battery", stored: good))
  }

  @Test func rejectsPassphrasesShorterThanTwelveCharacters() {
    #expect(Passphrase.validate("short") == "passphrase.tooShort")
    #expect(Passphrase.validate("elevenchars") == "passphrase.tooShort")
    #expect(Passphrase.validate("twelve chars") == nil)
    // Twelve characters a person sees, though more bytes.
    #expect(Passphrase.validate("éééééééééééé") == nil)
  }

  @Test func asksForRehashWhenIterationsWereLower() {
    let stored = Passphrase.hash("correct horse battery", iterations: iterations)
    #expect(Passphrase.needsRehash(stored, iterations: 2_000))
    #expect(!Passphrase.needsRehash(stored, iterations: 1_000))
    #expect(Passphrase.needsRehash("garbage"))
  }

  @Test func defaultIterationsFollowOWASP() {
    #expect(Passphrase.defaultIterations == 210_000)
  }
}
