import Foundation
import Testing

/// Issue 17: the referrals page shows the organisation's contacts first, and says whom to
/// contact by default while they are not filled in.
@Suite(.serialized) struct ReferralsPageTests {
  func content(contacts: String?) throws -> (URL, URL, URL) {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent(
      "relais-referrals-\(UUID().uuidString)")
    let curriculum = root.appendingPathComponent("Curriculum")
    let assessments = root.appendingPathComponent("Assessments")
    for d in [curriculum, assessments] {
      try FileManager.default.createDirectory(at: d, withIntermediateDirectories: true)
    }
    try "---\ntitle: Referral contacts\n---\n## Steps\n\nListen first.\n".write(
      to: curriculum.appendingPathComponent("referrals.md"), atomically: true, encoding: .utf8)
    try "---\ntitle: Contacts d’orientation\n---\n## Étapes\n\nÉcouter d’abord.\n".write(
      to: curriculum.appendingPathComponent("referrals.fr.md"), atomically: true, encoding: .utf8)
    // French is offered, as in the shipped content (a language exists with its strings file).
    try FileManager.default.createDirectory(
      at: curriculum.appendingPathComponent("locales"), withIntermediateDirectories: true)
    try FileManager.default.copyItem(
      at: TestServer.repoRoot.appendingPathComponent("Curriculum/locales/fr.strings"),
      to: curriculum.appendingPathComponent("locales/fr.strings"))
    if let contacts {
      try contacts.write(
        to: curriculum.appendingPathComponent("referral-contacts.txt"), atomically: true,
        encoding: .utf8)
    }
    return (root, curriculum, assessments)
  }

  @Test func withoutContactsThePageSaysWhomToContactByDefault() throws {
    let (root, curriculum, assessments) = try content(contacts: "template: yes\n[gbv]\nname:\n")
    defer { try? FileManager.default.removeItem(at: root) }
    let server = try TestServer(curriculum: curriculum, assessments: assessments)
    let page = try server.client().get("/pages/referrals").body
    #expect(page.contains("has not filled in the contacts"))
    #expect(page.contains("local emergency number"))
    #expect(page.contains("Listen first."))
    let fr = try server.client().get("/pages/referrals", headers: [("Accept-Language", "fr")])
    #expect(fr.body.contains("n’a pas encore renseigné les contacts"))
  }

  @Test func filledContactsComeFirstWithTheirDate() throws {
    let (root, curriculum, assessments) = try content(
      contacts: """
        last_verified: 2026-11-30
        [emergency]
        name: Site line <b>24h</b>
        phone: +254 700 000 000
        [gbv]
        name: Safe space
        whatsapp: +254 711 000 000
        link: https://example.org/gbv
        """)
    defer { try? FileManager.default.removeItem(at: root) }
    let server = try TestServer(curriculum: curriculum, assessments: assessments)
    let page = try server.client().get("/pages/referrals").body
    #expect(page.contains("First contact in an emergency"))
    #expect(page.contains("Site line &lt;b&gt;24h&lt;/b&gt;"))
    #expect(page.contains("href=\"tel:+254700000000\""))
    #expect(page.contains("href=\"https://wa.me/254711000000\""))
    #expect(page.contains("href=\"https://example.org/gbv\""))
    #expect(page.contains("Last verified on 2026-11-30."))
    #expect(page.contains("For anything not listed here"))
    let contacts = try #require(page.range(of: "Whom to contact"))
    let prose = try #require(page.range(of: "Listen first."))
    #expect(contacts.lowerBound < prose.lowerBound)
  }

  /// `relais serve` warns at start while contacts are missing, even for the template.
  @Test func serveWarnsUntilTheContactsAreFilledIn() throws {
    let (root, curriculum, assessments) = try content(contacts: "template: yes\n")
    defer { try? FileManager.default.removeItem(at: root) }
    let data = root.appendingPathComponent("data")
    try FileManager.default.createDirectory(at: data, withIntermediateDirectories: true)
    let server = try ServerProcess(data: data, curriculum: curriculum, assessments: assessments)
    let output = server.output
    #expect(server.stop() == 0)
    #expect(output.contains("relais: warning: referral contacts not filled in"), "\(output)")
  }
}
