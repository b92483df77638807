import Foundation
import Testing

@testable import Catalog

/// Briefings under `Curriculum/briefings/`: loaded with their translations and ready-to-post
/// blocks, checked line by line, and hot-reloaded like lessons.
@Suite struct BriefingLoaderTests {
  static let valid = """
    ---
    title: Registration is free
    date: 2026-12-01
    cohorts:
      - Kakuma 2026
      - c-42
    valid_until: 2026-12-31
    urgent: true
    ---
    ## Key facts

    Registration is free.

    ```post
    Registration is FREE. <b>Never</b> pay.
    Second line.
    ```

    ## Where to send people
    """

  @Test func aBriefingLoadsWithItsTranslationPostsAndAudience() throws {
    let f = try ContentFixture()
    try f.writeValidModule()
    try f.write("Curriculum/briefings/scam.md", Self.valid)
    try f.write(
      "Curriculum/briefings/scam.fr.md",
      "---\ntitle: L’enregistrement est gratuit\n---\n```post\nC’est GRATUIT.\n```\n")
    let c = f.load()
    #expect(c.errors.isEmpty, "\(c.errors)")
    #expect(!c.problems.contains { $0.message.contains("module folder") })
    let b = try #require(c.briefing("scam"))
    #expect(b.urgent)
    #expect(b.cohorts == ["Kakuma 2026", "c-42"])
    #expect(Dates.iso(b.date) == "2026-12-01" && Dates.iso(b.validUntil) == "2026-12-31")
    #expect(b.current(at: b.validUntil + 86_399) && !b.current(at: b.validUntil + 86_400))
    #expect(b.isFor(cohortIDs: ["x"], names: ["kakuma 2026"]))
    #expect(b.isFor(cohortIDs: ["c-42"], names: []))
    #expect(!b.isFor(cohortIDs: ["other"], names: ["Other"]))
    let en = try #require(b.text.values[.en])
    #expect(en.posts == ["Registration is FREE. <b>Never</b> pay.\nSecond line."])
    #expect(en.html.contains(BriefingText.slot(0)))
    #expect(!en.html.contains("Second line"))
    #expect(b.text[.fr]?.title == "L’enregistrement est gratuit")
    #expect(b.text[.fr]?.posts == ["C’est GRATUIT."])
  }

  @Test func everyoneMeansEveryCohort() throws {
    let f = try ContentFixture()
    try f.writeValidModule()
    try f.write(
      "Curriculum/briefings/all.md",
      "---\ntitle: All\ndate: 2026-01-01\ncohorts: everyone\nvalid_until: 2026-01-02\n---\nText.\n")
    let b = try #require(f.load().briefing("all"))
    #expect(b.forEveryone && !b.urgent)
    #expect(b.isFor(cohortIDs: [], names: []))
  }

  @Test func problemsAreReportedWithTheirLine() throws {
    let f = try ContentFixture()
    try f.writeValidModule()
    try f.write(
      "Curriculum/briefings/bad.md",
      """
      ---
      title: Bad
      date: 2026-02-30
      cohorts: everyone
      valid_until: 2026-13-01
      urgent: maybe
      audience: all
      ---
      Text.

      ```post
      never closed
      """)
    try f.write(
      "Curriculum/briefings/order.md",
      "---\ntitle: O\ndate: 2026-03-02\ncohorts: everyone\nvalid_until: 2026-03-01\n---\nT\n")
    try f.write("Curriculum/briefings/orphan.fr.md", "---\ntitle: Seule\n---\nT\n")
    let lines = f.load().errors.map(\.description)
    #expect(lines.contains { $0.hasPrefix("Curriculum/briefings/bad.md:3: 'date' must be a day") })
    #expect(lines.contains { $0.hasPrefix("Curriculum/briefings/bad.md:5: 'valid_until'") })
    #expect(lines.contains { $0.hasPrefix("Curriculum/briefings/bad.md:6: 'urgent' must be true") })
    #expect(
      lines.contains {
        $0.hasPrefix("Curriculum/briefings/bad.md:7: unknown front matter key 'audience'")
      })
    #expect(lines.contains { $0.hasPrefix("Curriculum/briefings/bad.md:11: ready-to-post block") })
    #expect(
      lines.contains { $0 == "Curriculum/briefings/order.md:5: 'valid_until' is before 'date'" })
    #expect(
      lines.contains { $0.hasPrefix("Curriculum/briefings/orphan.md:1: translation without") })
  }

  @Test func aNewBriefingIsPickedUpByReloadAndABrokenOneIsNotServed() throws {
    let f = try ContentFixture()
    try f.writeValidModule()
    let store = CatalogStore(loader: f.loader)
    #expect(store.catalog.briefings.isEmpty)
    try f.write("Curriculum/briefings/scam.md", Self.valid)
    #expect(store.reloadIfChanged())
    #expect(store.catalog.briefing("scam")?.text[.en]?.title == "Registration is free")
    try f.write(
      "Curriculum/briefings/scam.md",
      Self.valid.replacingOccurrences(of: "2026-12-31", with: "soon"))
    #expect(!store.reloadIfChanged())
    #expect(store.catalog.briefing("scam") != nil)
  }

  @Test func theShippedExampleIsValidInEveryLanguage() throws {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent()
    let c = CatalogLoader(
      curriculum: root.appendingPathComponent("Curriculum"),
      assessments: root.appendingPathComponent("Assessments")
    ).load()
    #expect(!c.problems.contains { $0.path.contains("briefings") }, "\(c.problems)")
    let b = try #require(c.briefing("registration-scam"))
    for code in ["en", "fr", "ar", "es"] {
      let lang = try #require(Language(rawValue: code))
      #expect(b.text.values[lang]?.posts.count == 1, "\(code)")
    }
  }
}

/// `YYYY-MM-DD` of a day's start, to check the loader's arithmetic from outside.
enum Dates {
  static func iso(_ t: Int64) -> String {
    let f = ISO8601DateFormatter()
    f.formatOptions = [.withFullDate]
    f.timeZone = TimeZone(identifier: "UTC")
    return f.string(from: Date(timeIntervalSince1970: Double(t)))
  }
}
