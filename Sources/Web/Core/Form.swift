/// Decodes `application/x-www-form-urlencoded` text (bodies and query strings).
enum FormDecoding {
  static func decode(_ bytes: [UInt8]) -> [(String, String)] {
    var out: [(String, String)] = []
    for pair in bytes.split(separator: UInt8(ascii: "&"), omittingEmptySubsequences: true) {
      if let eq = pair.firstIndex(of: UInt8(ascii: "=")) {
        out.append((percentDecode(pair[pair.startIndex..<eq]), percentDecode(pair[(eq + 1)...])))
      } else {
        out.append((percentDecode(pair[...]), ""))
      }
    }
    return out
  }

  static func percentDecode(_ s: ArraySlice<UInt8>) -> String {
    var out: [UInt8] = []
    out.reserveCapacity(s.count)
    var i = s.startIndex
    while i < s.endIndex {
      let b = s[i]
      if b == UInt8(ascii: "+") {
        out.append(0x20)
      } else if b == UInt8(ascii: "%"), i + 2 < s.endIndex + 0, i + 2 <= s.endIndex - 1,
        let h = hex(s[i + 1]), let l = hex(s[i + 2])
      {
        out.append(h << 4 | l)
        i += 2
      } else {
        out.append(b)
      }
      i += 1
    }
    return String(decoding: out, as: UTF8.self)
  }

  private static func hex(_ b: UInt8) -> UInt8? {
    switch b {
    case 0x30...0x39: return b - 0x30
    case 0x41...0x46: return b - 0x37
    case 0x61...0x66: return b - 0x57
    default: return nil
    }
  }
}

/// Form fields by name; repeated names (checkboxes) keep every value.
public struct FormFields: Sendable {
  public var pairs: [(String, String)]

  public init(_ pairs: [(String, String)]) { self.pairs = pairs }

  public subscript(_ name: String) -> String? { pairs.first { $0.0 == name }?.1 }
  public func all(_ name: String) -> [String] { pairs.filter { $0.0 == name }.map(\.1) }
}
