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

  /// The largest size up to `maximum` (in steps of 0.5 pt, not below `minimum`) at which
  /// `text` fits in `width` — for a learner's name that may be long.
  public func size(toFit text: String, width: Double, maximum: Double, minimum: Double = 6)
    -> Double
  {
    let atOne = self.width(of: text, size: 1)
    guard atOne > 0 else { return maximum }
    let fitting = (width / atOne * 2).rounded(.down) / 2
    return max(minimum, min(maximum, fitting))
  }

  /// `text` broken into lines no wider than `width` at `size`, at spaces; a word wider than a
  /// whole line is cut between characters. Explicit line breaks are kept.
  public func lines(wrapping text: String, width: Double, size: Double) -> [String] {
    var lines: [String] = []
    for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
      var current = ""
      for word in paragraph.split(separator: " ") {
        let candidate = current.isEmpty ? String(word) : current + " " + word
        if self.width(of: candidate, size: size) <= width {
          current = candidate
          continue
        }
        if !current.isEmpty { lines.append(current) }
        current = ""
        for character in word {
          let longer = current + String(character)
          if !current.isEmpty && self.width(of: longer, size: size) > width {
            lines.append(current)
            current = String(character)
          } else {
            current = longer
          }
        }
      }
      lines.append(current)
    }
    return lines
  }
}
