import Academy
import Catalog
import Crypto
import Foundation
import HTTPServer

/// `/offline/:m`: what "Download this module" stores, in the reader's language — the module
/// page, its lessons, their pictures, the code of conduct, the referrals page and (for a
/// signed-in learner) the quiz form — each with its size and a content hash. The script shows
/// the total before downloading, and compares hashes when online again, so a corrected
/// lesson or quiz replaces the stored one and nothing else is fetched twice.
enum OfflineManifest {
  struct Item: Codable, Equatable {
    var url: String
    /// Bytes of the page as sent before compression (an upper bound of what it costs).
    var bytes: Int
    var hash: String
  }

  struct Document: Codable {
    var module: String
    var lang: String
    var bytes: Int
    var items: [Item]
  }

  static let standalonePages = ["code-of-conduct", "referrals"]

  static func response(_ app: App, _ ctx: inout Context) throws -> HTTPResponse {
    let m = try LearnerRoutes.module(app, ctx)
    let doc = document(app, m, ctx)
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    var r = HTTPResponse(
      status: 200, contentType: "application/json; charset=utf-8",
      body: String(decoding: try encoder.encode(doc), as: UTF8.self))
    // Always asked fresh: it is how the phone learns that a lesson changed.
    r.headers.set("Cache-Control", "no-store")
    return r
  }

  static func document(_ app: App, _ m: Module, _ ctx: Context) -> Document {
    let lang = ctx.language
    // The page shell around every page (header, menu, footer), as this person gets it.
    let shell = Layout.page(ctx, title: "", "").description.utf8.count
    var items: [Item] = []
    var pictures: [String] = []
    if let (mt, _) = m.text.resolve(lang) {
      let titles = m.lessons.compactMap { $0.text[lang]?.title }.joined(separator: "\n")
      items.append(
        Item(
          url: "/modules/\(m.slug)",
          bytes: shell + mt.introHTML.utf8.count + titles.utf8.count * 2 + 800,
          hash: hash(lang.rawValue, mt.title, mt.introHTML, titles)))
    }
    for lesson in m.lessons {
      guard let (t, l) = lesson.text.resolve(lang) else { continue }
      items.append(
        Item(
          url: "/modules/\(m.slug)/\(lesson.slug)",
          bytes: shell + t.html.utf8.count + t.objectives.joined().utf8.count + 900,
          hash: hash(l.rawValue, t.hash)))
      pictures += images(in: t.html)
    }
    for src in Set(pictures).sorted() {
      // `/media/m/x.png` is served from `m/media/x.png`.
      let parts = src.split(separator: "/")
      guard parts.count == 3, let info = app.media.fileInfo("\(parts[1])/media/\(parts[2])")
      else { continue }
      items.append(Item(url: src, bytes: info.bytes, hash: info.hash))
    }
    for slug in standalonePages {
      guard let (p, l) = app.academy.catalog.pages[slug]?.resolve(lang) else { continue }
      items.append(
        Item(
          url: "/pages/\(slug)", bytes: shell + p.html.utf8.count + 300,
          hash: hash(l.rawValue, p.hash)))
    }
    // The quiz form only for a learner: opening it starts their attempt, which they can then
    // answer offline. Its hash is the quiz file's, so a corrected key brings a new form.
    if ctx.user != nil, let quiz = m.quiz(.certifying, lang) {
      let text = quiz.questions.reduce(0) { $0 + $1.text.utf8.count }
      items.append(
        Item(
          url: "/modules/\(m.slug)/quiz",
          bytes: shell + text * 2 + 1200 + 500 * quiz.questions.count,
          hash: hash(quiz.language.rawValue, quiz.hash)))
    }
    return Document(
      module: m.slug, lang: lang.rawValue, bytes: items.reduce(0) { $0 + $1.bytes }, items: items)
  }

  /// Same-site pictures a rendered lesson shows (`<img src="/media/m/file">`).
  static func images(in html: String) -> [String] {
    html.components(separatedBy: "src=\"/media/").dropFirst().compactMap { rest in
      guard let end = rest.firstIndex(of: "\"") else { return nil }
      let path = "/media/" + rest[..<end]
      return path.split(separator: "/").count == 3 ? path : nil
    }
  }

  static func hash(_ parts: String...) -> String {
    String(Hex.encode(SHA256.hash(parts.joined(separator: "\u{0}"))).prefix(16))
  }
}
