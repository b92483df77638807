/// Reads the pixel size of a PNG, GIF, JPEG or SVG from its bytes, so lesson images get
/// `width`/`height` and the page doesn't jump while they load.
enum ImageSize {
  static func of(_ b: [UInt8]) -> (width: Int, height: Int)? {
    if b.count >= 24, b[0] == 0x89, b[1] == 0x50, b[2] == 0x4E, b[3] == 0x47 {
      return (be32(b, 16), be32(b, 20))
    }
    if b.count >= 10, b[0] == 0x47, b[1] == 0x49, b[2] == 0x46 {
      return (Int(b[6]) | Int(b[7]) << 8, Int(b[8]) | Int(b[9]) << 8)
    }
    if b.count >= 4, b[0] == 0xFF, b[1] == 0xD8 { return jpeg(b) }
    if let svg = String(validating: b.prefix(2048), as: UTF8.self), svg.contains("<svg") {
      return svgSize(svg)
    }
    return nil
  }

  private static func be32(_ b: [UInt8], _ i: Int) -> Int {
    Int(b[i]) << 24 | Int(b[i + 1]) << 16 | Int(b[i + 2]) << 8 | Int(b[i + 3])
  }

  private static func jpeg(_ b: [UInt8]) -> (Int, Int)? {
    var i = 2
    while i + 9 < b.count {
      guard b[i] == 0xFF else { return nil }
      let marker = b[i + 1]
      let length = Int(b[i + 2]) << 8 | Int(b[i + 3])
      // SOF0…SOF15 except DHT (C4), JPG (C8) and DAC (CC) carry the frame size.
      if (0xC0...0xCF).contains(marker) && ![0xC4, 0xC8, 0xCC].contains(marker) {
        let h = Int(b[i + 5]) << 8 | Int(b[i + 6])
        let w = Int(b[i + 7]) << 8 | Int(b[i + 8])
        return (w, h)
      }
      i += 2 + length
    }
    return nil
  }

  private static func svgSize(_ s: String) -> (Int, Int)? {
    func attr(_ name: String) -> Int? {
      guard let r = s.range(of: " \(name)=\"") else { return nil }
      let digits = s[r.upperBound...].prefix { $0.isNumber || $0 == "." }
      return Double(digits).map { Int($0) }
    }
    if let w = attr("width"), let h = attr("height") { return (w, h) }
    return nil
  }
}
