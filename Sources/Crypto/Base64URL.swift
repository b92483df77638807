/// Base64 with the URL- and filename-safe alphabet (RFC 4648 §5) and no `=` padding, as used in
/// tokens that travel in links and cookies.
public enum Base64URL {
  private static let alphabet = Array(
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".utf8)

  public static func encode(_ bytes: [UInt8]) -> String {
    var out: [UInt8] = []
    out.reserveCapacity((bytes.count * 4 + 2) / 3)
    var i = 0
    while i + 3 <= bytes.count {
      let n = UInt32(bytes[i]) &<< 16 | UInt32(bytes[i + 1]) &<< 8 | UInt32(bytes[i + 2])
      // One byte at a time: an array literal here cost an allocation per three bytes.
      out.append(symbol(n &>> 18))
      out.append(symbol(n &>> 12))
      out.append(symbol(n &>> 6))
      out.append(symbol(n))
      i += 3
    }
    switch bytes.count - i {
    case 1:
      let n = UInt32(bytes[i]) &<< 16
      out.append(symbol(n &>> 18))
      out.append(symbol(n &>> 12))
    case 2:
      let n = UInt32(bytes[i]) &<< 16 | UInt32(bytes[i + 1]) &<< 8
      out.append(symbol(n &>> 18))
      out.append(symbol(n &>> 12))
      out.append(symbol(n &>> 6))
    default: break
    }
    return String(decoding: out, as: UTF8.self)
  }

  /// nil for padding, characters outside the alphabet, an impossible length, or leftover bits
  /// that are not zero — so each byte string has exactly one accepted spelling.
  public static func decode(_ text: String) -> [UInt8]? {
    let chars = Array(text.utf8)
    guard chars.count % 4 != 1 else { return nil }
    var out: [UInt8] = []
    out.reserveCapacity(chars.count * 3 / 4)
    var accumulator: UInt32 = 0
    var bits = 0
    for c in chars {
      guard let v = value(c) else { return nil }
      accumulator = accumulator &<< 6 | UInt32(v)
      bits += 6
      if bits >= 8 {
        bits -= 8
        out.append(UInt8(truncatingIfNeeded: accumulator &>> UInt32(bits)))
        accumulator &= (1 &<< UInt32(bits)) &- 1
      }
    }
    guard accumulator == 0 else { return nil }
    return out
  }

  private static func symbol(_ n: UInt32) -> UInt8 { alphabet[Int(n & 0x3f)] }

  private static func value(_ c: UInt8) -> UInt8? {
    switch c {
    case UInt8(ascii: "A")...UInt8(ascii: "Z"): c - UInt8(ascii: "A")
    case UInt8(ascii: "a")...UInt8(ascii: "z"): c - UInt8(ascii: "a") + 26
    case UInt8(ascii: "0")...UInt8(ascii: "9"): c - UInt8(ascii: "0") + 52
    case UInt8(ascii: "-"): 62
    case UInt8(ascii: "_"): 63
    default: nil
    }
  }
}
