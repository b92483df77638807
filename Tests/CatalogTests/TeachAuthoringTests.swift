import Foundation
import Testing

@testable import Catalog

/// Templates, atomic writes, picture names and translation coverage (`relais new`,
/// `relais check`, `/teach`).
struct TeachAuthoringTests {
  let root: URL
  let loader: CatalogLoader

  init() throws {
    let fixture = try ContentFixture()
    root = fixture.root
    loader = fixture.loader
  }

  func text(_ path: String) throws -> String {
    try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
  }

  @Test func aNewModuleLoadsWithoutErrors() throws {
    defer { try? FileManager.default.removeItem(at: root) }
    try loader.newModule(slug: "rumours", title: "Rumours")
    let catalog = loader.load()
    #expect(catalog.errors.isEmpty, "\(catalog.errors)")
    #expect(catalog.module("rumours")?.lessons.map(\.slug) == ["01-introduction"])
    #expect(catalog.module("rumours")?.quiz(.certifying, .en)?.questions.count == 1)
    #expect(throws: AuthoringError.self) { try loader.newModule(slug: "rumours", title: "Again") }
    #expect(throws: AuthoringError.self) { try loader.newModule(slug: "../evil", title: "X") }
    #expect(throws: AuthoringError.self) { try loader.newModule(slug: "Upper", title: "X") }
  }

  @Test func newLessonsAreNumberedAfterTheLastOne() throws {
    defer { try? FileManager.default.removeItem(at: root) }
    try loader.newModule(slug: "m", title: "M")
    let url = try loader.newLesson(module: "m", title: "Lateral reading: the basics!")
    #expect(url.lastPathComponent == "02-lateral-reading-the-basics.md")
    #expect(
      try text("Curriculum/m/02-lateral-reading-the-basics.md").hasPrefix(
        "---\ntitle: Lateral reading: the basics!\nminutes: 5\n"))
    #expect(
      try loader.newLesson(module: "m", title: "Éléments d’image").lastPathComponent
        == "03-elements-d-image.md")
    #expect(throws: AuthoringError.self) { try loader.newLesson(module: "nope", title: "X") }
    #expect(throws: AuthoringError.self) { try loader.newLesson(module: "m", title: "!!!") }
    #expect(loader.load().errors.isEmpty)
  }

  @Test func aNewTranslationCopiesTheEnglishFileOnce() throws {
    defer { try? FileManager.default.removeItem(at: root) }
    try loader.newModule(slug: "m", title: "M")
    let fr = try loader.newTranslation(module: "m", lesson: "01-introduction", language: .fr)
    #expect(fr.lastPathComponent == "01-introduction.fr.md")
    #expect(
      try text("Curriculum/m/01-introduction.fr.md") == text("Curriculum/m/01-introduction.md"))
    #expect(throws: AuthoringError.self) {
      try loader.newTranslation(module: "m", lesson: "01-introduction", language: .fr)
    }
    #expect(throws: AuthoringError.self) {
      try loader.newTranslation(module: "m", lesson: "01-introduction", language: .en)
    }
    #expect(throws: AuthoringError.self) {
      try loader.newTranslation(module: "m", lesson: "09-none", language: .fr)
    }
    #expect(
      try loader.newTranslation(module: "m", lesson: "module", language: .fr).lastPathComponent
        == "module.fr.md")
  }

  @Test func atomicWritesReplaceTheFileAndLeaveNoTemporaryFile() throws {
    defer { try? FileManager.default.removeItem(at: root) }
    let url = root.appendingPathComponent("Curriculum/x.md")
    try CatalogLoader.writeAtomically(Array("one".utf8), to: url)
    try CatalogLoader.writeAtomically(Array("two".utf8), to: url)
    #expect(try text("Curriculum/x.md") == "two")
    #expect(
      try FileManager.default.contentsOfDirectory(
        atPath: root.appendingPathComponent("Curriculum").path
      ).sorted() == ["locales", "x.md"])
  }

  @Test func pictureNamesAreSanitisedAndTypesChecked() throws {
    defer { try? FileManager.default.removeItem(at: root) }
    let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0]
    #expect(
      CatalogLoader.mediaFileName("../../etc/Ma Photo (2).PNG", bytes: png) == "ma-photo-2.png")
    #expect(CatalogLoader.mediaFileName("x.png", bytes: [0xFF, 0xD8, 0xFF, 0xE0]) == "x.jpg")  // named for its bytes
    #expect(CatalogLoader.mediaFileName("..png", bytes: Array("GIF89a..".utf8)) == "image.gif")
    #expect(CatalogLoader.mediaFileName("a.svg", bytes: Array("<svg></svg>".utf8)) == nil)
    try loader.newModule(slug: "m", title: "M")
    #expect(try loader.saveMedia(module: "m", originalName: "A b.png", bytes: png) == "a-b.png")
    #expect(
      FileManager.default.fileExists(
        atPath: root.appendingPathComponent("Curriculum/m/media/a-b.png").path))
    #expect(throws: AuthoringError("teach.error.exists", "a-b.png already exists")) {
      try loader.saveMedia(module: "m", originalName: "a b.png", bytes: png)
    }
    let big = png + [UInt8](repeating: 0, count: CatalogLoader.maxImageBytes)
    #expect(throws: AuthoringError.self) {
      try loader.saveMedia(module: "m", originalName: "big.png", bytes: big)
    }
    let exactly = png + [UInt8](repeating: 0, count: CatalogLoader.maxImageBytes - png.count)
    #expect(
      try loader.saveMedia(module: "m", originalName: "limit.png", bytes: exactly) == "limit.png")
  }

  @Test func coverageCountsLessonsAndQuestionsPerModuleAndLanguage() throws {
    defer { try? FileManager.default.removeItem(at: root) }
    try loader.newModule(slug: "m", title: "M")
    try loader.newLesson(module: "m", title: "Second")
    try loader.newTranslation(module: "m", lesson: "01-introduction", language: .fr)
    try "::m-q1::Q?{T}\n\n::m-q2::R?{F}\n".write(
      to: root.appendingPathComponent("Assessments/m.gift"), atomically: true, encoding: .utf8)
    try "::m-q1::Q ?{T}\n".write(
      to: root.appendingPathComponent("Assessments/m.fr.gift"), atomically: true, encoding: .utf8)
    try "::m-p1::P?{T}\n".write(
      to: root.appendingPathComponent("Assessments/m.pre.gift"), atomically: true, encoding: .utf8)
    let rows = loader.load().coverage
    #expect(
      rows == [
        TranslationCoverage(
          module: "m", language: .en, lessonsPresent: 2, lessonsMissing: 0, questionsPresent: 3,
          questionsMissing: 0),
        TranslationCoverage(
          module: "m", language: .fr, lessonsPresent: 1, lessonsMissing: 1, questionsPresent: 1,
          questionsMissing: 2),
      ])
  }

  @Test func previewRendersTheLessonAndChecksItsFrontMatter() throws {
    defer { try? FileManager.default.removeItem(at: root) }
    let p = loader.preview(
      "---\ntitle: T\nminutes: many\n---\n# Hello *you*\n", module: "m",
      path: "Curriculum/m/01-a.md")
    #expect(p.title == "T")
    #expect(p.html.contains("<em>you</em>"))
    #expect(
      p.problems.map(\.description) == [
        "Curriculum/m/01-a.md:3: 'minutes' must be a whole number, found 'many'"
      ])
  }
}
