/// What sizes and breaks text: the standard Type1 fonts and the embedded typefaces alike.
/// Fitting a long name and wrapping a line only need the width of a string.
public protocol TextMeasuring {
  func width(of text: String, size: Double) -> Double
}

extension PDFFont: TextMeasuring {}
extension PDFTypeface: TextMeasuring {}

extension TextMeasuring {
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
