import Catalog
import Foundation
import Testing

/// A language added as a file while the server runs: offered, spoken and checked without a
/// rebuild or a restart, like a lesson.
@Suite(.serialized) struct LocaleReloadTests {
  @Test func aStringsFileAddedWhileServingIsOfferedWithinSeconds() throws {
    let content = try ContentCopy()
    defer { content.remove() }
    let server = try TestServer(curriculum: content.curriculum, assessments: content.assessments)
    defer { server.stop() }
    server.academy.content.watch(every: CatalogStore.reloadInterval)  // as `relais serve` does
    let c = server.client()
    let ukrainian = [("Accept-Language", "uk-UA,uk;q=0.9")]
    #expect(try c.get("/", headers: ukrainian).body.contains("<html lang=\"en\" dir=\"ltr\">"))

    let file = content.curriculum.appendingPathComponent("locales/uk.strings")
    try "language.name = Українська\nnav.home = Головна\nnav.modules = Модулі\n"
      .write(to: file, atomically: true, encoding: .utf8)
    var page = ""
    let start = Date()
    while Date().timeIntervalSince(start) < 10 {  // a wait, not a timing check
      page = try c.get("/", headers: ukrainian).body
      if page.contains("<html lang=\"uk\"") { break }
      Thread.sleep(forTimeInterval: 0.05)
    }
    #expect(page.contains("<html lang=\"uk\" dir=\"ltr\">"))
    #expect(page.contains(">Головна<"))
    #expect(page.contains("aria-label=\"Українська\""))  // in the language switch
    #expect(page.contains(">Sign in<"))  // not translated yet: English
    #expect(server.academy.catalog.languages.map(\.rawValue).contains("uk"))

    // Chosen with the switch, it sticks; removed, the site speaks English again.
    _ = try c.post("/language", [("lang", "uk"), ("back", "/")])
    #expect(try c.get("/").body.contains("<html lang=\"uk\""))
    try FileManager.default.removeItem(at: file)
    let gone = Date()
    while Date().timeIntervalSince(gone) < 10 {
      if try c.get("/").body.contains("<html lang=\"en\"") { break }
      Thread.sleep(forTimeInterval: 0.05)
    }
    #expect(try c.get("/").body.contains("<html lang=\"en\" dir=\"ltr\">"))
  }

  @Test func aRightToLeftLanguageAddedAsAFileGetsRTLPages() throws {
    let content = try ContentCopy()
    defer { content.remove() }
    try "nav.home = خانه\n".write(
      to: content.curriculum.appendingPathComponent("locales/fa.strings"), atomically: true,
      encoding: .utf8)
    let server = try TestServer(curriculum: content.curriculum, assessments: content.assessments)
    defer { server.stop() }
    let c = server.client()
    let page = try c.get("/modules/fact-checking", headers: [("Accept-Language", "fa")]).body
    #expect(page.contains("<html lang=\"fa\" dir=\"rtl\">"))
    // The module has no Persian text: it is shown in English, marked as such.
    #expect(page.contains("lang=\"en\" dir=\"ltr\""))
  }
}
