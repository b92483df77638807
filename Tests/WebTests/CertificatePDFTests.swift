import Catalog
import Foundation
import Testing

@testable import Academy
@testable import Storage
@testable import Web

/// The certificate PDF for learners whose names are not in Latin script.
@Suite struct CertificatePDFTests {
  static let pdftotext = ["/usr/bin/pdftotext", "/usr/local/bin/pdftotext"]
    .first { FileManager.default.isExecutableFile(atPath: $0) }

  func certificate(_ name: String, _ language: Language = .en) -> [UInt8] {
    let row = Row(
      columns: [
        "code", "user_id", "display_name", "locale", "module", "issued_at", "expires_at",
        "recipient_salt",
      ],
      values: [
        .text("RLX-7KQ4-M2PD"), .text("u1"), .text(name), .text(language.rawValue),
        .text("fact-checking"), .integer(1_772_355_907), .integer(1_835_427_907), .text("salt"),
      ])
    let cert = Certificate(row: row)
    return CertificatePDF.render(
      cert, moduleTitle: "Fact-checking", issuer: "Relais",
      verifyURL: "https://relais.example.org/certificates/RLX-7KQ4-M2PD", now: 1_772_355_907,
      ui: Self.catalog.interface(language))
  }

  /// The shipped content, for the certificate's words in the holder's language.
  static let catalog = ShippedContent.catalog()

  func extract(_ bytes: [UInt8]) throws -> String {
    guard let tool = Self.pdftotext else { return "" }
    let url = FileManager.default.temporaryDirectory
      .appendingPathComponent("relais-cert-\(UUID().uuidString).pdf")
    try Data(bytes).write(to: url)
    defer { try? FileManager.default.removeItem(at: url) }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: tool)
    process.arguments = ["-enc", "UTF-8", url.path, "-"]
    let pipe = Pipe()
    process.standardOutput = pipe
    try process.run()
    let output = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    // Without the directional marks poppler puts around right-to-left lines.
    return String(decoding: output, as: UTF8.self).unicodeScalars
      .filter { !(0x202A...0x202E).contains($0.value) }
      .reduce(into: "") { $0.unicodeScalars.append($1) }
  }

  /// Certificates are issued in the holder's language: every word of an Arabic one is
  /// Arabic, drawn and extractable, as is a Spanish one's.
  @Test(.enabled(if: pdftotext != nil, "needs poppler-utils"))
  func certificatesSpeakTheHoldersLanguage() throws {
    for (code, name) in [("ar", "أمينة يوسف"), ("es", "María José Peña")] {
      let language = try #require(Language(rawValue: code))
      let ui = Self.catalog.interface(language)
      #expect(ui.language == language, "\(code) is shipped")
      let pdf = certificate(name, language)
      #expect(pdf.count <= 60_000)
      let text = try extract(pdf)
      #expect(text.contains(name), "\(code): \(text)")
      for key in ["cert.pdf.heading", "cert.pdf.awarded", "cert.pdf.completed"] {
        #expect(text.contains(ui.text(key)), "\(code) \(key): \(text)")
      }
      #expect(!text.contains("?"))
    }
  }

  @Test func embedsFontsDeclaresTheLanguageAndStaysSmall() {
    let bytes = certificate("أمينة يوسف", .fr)
    let text = String(decoding: bytes, as: UTF8.self)
    #expect(text.contains("/Lang (fr)"))
    #expect(text.contains("NotoSansArabic-Bold"))
    #expect(!text.contains("/Type1"))
    #expect(bytes.count <= 60_000, "\(bytes.count) bytes")
  }

  @Test(.enabled(if: pdftotext != nil, "needs poppler-utils"))
  func anArabicNameExtractsAsWritten() throws {
    let text = try extract(certificate("أمينة يوسف"))
    #expect(text.contains("أمينة يوسف"), "\(text)")
    #expect(text.contains("Certificate of completion"))
    #expect(!text.contains("?"))
  }

  /// No shipped font has Chinese: the page says where to see the name, which is still in the
  /// file as (invisible) text.
  @Test(.enabled(if: pdftotext != nil, "needs poppler-utils"))
  func aNameInAScriptWithoutAFontPointsToTheVerificationPage() throws {
    let name = "王秀英"
    let text = try extract(certificate(name))
    #expect(text.contains(name), "\(text)")
    #expect(text.contains("shown on the verification page"))
    #expect(!text.contains("?"))
    for printed in ["أمينة يوسف", "အောင်ဆန်းစုကြည်"] {
      let text = try extract(certificate(printed))
      #expect(text.contains(printed))
      #expect(!text.contains("verification page below"))
    }
  }

  /// An emoji has no font either, but the name around it is still printed.
  @Test(.enabled(if: pdftotext != nil, "needs poppler-utils"))
  func anEmojiDoesNotHideTheName() throws {
    let text = try extract(certificate("Amina 🌸"))
    #expect(text.contains("Amina"))
    #expect(!text.contains("verification page below"))
  }
}
