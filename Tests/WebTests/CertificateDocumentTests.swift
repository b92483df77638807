import Crypto
import Testing

@testable import Web

/// Dates written on certificates and the pieces of the Open Badges documents.
@Suite struct CertificateDocumentTests {
  @Test func datesAreWrittenAsUTCISO() {
    // 2026-03-01 09:05:07 UTC
    let t: Int64 = 1_772_355_907
    #expect(Dates.instant(t) == "2026-03-01T09:05:07Z")
  }

  @Test func recipientIdentityIsSaltedSHA256OfTheRecipientURL() {
    let url = OpenBadges.recipientURL(userID: "abc", base: "https://relais.example.org")
    #expect(url == "https://relais.example.org/learners/abc")
    let hash = OpenBadges.identityHash(url, salt: "s4lt")
    #expect(
      hash == "sha256$" + Hex.encode(SHA256.hash("https://relais.example.org/learners/abcs4lt")))
    #expect(hash != OpenBadges.identityHash(url, salt: "other"))
  }
}
