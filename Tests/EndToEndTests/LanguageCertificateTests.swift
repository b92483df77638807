import Catalog
import Foundation
import Testing

@testable import Web

/// The path in each shipped language: a learner who joins in Arabic (or Spanish)
/// reads right to left (or not), passes a quiz, and downloads a certificate that prints
/// their name as written, in their language, and gives it back as text.
@Suite(.serialized) struct LanguageCertificateTests {
  @Test func arabicAndSpanishLearnersPassAndGetTheirCertificate() throws {
    let server = try TestServer()
    defer { server.stop() }
    for (code, name, dir) in [("ar", "أمينة يوسف", "rtl"), ("es", "María José Peña", "ltr")] {
      let language = try #require(server.academy.catalog.offeredLanguage(code))
      let ui = server.academy.catalog.interface(language)
      let (learner, certificate) = try server.certifiedLearner(name: name, locale: code)
      let page = try learner.get("/certificates/\(certificate)")
      #expect(page.body.contains("<html lang=\"\(code)\" dir=\"\(dir)\">"))
      #expect(page.body.contains("<bdi>\(name)</bdi>"))
      #expect(page.body.contains(HTML.escape(ui.text("cert.status.valid"))))
      let pdf = try server.client().getBytes("/certificates/\(certificate).pdf")
      #expect(pdf.status == 200 && pdf.body.count <= 60_000)
      let file = server.dataDirectory.appendingPathComponent("\(code).pdf")
      try Data(pdf.body).write(to: file)
      let text = try poppler("pdftotext", [file.path, "-"])
      #expect(text.contains(name), "\(code): \(text)")
      #expect(text.contains(ui.text("cert.pdf.heading")), "\(code): \(text)")
      #expect(!text.contains("?"))
      #expect(try poppler("pdffonts", [file.path]).contains("Identity-H"))
    }
  }
}
