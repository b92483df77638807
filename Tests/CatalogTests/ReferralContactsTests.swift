import Foundation
import Testing

@testable import Catalog

/// Issue 17: the organisation's referral contacts as data, checked with file:line.
struct ReferralContactsTests {
  static let filled = """
    # notes are ignored
    last_verified: 2026-11-30

    [emergency]
    name: Site emergency line
    phone: +254 700 000 000
    hours: 24/7
    languages: English, Swahili

    [gbv]
    name: Women's safe space
    whatsapp: +254 711 000 000
    link: https://example.org/gbv
    """

  @Test func readsContactsAndSaysWhatIsStillMissing() {
    let (c, problems) = ReferralContacts.parse(Self.filled)
    #expect(problems.isEmpty, "\(problems)")
    #expect(c.lastVerified == "2026-11-30")
    #expect(c.filled.map(\.service) == [.emergency, .gbv])
    #expect(c.filled.first?.phone == "+254 700 000 000")
    #expect(c.filled.last?.whatsappLink == "https://wa.me/254711000000")
    #expect(c.unfilled.contains(.psea) && !c.unfilled.contains(.gbv))
    #expect(c.unfilledNotice?.contains("psea") == true)
  }

  @Test func mistakesAreReportedWithTheirLine() {
    let text = """
      last_verified: 30/11/2026
      [emergency]
      name: X
      phone: call me
      link: javascript:alert(1)
      fax: 123
      [nowhere]
      [emergency]
      """
    let (c, problems) = ReferralContacts.parse(text)
    #expect(
      problems.map { "\($0.line): \($0.message.prefix(24))" } == [
        "1: last_verified takes a da", "4: phone takes digits, spac", "5: link must start with htt",
        "6: unknown key 'fax' (known", "7: unknown section [nowhere", "8: [emergency] appears twic",
        "2: [emergency] has a name b",
      ])
    #expect(problems.allSatisfy { $0.path == "Curriculum/referral-contacts.txt" })
    #expect(c.filled.isEmpty)  // the unsafe link was not kept
  }

  @Test func checkWarnsUntilFilledUnlessTheFileIsTheShippedTemplate() throws {
    let fixture = try ContentFixture()
    defer { try? FileManager.default.removeItem(at: fixture.root) }
    func contactWarnings() -> [String] {
      fixture.load().warnings.filter { $0.path.hasSuffix("referral-contacts.txt") }.map(\.message)
    }
    // No file and no referrals page: nothing to show them on, nothing to say.
    #expect(contactWarnings().isEmpty)
    // No file, but a referrals page: a warning.
    try fixture.write("Curriculum/referrals.md", "---\ntitle: Referrals\n---\nSteps.\n")
    try fixture.write("Curriculum/referrals.fr.md", "---\ntitle: Orientation\n---\nÉtapes.\n")
    #expect(contactWarnings().count == 1)
    // Template as shipped: no warning (relais check prints a note, serve warns).
    try fixture.write("Curriculum/referral-contacts.txt", "template: yes\n[emergency]\nname:\n")
    #expect(contactWarnings().isEmpty)
    #expect(fixture.load().referralContacts.unfilledNotice != nil)
    // A deployment's file with gaps: a warning.
    try fixture.write("Curriculum/referral-contacts.txt", Self.filled)
    #expect(contactWarnings().count == 1)
    // Every service filled: nothing to say.
    let all = ReferralContacts.Service.allCases.map {
      "[\($0.rawValue)]\nname: N\nphone: 123\n"
    }.joined()
    try fixture.write("Curriculum/referral-contacts.txt", "last_verified: 2026-01-31\n" + all)
    #expect(contactWarnings().isEmpty)
    #expect(fixture.load().referralContacts.isComplete)
  }

  @Test func theShippedFileIsAnUnfilledTemplateWithoutProblems() throws {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .appendingPathComponent("../../Curriculum/referral-contacts.txt").standardized
    let (c, problems) = ReferralContacts.parse(try String(contentsOf: url, encoding: .utf8))
    #expect(problems.isEmpty, "\(problems)")
    #expect(c.isTemplate)
    #expect(Set(c.contacts.map(\.service)) == Set(ReferralContacts.Service.allCases))
  }
}
