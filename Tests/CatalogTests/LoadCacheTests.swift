import Foundation
import Testing

@testable import Catalog

/// Reloads reuse unchanged files but never serve stale content.
struct LoadCacheTests {
  let root: URL
  let loader: CatalogLoader

  init() throws {
    let fixture = try ContentFixture()
    root = fixture.root
    loader = fixture.loader
    try loader.newModule(slug: "m", title: "M")
  }

  func write(_ path: String, _ text: String) throws {
    try text.write(to: root.appendingPathComponent(path), atomically: true, encoding: .utf8)
  }

  static func png(width: UInt8) -> [UInt8] {
    [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13] + Array("IHDR".utf8) + [
      0, 0, 0, width, 0, 0, 0, 10,
    ]
  }

  @Test func anEditedLessonIsRenderedAgain() throws {
    defer { try? FileManager.default.removeItem(at: root) }
    try write("Curriculum/m/01-introduction.md", "---\ntitle: A\nminutes: 2\n---\nFirst text.\n")
    #expect(loader.load().module("m")?.lessons[0].text[.en]?.html.contains("First text.") == true)
    try write("Curriculum/m/01-introduction.md", "---\ntitle: A\nminutes: 2\n---\nSecond text.\n")
    let html = loader.load().module("m")?.lessons[0].text[.en]?.html ?? ""
    #expect(html.contains("Second text.") && !html.contains("First text."))
  }

  @Test func aReplacedPictureUpdatesItsSizeInUnchangedLessons() throws {
    defer { try? FileManager.default.removeItem(at: root) }
    try write(
      "Curriculum/m/01-introduction.md", "---\ntitle: A\nminutes: 2\n---\n![A map](media/map.png)\n"
    )
    let media = root.appendingPathComponent("Curriculum/m/media")
    try FileManager.default.createDirectory(at: media, withIntermediateDirectories: true)
    try Data(Self.png(width: 20)).write(to: media.appendingPathComponent("map.png"))
    #expect(loader.load().module("m")?.lessons[0].text[.en]?.html.contains("width=\"20\"") == true)
    try Data(Self.png(width: 40) + [0]).write(to: media.appendingPathComponent("map.png"))
    #expect(loader.load().module("m")?.lessons[0].text[.en]?.html.contains("width=\"40\"") == true)
  }

  @Test func quizErrorsAreReportedOnEveryLoad() throws {
    defer { try? FileManager.default.removeItem(at: root) }
    try write("Assessments/m.fr.gift", "::m-q1::Q {\n")
    let first = loader.load().errors.filter { $0.path == "Assessments/m.fr.gift" }
    let second = loader.load().errors.filter { $0.path == "Assessments/m.fr.gift" }
    #expect(!first.isEmpty)
    #expect(first == second)
  }
}
