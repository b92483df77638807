import Foundation

/// poppler-utils (pdfinfo, pdftotext, pdftoppm): an independent reader of our PDFs.
enum Poppler {
  static func path(_ tool: String) -> String? {
    ["/usr/bin/\(tool)", "/usr/local/bin/\(tool)", "/opt/homebrew/bin/\(tool)"]
      .first { FileManager.default.isExecutableFile(atPath: $0) }
  }

  /// The script tests run only where poppler is installed (CI installs it).
  static var available: Bool { path("pdftotext") != nil && path("pdftoppm") != nil }

  /// Runs `tool`; returns its exit status and standard output (standard error is separate, so
  /// binary output such as an image stays clean).
  static func run(_ tool: String, _ arguments: [String]) throws -> (status: Int32, output: Data) {
    guard let path = path(tool) else { return (127, Data()) }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: path)
    process.arguments = arguments
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = FileHandle.nullDevice
    try process.run()
    let output = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, output)
  }

  static func write(_ bytes: [UInt8]) throws -> URL {
    let url = FileManager.default.temporaryDirectory
      .appendingPathComponent("relais-script-\(UUID().uuidString).pdf")
    try Data(bytes).write(to: url)
    return url
  }

  /// pdftotext's output without the directional marks it puts around right-to-left lines.
  static func text(_ url: URL) throws -> String {
    let output = try run("pdftotext", ["-enc", "UTF-8", url.path, "-"]).output
    return String(decoding: output, as: UTF8.self).unicodeScalars
      .filter { !(0x202A...0x202E).contains($0.value) && !(0x2066...0x2069).contains($0.value) }
      .reduce(into: "") { $0.unicodeScalars.append($1) }
  }

  /// Dark pixels (below half grey) in a rectangle of the page rendered at 72 dpi, given in
  /// PDF points from the bottom-left corner like the drawing calls.
  static func darkPixels(
    _ url: URL, x: Double, y: Double, width: Double, height: Double, pageHeight: Double = 595
  ) throws -> Int {
    let top = Int(pageHeight - y - height)
    let arguments = [
      "-r", "72", "-gray", "-x", "\(Int(x))", "-y", "\(top)", "-W", "\(Int(width))", "-H",
      "\(Int(height))", "-singlefile", url.path,
    ]
    let image = [UInt8](try run("pdftoppm", arguments).output)
    // PGM (P5): magic, width, height, maximum, each followed by one whitespace byte.
    var fields = 0
    var index = 0
    while fields < 4 && index < image.count {
      while index < image.count && image[index] != 0x20 && image[index] != 0x0A { index += 1 }
      fields += 1
      index += 1
    }
    guard index <= image.count else { return 0 }
    return image[index...].filter { $0 < 128 }.count
  }
}
