/// A page size in points (1/72 inch).
public struct PDFPageSize: Sendable, Hashable {
  public var width: Double
  public var height: Double

  public init(width: Double, height: Double) {
    self.width = width
    self.height = height
  }

  public static let a4Portrait = PDFPageSize(width: 595, height: 842)
  public static let a4Landscape = PDFPageSize(width: 842, height: 595)
}

/// Horizontal placement of a line of text relative to its x coordinate.
public enum PDFTextAlignment: Sendable {
  case left, center, right
}

/// One page being drawn. Coordinates are PDF's own: points from the bottom-left corner, y
/// upwards; the y of text is its baseline.
///
/// Each drawing call saves and restores the graphics state, so colours and line widths never
/// leak from one call into the next.
public struct PDFPage: Sendable {
  public let size: PDFPageSize
  /// The content stream so far: operators, and glyph ids of embedded fonts, which become
  /// the subset's ids only when the document is written (`rendered(cids:)`).
  private(set) var pieces: [ContentPiece] = []
  /// Operators written since the last glyphs, not yet in `pieces`.
  private var tail: [UInt8] = []
  /// The standard fonts this page uses, for its resource dictionary.
  private(set) var fonts: Set<PDFFont> = []
  /// Embedded face → glyph → the text it stands for (for the subset and its ToUnicode map).
  var glyphTexts: [Int: [UInt16: String]] = [:]

  enum ContentPiece: Sendable {
    case bytes([UInt8])
    case glyphs(face: Int, [UInt16])
  }

  /// The content stream with glyphs written under their ids in the full font.
  var content: [UInt8] { rendered { _, glyph in glyph } }

  /// The content stream, each glyph written as the hex CID `cid(face, glyph)` gives.
  func rendered(cids cid: (Int, UInt16) -> UInt16) -> [UInt8] {
    var out: [UInt8] = []
    let digits = Array("0123456789ABCDEF".utf8)
    for piece in pieces {
      switch piece {
      case .bytes(let bytes): out += bytes
      case .glyphs(let face, let glyphs):
        out.append(UInt8(ascii: "<"))
        for glyph in glyphs {
          let code = cid(face, glyph)
          for shift in [12, 8, 4, 0] { out.append(digits[Int(code >> UInt16(shift)) & 0xF]) }
        }
        out.append(UInt8(ascii: ">"))
      }
    }
    return out + tail
  }

  public init(size: PDFPageSize = .a4Landscape) {
    self.size = size
  }

  public var width: Double { size.width }
  public var height: Double { size.height }

  /// Draws one line of `text` with its start (or centre, or end) at `x` and its baseline at `y`.
  public mutating func text(
    _ text: String, x: Double, y: Double, font: PDFFont = .helvetica, size: Double = 12,
    color: PDFColor = .black, alignment: PDFTextAlignment = .left
  ) {
    let encoded = WinAnsi.encode(text)
    let width = font.width(ofEncoded: encoded, size: size)
    let startX =
      switch alignment {
      case .left: x
      case .center: x - width / 2
      case .right: x - width
      }
    fonts.insert(font)
    append("q BT /\(font.resourceName) \(PDFNumber.format(size)) Tf \(color.operands) rg ")
    append("\(PDFNumber.format(startX)) \(PDFNumber.format(y)) Td ")
    appendLiteralString(encoded)
    append(" Tj ET Q\n")
  }

  /// Draws one line of `text` centred on `centerX`.
  public mutating func centeredText(
    _ text: String, centerX: Double, y: Double, font: PDFFont = .helvetica, size: Double = 12,
    color: PDFColor = .black
  ) {
    self.text(text, x: centerX, y: y, font: font, size: size, color: color, alignment: .center)
  }

  /// Draws `text` wrapped to `width`, the first baseline at `y`, lines `leading` apart
  /// (default 1.25 × size). With `.center`, lines are centred on `x + width / 2`.
  /// Returns the baseline where a following line would go.
  @discardableResult
  public mutating func paragraph(
    _ text: String, x: Double, y: Double, width: Double, font: PDFFont = .helvetica,
    size: Double = 12, leading: Double? = nil, color: PDFColor = .black,
    alignment: PDFTextAlignment = .left
  ) -> Double {
    wrapped(
      text, x: x, y: y, width: width, measure: font, size: size, leading: leading,
      alignment: alignment
    ) { page, line, anchor, baseline in
      page.text(
        line, x: anchor, y: baseline, font: font, size: size, color: color, alignment: alignment)
    }
  }

  /// Lines of `text` wrapped to `width`, each drawn by `draw` at its anchor (left, centre or
  /// right edge, as `alignment` says) and baseline; returns the baseline after the last.
  mutating func wrapped(
    _ text: String, x: Double, y: Double, width: Double, measure: some TextMeasuring,
    size: Double, leading: Double?, alignment: PDFTextAlignment,
    draw: (inout PDFPage, String, Double, Double) -> Void
  ) -> Double {
    let step = leading ?? size * 1.25
    let anchor =
      switch alignment {
      case .left: x
      case .center: x + width / 2
      case .right: x + width
      }
    var baseline = y
    for line in measure.lines(wrapping: text, width: width, size: size) {
      draw(&self, line, anchor, baseline)
      baseline -= step
    }
    return baseline
  }

  /// A straight line.
  public mutating func line(
    x1: Double, y1: Double, x2: Double, y2: Double, width: Double = 1, color: PDFColor = .black
  ) {
    append("q \(PDFNumber.format(width)) w \(color.operands) RG ")
    append("\(PDFNumber.format(x1)) \(PDFNumber.format(y1)) m ")
    append("\(PDFNumber.format(x2)) \(PDFNumber.format(y2)) l S Q\n")
  }

  /// A rectangle from its bottom-left corner, filled, stroked, or both.
  public mutating func rect(
    x: Double, y: Double, width: Double, height: Double, fill: PDFColor? = nil,
    stroke: PDFColor? = .black, lineWidth: Double = 1
  ) {
    guard fill != nil || stroke != nil else { return }
    append("q ")
    if let fill { append("\(fill.operands) rg ") }
    if let stroke { append("\(stroke.operands) RG \(PDFNumber.format(lineWidth)) w ") }
    append(
      "\(PDFNumber.format(x)) \(PDFNumber.format(y)) \(PDFNumber.format(width)) "
        + "\(PDFNumber.format(height)) re ")
    let paint = fill == nil ? "S" : (stroke == nil ? "f" : "B")
    append("\(paint) Q\n")
  }

  mutating func append(_ text: String) {
    appendBytes(Array(text.utf8))
  }

  mutating func appendBytes(_ bytes: [UInt8]) {
    tail += bytes
  }

  mutating func appendGlyphs(face: Int, _ glyphs: [UInt16]) {
    if !tail.isEmpty { pieces.append(.bytes(tail)) }
    tail = []
    pieces.append(.glyphs(face: face, glyphs))
  }

  /// A literal string `( … )`; parentheses and backslashes are escaped, as are CR and LF,
  /// which a reader would otherwise normalise.
  private mutating func appendLiteralString(_ bytes: [UInt8]) {
    var content: [UInt8] = [UInt8(ascii: "(")]
    for byte in bytes {
      switch byte {
      case UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "\\"):
        content += [UInt8(ascii: "\\"), byte]
      case 0x0D: content += Array("\\r".utf8)
      case 0x0A: content += Array("\\n".utf8)
      default: content.append(byte)
      }
    }
    content.append(UInt8(ascii: ")"))
    appendBytes(content)
  }
}
