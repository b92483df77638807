import Foundation

@testable import Catalog

/// A throwaway content tree on disk: `Curriculum/` and `Assessments/` under a temp folder.
struct ContentFixture {
  let root: URL
  var curriculum: URL { root.appendingPathComponent("Curriculum") }
  var assessments: URL { root.appendingPathComponent("Assessments") }

  init() throws {
    root = FileManager.default.temporaryDirectory.appendingPathComponent(
      "relais-catalog-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: curriculum, withIntermediateDirectories: true)
    try FileManager.default.createDirectory(at: assessments, withIntermediateDirectories: true)
    // French is offered, as in the shipped content: a language exists once it has a strings file.
    try write("Curriculum/locales/fr.strings", "language.name = Français\n")
  }

  func write(_ path: String, _ text: String) throws {
    let url = root.appendingPathComponent(path)
    try FileManager.default.createDirectory(
      at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try text.write(to: url, atomically: true, encoding: .utf8)
  }

  var loader: CatalogLoader { CatalogLoader(curriculum: curriculum, assessments: assessments) }
  func load() -> Catalog { loader.load() }

  static let module = """
    ---
    title: Checking facts
    summary: Check before you share.
    order: 1
    pass_mark: 75
    certificate_months: 12
    ---
    Intro.
    """

  static func lesson(_ title: String, body: String = "## Part\n\nText.") -> String {
    "---\ntitle: \(title)\nminutes: 5\nobjectives:\n  - Do one thing\n---\n\(body)\n"
  }

  static let quiz = """
    ::q1::The sky is blue.{T#No.#Yes.}

    ::q2::Pick the right one.{=right#good ~wrong#bad}
    """

  /// A complete, valid module in English and French.
  func writeValidModule(_ slug: String = "facts") throws {
    try write("Curriculum/\(slug)/module.md", Self.module)
    try write(
      "Curriculum/\(slug)/module.fr.md",
      Self.module.replacingOccurrences(of: "Checking facts", with: "Vérifier"))
    try write(
      "Curriculum/\(slug)/01-first.md",
      Self.lesson("First", body: "See [the next one](02-second.md)."))
    try write("Curriculum/\(slug)/01-first.fr.md", Self.lesson("Premier"))
    try write("Curriculum/\(slug)/02-second.md", Self.lesson("Second"))
    try write("Curriculum/\(slug)/02-second.fr.md", Self.lesson("Deuxième"))
    try write("Assessments/\(slug).gift", Self.quiz)
    try write("Assessments/\(slug).fr.gift", Self.quiz)
  }
}
