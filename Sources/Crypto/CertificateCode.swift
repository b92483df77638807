/// Public certificate codes such as `RLX-7KQ4-M2PD`, read aloud, typed from paper or a phone.
///
/// The alphabet leaves out 0, O, 1, I and L, which people confuse; that leaves 31 symbols, so
/// the 8 random symbols carry 8 × log2(31) ≈ 39.6 bits (31^8 ≈ 8.5 × 10^11 codes).
public enum CertificateCode {
  public static let prefix = "RLX"
  public static let symbolCount = 8
  static let alphabet = Array("23456789ABCDEFGHJKMNPQRSTUVWXYZ".utf8)

  /// A new code from the system's cryptographic generator (uniform over the alphabet).
  public static func random() -> String {
    var generator = SystemRandomNumberGenerator()
    let symbols = (0..<symbolCount).map { _ in alphabet.randomElement(using: &generator)! }
    return format(symbols)
  }

  /// The canonical code for what someone typed, or nil if it cannot be one.
  ///
  /// Case, spaces and dashes don't matter and the prefix may be left out: "rlx 7kq4 m2pd",
  /// "7KQ4M2PD" and "RLX-7KQ4-M2PD" are the same code. The confusable characters 0 O 1 I L are
  /// never in a code, and each could stand for more than one symbol, so they are not guessed:
  /// the code is rejected.
  public static func normalize(_ typed: String) -> String? {
    let separators: Set<Character> = ["-", "‐", "‑", "–", "—", "_", "."]
    var symbols: [UInt8] = []
    for character in typed where !character.isWhitespace && !separators.contains(character) {
      guard let ascii = character.asciiValue else { return nil }
      symbols.append(ascii >= UInt8(ascii: "a") && ascii <= UInt8(ascii: "z") ? ascii - 32 : ascii)
    }
    let prefixBytes = Array(prefix.utf8)
    if symbols.count == prefixBytes.count + symbolCount, symbols.starts(with: prefixBytes) {
      symbols.removeFirst(prefixBytes.count)
    }
    guard symbols.count == symbolCount, symbols.allSatisfy(alphabet.contains) else { return nil }
    return format(symbols)
  }

  private static func format(_ symbols: [UInt8]) -> String {
    let half = symbolCount / 2
    return prefix + "-" + String(decoding: symbols[..<half], as: UTF8.self) + "-"
      + String(decoding: symbols[half...], as: UTF8.self)
  }
}
