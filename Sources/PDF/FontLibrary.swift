import Foundation

/// The fonts shipped in `Sources/PDF/Fonts` (Noto, SIL OFL — see OFL.txt there), read once.
///
/// Each typeface is a list of faces tried in order for every character: Noto Sans covers
/// Latin (all European and Vietnamese diacritics), Cyrillic and Greek; the others one script
/// each. Scripts none of them covers (Khmer, Thai, Devanagari, CJK…) are reported by
/// `PDFTypeface.missingCharacters(in:)` so the caller decides what to print instead.
final class FontLibrary: Sendable {
  static let shared = FontLibrary(directory: FontLibrary.findDirectory())

  /// File stems per typeface, in fallback order.
  static let families = [
    "NotoSans", "NotoSansArabic", "NotoSansHebrew", "NotoSansArmenian", "NotoSansGeorgian",
    "NotoSansEthiopic", "NotoSansMyanmar",
  ]

  let faces: [TrueTypeFont]
  let regular: [Int]
  let bold: [Int]

  init(directory: URL?) {
    var faces: [TrueTypeFont] = []
    var regular: [Int] = []
    var bold: [Int] = []
    for weight in ["Regular", "Bold"] {
      for family in Self.families {
        let name = "\(family)-\(weight)"
        guard let directory,
          let data = try? Data(contentsOf: directory.appendingPathComponent("\(name).ttf")),
          let font = TrueTypeFont(name: name, bytes: Array(data))
        else { continue }
        if weight == "Regular" { regular.append(faces.count) } else { bold.append(faces.count) }
        faces.append(font)
      }
    }
    self.faces = faces
    self.regular = regular
    // A missing bold file falls back to the regular faces rather than to nothing.
    self.bold = bold.isEmpty ? regular : bold
  }

  /// Where the fonts are: `RELAIS_FONTS` if set; the resource bundle SwiftPM copies next to
  /// the executable (a deployed binary); else the source tree (`swift run`, `swift test`).
  static func findDirectory() -> URL? {
    var candidates: [URL] = []
    if let path = ProcessInfo.processInfo.environment["RELAIS_FONTS"], !path.isEmpty {
      candidates.append(URL(fileURLWithPath: path))
    }
    var executableDirectories = [Bundle.main.bundleURL]
    if let executable = Bundle.main.executableURL {
      executableDirectories.append(executable.deletingLastPathComponent())
    }
    for directory in executableDirectories {
      for bundle in ["Relais_PDF.resources", "Relais_PDF.bundle"] {
        candidates.append(
          directory.appendingPathComponent(bundle).appendingPathComponent("Fonts"))
      }
    }
    candidates.append(
      URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
        "Fonts"))
    return candidates.first {
      FileManager.default.fileExists(atPath: $0.appendingPathComponent("NotoSans-Regular.ttf").path)
    }
  }
}

/// The look of embedded text. Every script the shipped fonts cover is drawn in the matching
/// Noto face of this weight.
public enum PDFTypeface: Sendable, Hashable {
  case regular, bold

  var faces: [Int] {
    switch self {
    case .regular: FontLibrary.shared.regular
    case .bold: FontLibrary.shared.bold
    }
  }

  /// Whether the shipped fonts could be read; without them text falls back to the standard
  /// (Latin-only) fonts.
  public static var isAvailable: Bool { !FontLibrary.shared.regular.isEmpty }

  /// The standard font used when the font files are missing.
  var standardFont: PDFFont { self == .bold ? .helveticaBold : .helvetica }

  /// Width in points of `text` set at `size`, as `PDFPage.text(_:typeface:)` draws it.
  public func width(of text: String, size: Double) -> Double {
    guard Self.isAvailable else { return standardFont.width(of: text, size: size) }
    return TextShaper.layout(text, typeface: self, direction: .auto).width(size: size)
  }

  /// The characters of `text` that no shipped font can draw (in order, without repeats).
  public func missingCharacters(in text: String) -> [Character] {
    guard Self.isAvailable else {
      return text.filter { WinAnsi.byte(for: $0) == nil && !$0.isNewline }.reduce(into: []) {
        if !$0.contains($1) { $0.append($1) }
      }
    }
    return TextShaper.layout(text, typeface: self, direction: .auto).missing
  }
}
