/// The one number parser for values from requests (form fields, query, headers). It returns
/// nil, never traps, never yields `nan` or an infinity, and keeps results inside the range a
/// caller gives, so arithmetic on them cannot overflow.
enum Numbers {
  /// Longer than this is not a number a person typed (and Double's parser stays cheap).
  static let maxLength = 64

  /// A decimal number: optional sign, digits with one `.` or `,` (the French decimal mark),
  /// optional exponent. Spaces (thousands separators) are ignored. `nan`, `inf`, hex floats
  /// and `1e309` (infinite once read) are nil, as is anything outside `range`.
  static func decimal(_ s: String?, in range: ClosedRange<Double>? = nil) -> Double? {
    guard let s, s.utf8.count <= maxLength * 4 else { return nil }
    var bytes: [UInt8] = []
    for b in s.utf8 {
      switch b {
      case UInt8(ascii: " "), 0x09: continue
      case UInt8(ascii: ","): bytes.append(UInt8(ascii: "."))
      case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "."), UInt8(ascii: "+"),
        UInt8(ascii: "-"), UInt8(ascii: "e"), UInt8(ascii: "E"):
        bytes.append(b)
      default: return nil
      }
    }
    guard !bytes.isEmpty, bytes.count <= maxLength,
      let v = Double(String(decoding: bytes, as: UTF8.self)), v.isFinite
    else { return nil }
    if let range, !range.contains(v) { return nil }
    return v
  }

  /// A whole number in `range`: optional `-`, ASCII digits only (no `+`, spaces or `_`).
  static func integer(_ s: String?, in range: ClosedRange<Int>) -> Int? {
    guard let s, !s.isEmpty, s.utf8.count <= 20 else { return nil }
    let digits = s.utf8.first == UInt8(ascii: "-") ? s.utf8.dropFirst() : s.utf8[...]
    guard !digits.isEmpty,
      digits.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }),
      let v = Int(s), range.contains(v)
    else { return nil }
    return v
  }
}
