import Foundation
import Testing

@testable import Catalog

@Test func validModuleLoadsWithoutProblems() throws {
  let f = try ContentFixture()
  try f.writeValidModule()
  let c = f.load()
  #expect(c.problems.isEmpty, "\(c.problems)")
  let m = try #require(c.module("facts"))
  #expect(m.passMark == 75)
  #expect(m.certificateMonths == 12)
  #expect(m.lessons.map(\.slug) == ["01-first", "02-second"])
  #expect(m.text[.fr]?.title == "Vérifier")
  #expect(m.quiz(.certifying, .en)?.questions.map(\.id) == ["q1", "q2"])
}

@Test func siblingLessonLinksBecomeLessonURLs() throws {
  let f = try ContentFixture()
  try f.writeValidModule()
  let html = try #require(f.load().module("facts")?.lessons.first?.text[.en]?.html)
  #expect(html.contains("href=\"/modules/facts/02-second\""))
}

@Test func missingTranslationIsAWarningAndFallsBackToEnglish() throws {
  let f = try ContentFixture()
  try f.writeValidModule()
  try FileManager.default.removeItem(
    at: f.curriculum.appendingPathComponent("facts/02-second.fr.md"))
  let c = f.load()
  #expect(c.errors.isEmpty)
  #expect(c.warnings.contains { $0.message.contains("missing translation: 02-second.fr.md") })
  let lesson = try #require(c.module("facts")?.lesson("02-second"))
  #expect(lesson.text.resolve(.fr)?.language == .en)
}

@Test func unknownFrontMatterKeyIsReportedWithItsLine() throws {
  let f = try ContentFixture()
  try f.writeValidModule()
  try f.write(
    "Curriculum/facts/02-second.md", "---\ntitle: Second\nminutes: 5\ncolour: red\n---\nText\n")
  let p = try #require(f.load().errors.first)
  #expect(
    p.description.hasPrefix("Curriculum/facts/02-second.md:4: unknown front matter key 'colour'"))
}

@Test func badMinutesAndMissingTitleAreErrors() throws {
  let f = try ContentFixture()
  try f.writeValidModule()
  try f.write("Curriculum/facts/02-second.md", "---\nminutes: soon\n---\nText\n")
  let messages = f.load().errors.map(\.description)
  #expect(
    messages.contains(
      "Curriculum/facts/02-second.md:2: 'minutes' must be a whole number, found 'soon'"))
  #expect(messages.contains("Curriculum/facts/02-second.md:1: missing front matter key 'title'"))
}

@Test func linkToAMissingLessonIsReported() throws {
  let f = try ContentFixture()
  try f.writeValidModule()
  try f.write(
    "Curriculum/facts/02-second.md",
    ContentFixture.lesson("Second", body: "Intro.\n\nRead [this](03-nowhere.md)."))
  let p = try #require(f.load().errors.first { $0.message.contains("points nowhere") })
  #expect(p.path == "Curriculum/facts/02-second.md")
  #expect(p.line == 9)
}

@Test func missingImageIsReported() throws {
  let f = try ContentFixture()
  try f.writeValidModule()
  try f.write(
    "Curriculum/facts/02-second.md",
    ContentFixture.lesson("Second", body: "![A map](media/map.png)"))
  #expect(f.load().errors.contains { $0.message.contains("image 'media/map.png' points nowhere") })
}

@Test func giftErrorIsReportedAsPathLineColumnAndTheQuizIsNotServed() throws {
  let f = try ContentFixture()
  try f.writeValidModule()
  try f.write("Assessments/facts.gift", "::q1::Fine.{T}\n\n::q2::Broken {=a ~b\n")
  let c = f.load()
  let e = try #require(c.errors.first { $0.path == "Assessments/facts.gift" })
  #expect(e.line == 3)
  #expect(e.column != nil)
  #expect(
    c.module("facts")?.quiz(.certifying, .en) == nil
      || c.module("facts")?.quizzes[.certifying]?.values[.en] == nil)
}

@Test func translatedQuizMissingAnIdIsReported() throws {
  let f = try ContentFixture()
  try f.writeValidModule()
  try f.write("Assessments/facts.fr.gift", "::q1::Le ciel est bleu.{T}")
  #expect(
    f.load().warnings.contains {
      $0.message.contains("question 'q2'") && $0.path == "Assessments/facts.fr.gift"
    })
}

@Test func quizDrawingMoreThanItHasIsAnError() throws {
  let f = try ContentFixture()
  try f.writeValidModule()
  try f.write("Assessments/facts.gift", "// @draw: 5\n\n" + ContentFixture.quiz)
  #expect(f.load().errors.contains { $0.message == "quiz draws 5 questions but has only 2" })
}

@Test func duplicateQuestionIdIsAnError() throws {
  let f = try ContentFixture()
  try f.writeValidModule()
  try f.write("Assessments/facts.gift", ContentFixture.quiz + "\n\n::q1::Again.{T}")
  #expect(
    f.load().errors.contains {
      $0.message.contains("duplicate") && $0.message.contains("q1") && $0.line == 5
    })
}

@Test func storeKeepsServingTheLastGoodCatalogAfterABrokenEdit() throws {
  let f = try ContentFixture()
  try f.writeValidModule()
  let store = CatalogStore(loader: f.loader)
  #expect(store.catalog.module("facts")?.lesson("01-first")?.text[.en]?.title == "First")

  try f.write("Curriculum/facts/01-first.md", ContentFixture.lesson("First, edited"))
  #expect(store.reloadIfChanged())
  #expect(store.catalog.module("facts")?.lesson("01-first")?.text[.en]?.title == "First, edited")

  try f.write("Curriculum/facts/01-first.md", "---\ntitle: Broken\nminutes: x\n---\n")
  #expect(!store.reloadIfChanged())
  #expect(store.catalog.module("facts")?.lesson("01-first")?.text[.en]?.title == "First, edited")
  #expect(store.problems.contains { $0.description.hasPrefix("Curriculum/facts/01-first.md:3:") })
}

@Test func imageSizesAreReadFromHeaders() {
  var png: [UInt8] = [
    0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52,
  ]
  png += [0, 0, 1, 44, 0, 0, 0, 200]
  #expect(ImageSize.of(png)! == (300, 200))
  let gif: [UInt8] = Array("GIF89a".utf8) + [10, 0, 20, 0]
  #expect(ImageSize.of(gif)! == (10, 20))
  #expect(ImageSize.of(Array("<svg width=\"64\" height=\"32\">".utf8))! == (64, 32))
}

@Test func contentLinksClassify() {
  #expect(ContentLink.classify("02-x.md#part", module: "m").url == "/modules/m/02-x#part")
  #expect(ContentLink.classify("../referrals.md", module: "m").url == "/pages/referrals")
  #expect(ContentLink.classify("../other/01-y.fr.md", module: "m").url == "/modules/other/01-y")
  #expect(ContentLink.classify("media/a.png", module: "m").url == "/media/m/a.png")
  #expect(ContentLink.classify("https://example.org", module: "m").url == nil)
  if case .unknown = ContentLink.classify("notes.txt", module: "m") {
  } else {
    Issue.record("expected unknown")
  }
}
