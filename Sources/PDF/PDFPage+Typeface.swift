/// Text in any script the shipped fonts cover, drawn with embedded subsets of them.
extension PDFPage {
  /// Draws one line of `text` with its start (or centre, or end) at `x` and its baseline at
  /// `y`. Arabic is shaped and right-to-left runs are drawn in visual order, with a ToUnicode
  /// map that lets readers give the text back in reading order. Characters no shipped font
  /// has leave a blank (no `?`, no empty boxes) but stay in the extracted text, in an
  /// /ActualText span; check for them beforehand with `PDFTypeface.missingCharacters(in:)`. With `visible: false` nothing is painted at all
  /// but the text is still there for search, copy and screen readers.
  public mutating func text(
    _ text: String, x: Double, y: Double, typeface: PDFTypeface, size: Double = 12,
    color: PDFColor = .black, alignment: PDFTextAlignment = .left,
    direction: PDFTextDirection = .auto, visible: Bool = true
  ) {
    guard PDFTypeface.isAvailable else {
      // Without the font files (a broken install) the standard fonts still print Latin text.
      if visible {
        self.text(
          text, x: x, y: y, font: typeface.standardFont, size: size, color: color,
          alignment: alignment)
      }
      return
    }
    let line = TextShaper.layout(text, typeface: typeface, direction: direction)
    let width = line.width(size: size)
    let startX =
      switch alignment {
      case .left: x
      case .center: x - width / 2
      case .right: x - width
      }
    let faces = FontLibrary.shared.faces
    let mode = visible ? 0 : 3
    append("q BT \(mode) Tr \(color.operands) rg ")
    append("\(PDFNumber.format(startX)) \(PDFNumber.format(y)) Td")
    for run in line.runs where !run.glyphs.isEmpty && run.face < faces.count {
      append(" /E\(run.face) \(PDFNumber.format(size)) Tf ")
      if let actualText = run.actualText {
        append("/Span << /ActualText \(PDFText.unicodeHex(actualText)) >> BDC ")
      }
      if run.invisible { append("3 Tr ") }
      appendGlyphs(face: run.face, run.glyphs.map(\.glyph))
      append(" Tj")
      if run.invisible { append(" \(mode) Tr") }
      if run.actualText != nil { append(" EMC") }
      for glyph in run.glyphs where glyphTexts[run.face]?[glyph.glyph] == nil {
        glyphTexts[run.face, default: [:]][glyph.glyph] = glyph.text
      }
    }
    append(" ET Q\n")
  }

  /// Draws one line of `text` centred on `centerX`.
  public mutating func centeredText(
    _ text: String, centerX: Double, y: Double, typeface: PDFTypeface, size: Double = 12,
    color: PDFColor = .black
  ) {
    self.text(
      text, x: centerX, y: y, typeface: typeface, size: size, color: color, alignment: .center)
  }

  /// Draws `text` wrapped to `width`, the first baseline at `y`, lines `leading` apart
  /// (default 1.25 × size). Returns the baseline where a following line would go.
  @discardableResult
  public mutating func paragraph(
    _ text: String, x: Double, y: Double, width: Double, typeface: PDFTypeface,
    size: Double = 12, leading: Double? = nil, color: PDFColor = .black,
    alignment: PDFTextAlignment = .left
  ) -> Double {
    wrapped(
      text, x: x, y: y, width: width, measure: typeface, size: size, leading: leading,
      alignment: alignment
    ) { page, line, anchor, baseline in
      page.text(
        line, x: anchor, y: baseline, typeface: typeface, size: size, color: color,
        alignment: alignment)
    }
  }
}
