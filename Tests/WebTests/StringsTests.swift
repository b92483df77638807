import Catalog
import Foundation
import Testing

@testable import Web

/// The repository's own content, checked against the built-in English.
enum ShippedContent {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()

  static func catalog(curriculum: URL? = nil) -> Catalog {
    CatalogLoader(
      curriculum: curriculum ?? root.appendingPathComponent("Curriculum"),
      assessments: root.appendingPathComponent("Assessments"),
      referenceStrings: Strings.english
    ).load()
  }
}

@Test func everyEnglishStringHasText() {
  #expect(Strings.english.count > 400)
  for (key, text) in Strings.english {
    #expect(!text.trimmingCharacters(in: .whitespaces).isEmpty, "\(key) has no English")
  }
}

@Test func everyShippedLanguageIsCompleteWithMatchingPlaceholders() {
  let catalog = ShippedContent.catalog()
  #expect(catalog.offers(.fr))
  #expect(catalog.stringsCoverage.count == catalog.locales.count)
  for row in catalog.stringsCoverage {
    #expect(row.isComplete, "\(row)")
  }
  let stringProblems = catalog.problems.filter { $0.path.contains("/locales/") }
  #expect(stringProblems.isEmpty, "\(stringProblems)")
}

@Test func formatReplacesPlaceholdersInTheReadersLanguage() {
  let catalog = ShippedContent.catalog()
  #expect(catalog.interface(.en).format("lesson.position", ["2", "5"]) == "Lesson 2 of 5")
  #expect(catalog.interface(.fr).format("lesson.position", ["2", "5"]) == "Leçon 2 sur 5")
  // An argument that itself looks like a placeholder is written as it is.
  #expect(Strings.fill("{1} and {2}", ["{2}", "x"]) == "{2} and x")
  #expect(Strings.fill("{1} {9} {", ["a"]) == "a {9} {")
}

@Test func aLanguageWithoutAFileFallsBackToEnglish() throws {
  let catalog = ShippedContent.catalog()
  let xx = try #require(Language(rawValue: "xx"))
  #expect(!catalog.offers(xx))
  #expect(catalog.interface(xx).language == .reference)
  #expect(catalog.interface(xx).text("nav.home") == "Home")
}

@Test func datesAreWrittenWithTheLanguagesOwnPattern() {
  let catalog = ShippedContent.catalog()
  let t: Int64 = 1_772_355_907  // 2026-03-01
  #expect(Dates.long(t, catalog.interface(.en)) == "1 March 2026")
  #expect(Dates.long(t, catalog.interface(.fr)) == "1er mars 2026")
  #expect(Dates.long(t + 86_400 * 14, catalog.interface(.fr)) == "15 mars 2026")
}

/// A fourth language is a file: added to a copy of the curriculum, it is offered, reported
/// and checked, with no rebuild.
@Test func aLanguageAddedAsAFileIsOfferedAndChecked() throws {
  let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
    "relais-locales-\(UUID().uuidString)")
  defer { try? FileManager.default.removeItem(at: dir) }
  try FileManager.default.copyItem(
    at: ShippedContent.root.appendingPathComponent("Curriculum"), to: dir)
  let uk = dir.appendingPathComponent("locales/uk.strings")
  try Data(
    """
    # Ukrainian, started
    nav.home = Головна
    lesson.position = Урок {1} з {2}
    common.minutes = {1} хв {2}
    nav.nothing = Ніщо
    """.utf8
  ).write(to: uk)
  let catalog = ShippedContent.catalog(curriculum: dir)
  let lang = try #require(Language(rawValue: "uk"))
  #expect(catalog.languages.contains(lang))
  #expect(catalog.languageName(lang) == "Українська")
  let ui = catalog.interface(lang)
  #expect(ui.text("nav.home") == "Головна")
  #expect(ui.text("nav.modules") == "Modules")  // missing: English
  #expect(ui.text("common.minutes") == Strings.english["common.minutes"])  // wrong: dropped
  let row = try #require(catalog.stringsCoverage.first { $0.language == lang })
  #expect(row.present == 3 && row.extra == 1 && row.placeholderMismatches == 1)
  #expect(row.missing == Strings.english.count - 3)
  let messages = catalog.problems.filter { $0.path.hasSuffix("uk.strings") }.map(\.description)
  #expect(
    messages.contains { $0.contains("/locales/uk.strings:4: '") && $0.contains("placeholders") },
    "\(messages)")
  #expect(
    messages.contains { $0.contains("/locales/uk.strings:5: warning: 'nav.nothing'") },
    "\(messages)")
  #expect(messages.contains { $0.contains("missing") }, "\(messages)")
}
