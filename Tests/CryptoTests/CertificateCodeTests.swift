import Testing

@testable import Crypto

@Suite struct CertificateCodeTests {
  @Test func randomCodesHaveTheRLXFormatAndNoConfusableCharacters() {
    for _ in 0..<100 {
      let code = CertificateCode.random()
      let parts = code.split(separator: "-")
      #expect(parts.count == 3)
      #expect(parts.first == "RLX")
      #expect(parts.dropFirst().allSatisfy { $0.count == 4 })
      #expect(!code.dropFirst(4).contains { "0O1IL".contains($0) })
    }
  }

  @Test func randomCodesAreNormalizedToThemselves() {
    let code = CertificateCode.random()
    #expect(CertificateCode.normalize(code) == code)
  }

  @Test func randomCodesDoNotRepeatAndUseTheWholeAlphabet() {
    let codes = (0..<300).map { _ in CertificateCode.random() }
    #expect(Set(codes).count == 300)
    let used = Set(codes.flatMap { $0.dropFirst(4).filter { $0 != "-" } })
    #expect(used.count == 31)
  }

  @Test func alphabetGivesNearlyFortyBits() {
    #expect(CertificateCode.alphabet.count == 31)
    #expect(Set(CertificateCode.alphabet).count == 31)
  }

  @Test func normalizeAcceptsLowercaseSpacesAndMissingDashesOrPrefix() {
    for typed in [
      "RLX-7KQ4-M2PD", "rlx-7kq4-m2pd", " rlx 7kq4 m2pd ", "RLX7KQ4M2PD", "7KQ4M2PD",
      "7kq4-m2pd", "RLX–7KQ4–M2PD",
    ] {
      #expect(CertificateCode.normalize(typed) == "RLX-7KQ4-M2PD", "\(typed)")
    }
  }

  @Test func normalizeRejectsConfusablesWrongLengthsAndOtherCharacters() {
    for typed in [
      "RLX-7KQ0-M2PD", "RLX-7KQO-M2PD", "RLX-7KQ1-M2PD", "RLX-7KQI-M2PD",
      "RLX-7KQL-M2PD", "RLX-7KQ4-M2P", "RLX-7KQ4-M2PDA", "ABC-7KQ4-M2PD", "RLX-7KQ4-M2P!",
      "RLX-7KQ4-M2PÉ", "",
    ] {
      #expect(CertificateCode.normalize(typed) == nil, "\(typed)")
    }
  }
}
