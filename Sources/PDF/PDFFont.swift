/// The standard fonts. They are not embedded (every reader has them), so a document stays a
/// few kilobytes, but text uses WinAnsiEncoding: Latin-1 only, `?` for anything else. For
/// names and text in other scripts, draw with a `PDFTypeface` instead.
public enum PDFFont: String, Sendable, CaseIterable {
  case helvetica = "Helvetica"
  case helveticaBold = "Helvetica-Bold"
  case helveticaOblique = "Helvetica-Oblique"
  case timesRoman = "Times-Roman"

  /// The PostScript name written as /BaseFont.
  public var baseFont: String { rawValue }

  /// The name of the font in each page's resources.
  var resourceName: String {
    switch self {
    case .helvetica: "F1"
    case .helveticaBold: "F2"
    case .helveticaOblique: "F3"
    case .timesRoman: "F4"
    }
  }

  private var widths: [UInt16] {
    switch self {
    case .helvetica, .helveticaOblique: FontWidths.helvetica
    case .helveticaBold: FontWidths.helveticaBold
    case .timesRoman: FontWidths.timesRoman
    }
  }

  /// Width in points of `text` drawn at `size`, exactly as `PDFPage.text` draws it (same
  /// encoding and replacements; no kerning on either side).
  public func width(of text: String, size: Double) -> Double {
    width(ofEncoded: WinAnsi.encode(text), size: size)
  }

  func width(ofEncoded bytes: [UInt8], size: Double) -> Double {
    let table = widths
    var thousandths = 0
    for byte in bytes where byte >= 32 { thousandths += Int(table[Int(byte) - 32]) }
    return Double(thousandths) * size / 1000
  }
}
