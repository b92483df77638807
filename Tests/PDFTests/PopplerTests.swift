import Foundation
import Testing

@testable import PDF

/// Reads our output back with poppler's tools, an independent PDF parser. CI installs
/// poppler-utils; without it these tests fail with a message rather than pass silently.
@Suite struct PopplerTests {
  static let frenchText =
    "Certificat de réussite : Élodie Dupré, 15 € « très bien », cœur, garçon à l’île"

  func renderedFile() throws -> URL {
    var document = PDFDocument(
      title: "Certificat — Élodie", creationDate: PDFDate(secondsSince1970: 1_795_464_922))
    document.addPage(size: .a4Landscape) { page in
      page.rect(
        x: 24, y: 24, width: 794, height: 547, stroke: PDFColor(hex: 0x1F6FEB), lineWidth: 3)
      page.centeredText(
        "Certificat de réussite", centerX: page.width / 2, y: 430, font: .helveticaBold, size: 36)
      page.text(Self.frenchText, x: 60, y: 300, font: .helvetica, size: 14)
      page.paragraph(
        "Texte en Times, qui se replie sur plusieurs lignes quand il est plus long que la largeur.",
        x: 60, y: 200, width: 300, font: .timesRoman, size: 12)
    }
    let url = FileManager.default.temporaryDirectory
      .appendingPathComponent("relais-pdf-\(UUID().uuidString).pdf")
    try Data(document.render()).write(to: url)
    return url
  }

  struct MissingTool: Error, CustomStringConvertible {
    let name: String
    var description: String {
      "\(name) not found: install poppler-utils (apt-get install -y poppler-utils)"
    }
  }

  func run(_ tool: String, _ arguments: [String]) throws -> String {
    let candidates = ["/usr/bin/\(tool)", "/usr/local/bin/\(tool)", "/opt/homebrew/bin/\(tool)"]
    guard let path = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0) })
    else {
      throw MissingTool(name: tool)
    }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: path)
    process.arguments = arguments
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    try process.run()
    let output = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    let text = String(decoding: output, as: UTF8.self)
    #expect(process.terminationStatus == 0, "\(tool) failed: \(text)")
    return text
  }

  @Test func pdfinfoReadsAnA4LandscapePageWithTitleAndDate() throws {
    let url = try renderedFile()
    defer { try? FileManager.default.removeItem(at: url) }
    let output = try run("pdfinfo", ["-isodates", url.path])
    // "Key:   value" lines; the column width varies between poppler versions.
    var info: [String: String] = [:]
    for line in output.split(separator: "\n") {
      guard let colon = line.firstIndex(of: ":") else { continue }
      info[String(line[..<colon])] = line[line.index(after: colon)...]
        .trimmingCharacters(in: .whitespaces)
    }
    #expect(info["Page size"]?.hasPrefix("842 x 595 pts") == true, "\(output)")
    #expect(info["Pages"] == "1")
    #expect(info["Title"] == "Certificat — Élodie")
    #expect(info["Producer"] == "Relais")
    #expect(info["CreationDate"] == "2026-11-23T20:15:22Z")
    #expect(info["PDF version"] == "1.4")
    #expect(!output.lowercased().contains("error"), "\(output)")
  }

  @Test func pdftotextGivesBackTheFrenchText() throws {
    let url = try renderedFile()
    defer { try? FileManager.default.removeItem(at: url) }
    let text = try run("pdftotext", ["-enc", "UTF-8", url.path, "-"])
    #expect(text.contains("Certificat de réussite"))
    #expect(text.contains(Self.frenchText), "\(text)")
    #expect(text.contains("Texte en Times"))
  }
}
