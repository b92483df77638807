import Foundation
import Testing

@testable import Catalog

@Suite struct ContentFingerprintTests {
  func print(_ f: ContentFixture) -> String {
    ContentFingerprint.of([f.curriculum.path, f.assessments.path])
  }

  @Test func staysTheSameWhileNothingChanges() throws {
    let f = try ContentFixture()
    try f.write("Curriculum/m/module.md", "a")
    #expect(print(f) == print(f))
  }

  @Test func changesWithAFileSizeANewFileDeepDownOrARemoval() throws {
    let f = try ContentFixture()
    try f.write("Curriculum/m/module.md", "a")
    let first = print(f)
    try f.write("Curriculum/m/module.md", "ab")
    let resized = print(f)
    #expect(resized != first)
    try f.write("Assessments/m/deep/quiz.gift", "x")
    let added = print(f)
    #expect(added != resized)
    try FileManager.default.removeItem(at: f.assessments.appendingPathComponent("m/deep/quiz.gift"))
    #expect(print(f) == resized)
  }

  @Test func changesWithTheModificationTimeAlone() throws {
    let f = try ContentFixture()
    try f.write("Curriculum/m/module.md", "a")
    let before = print(f)
    let url = f.curriculum.appendingPathComponent("m/module.md")
    try FileManager.default.setAttributes(
      [.modificationDate: Date(timeIntervalSince1970: 1_000_000)], ofItemAtPath: url.path)
    #expect(print(f) != before)
  }

  @Test func aFolderLinkLoopIsNotFollowed() throws {
    let f = try ContentFixture()
    try f.write("Curriculum/m/module.md", "a")
    let before = print(f)
    try FileManager.default.createSymbolicLink(
      atPath: f.curriculum.appendingPathComponent("m/loop").path, withDestinationPath: "..")
    // Followed, the loop would add m/loop/m/module.md, m/loop/m/loop/… until paths overflow.
    #expect(print(f) == before)
  }
}
