/// An RGB colour, each component from 0 to 1.
public struct PDFColor: Sendable, Hashable {
  public var red: Double
  public var green: Double
  public var blue: Double

  public init(red: Double, green: Double, blue: Double) {
    self.red = min(max(red, 0), 1)
    self.green = min(max(green, 0), 1)
    self.blue = min(max(blue, 0), 1)
  }

  /// From a CSS-style 0xRRGGBB value, so colours match the web pages' palette.
  public init(hex: UInt32) {
    self.init(
      red: Double((hex >> 16) & 0xFF) / 255, green: Double((hex >> 8) & 0xFF) / 255,
      blue: Double(hex & 0xFF) / 255)
  }

  public static let black = PDFColor(red: 0, green: 0, blue: 0)
  public static let white = PDFColor(red: 1, green: 1, blue: 1)
  public static let gray = PDFColor(red: 0.5, green: 0.5, blue: 0.5)

  /// The operands of `rg`/`RG`.
  var operands: String {
    "\(PDFNumber.format(red)) \(PDFNumber.format(green)) \(PDFNumber.format(blue))"
  }
}
