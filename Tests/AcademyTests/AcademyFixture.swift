import Catalog
import Foundation
import Synchronization

@testable import Academy

/// An Academy over a temp database and a small content tree, with a clock the test moves.
final class AcademyFixture: Sendable {
  let root: URL
  let academy: Academy
  let time = TestClock()

  init(
    module: String = ModuleFiles.module, quiz: String = ModuleFiles.quiz, refresher: String? = nil
  ) throws {
    root = FileManager.default.temporaryDirectory.appendingPathComponent(
      "relais-academy-\(UUID().uuidString)")
    let fm = FileManager.default
    try fm.createDirectory(
      at: root.appendingPathComponent("Curriculum/m"), withIntermediateDirectories: true)
    try fm.createDirectory(
      at: root.appendingPathComponent("Assessments"), withIntermediateDirectories: true)
    try module.write(
      to: root.appendingPathComponent("Curriculum/m/module.md"), atomically: true, encoding: .utf8)
    for l in ["01-a", "02-b"] {
      try "---\ntitle: \(l)\nminutes: 3\n---\nText.\n".write(
        to: root.appendingPathComponent("Curriculum/m/\(l).md"), atomically: true, encoding: .utf8)
    }
    try quiz.write(
      to: root.appendingPathComponent("Assessments/m.gift"), atomically: true, encoding: .utf8)
    if let refresher {
      try refresher.write(
        to: root.appendingPathComponent("Assessments/m.refresher.gift"), atomically: true,
        encoding: .utf8)
    }
    let store = CatalogStore(
      loader: CatalogLoader(
        curriculum: root.appendingPathComponent("Curriculum"),
        assessments: root.appendingPathComponent("Assessments")))
    var policy = Academy.Policy()
    policy.passphraseIterations = 1000
    let t = time
    academy = try Academy(
      databasePath: root.appendingPathComponent("db.sqlite").path, content: store, policy: policy,
      clock: { t.now })
  }

  func advance(days: Int) { time.advance(days: Int64(days)) }
  func advance(minutes: Int) { time.advance(seconds: Int64(minutes) * 60) }
}

enum ModuleFiles {
  static let module = "---\ntitle: M\nsummary: S\norder: 1\npass_mark: 50\ncertificate_months: 12\n---\nIntro\n"
  static let quiz = """
    ::q1::Sky?{T#wrong#right}

    ::q2::Pick.{=yes#good ~no#bad}
    """
}
