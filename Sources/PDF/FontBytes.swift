/// Big-endian reads over a font file that never trap: a read past the end gives 0, so a
/// damaged font draws nothing rather than crashing the server.
struct FontBytes: Sendable {
  let bytes: [UInt8]

  init(_ bytes: [UInt8]) { self.bytes = bytes }

  var count: Int { bytes.count }

  func u8(_ offset: Int) -> UInt8 {
    offset >= 0 && offset < bytes.count ? bytes[offset] : 0
  }

  func u16(_ offset: Int) -> UInt16 {
    UInt16(u8(offset)) << 8 | UInt16(u8(offset + 1))
  }

  func i16(_ offset: Int) -> Int16 { Int16(bitPattern: u16(offset)) }

  func u32(_ offset: Int) -> UInt32 {
    UInt32(u16(offset)) << 16 | UInt32(u16(offset + 2))
  }

  func tag(_ offset: Int) -> String {
    String(decoding: (0..<4).map { u8(offset + $0) }, as: UTF8.self)
  }

  /// The bytes of `range`, clamped to the file.
  func slice(_ start: Int, _ length: Int) -> ArraySlice<UInt8> {
    let lower = min(max(start, 0), bytes.count)
    let upper = min(max(lower + max(length, 0), lower), bytes.count)
    return bytes[lower..<upper]
  }
}

/// Appends big-endian values while building a font file.
extension [UInt8] {
  mutating func appendU16(_ value: UInt16) {
    append(UInt8(value >> 8))
    append(UInt8(value & 0xFF))
  }

  mutating func appendU32(_ value: UInt32) {
    appendU16(UInt16(value >> 16))
    appendU16(UInt16(value & 0xFFFF))
  }

  mutating func setU16(_ value: UInt16, at offset: Int) {
    guard offset >= 0, offset + 1 < count else { return }
    self[offset] = UInt8(value >> 8)
    self[offset + 1] = UInt8(value & 0xFF)
  }

  mutating func setU32(_ value: UInt32, at offset: Int) {
    setU16(UInt16(value >> 16), at: offset)
    setU16(UInt16(value & 0xFFFF), at: offset + 2)
  }
}
