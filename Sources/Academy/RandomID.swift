import Crypto

/// Identifiers that appear in URLs: 128 random bits, so nobody reaches another person's
/// record by counting.
enum RandomID {
  static func make() -> String {
    var rng = SystemRandomNumberGenerator()
    var bytes = [UInt8](repeating: 0, count: 16)
    for i in bytes.indices { bytes[i] = UInt8.random(in: 0...255, using: &rng) }
    return Hex.encode(bytes)
  }
}

/// One-time tokens (sessions, invites): 256 random bits; only their SHA-256 is stored.
public enum SecretToken {
  public static func make() -> String {
    var rng = SystemRandomNumberGenerator()
    var bytes = [UInt8](repeating: 0, count: 32)
    for i in bytes.indices { bytes[i] = UInt8.random(in: 0...255, using: &rng) }
    return base64url(bytes)
  }

  public static func hash(_ token: String) -> String {
    Hex.encode(SHA256.hash(token))
  }

  static func base64url(_ bytes: [UInt8]) -> String {
    let table = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".utf8)
    var out: [UInt8] = []
    var i = 0
    while i + 2 < bytes.count {
      let n = Int(bytes[i]) << 16 | Int(bytes[i + 1]) << 8 | Int(bytes[i + 2])
      out += [table[n >> 18 & 63], table[n >> 12 & 63], table[n >> 6 & 63], table[n & 63]]
      i += 3
    }
    let rest = bytes.count - i
    if rest == 1 {
      let n = Int(bytes[i]) << 16
      out += [table[n >> 18 & 63], table[n >> 12 & 63]]
    } else if rest == 2 {
      let n = Int(bytes[i]) << 16 | Int(bytes[i + 1]) << 8
      out += [table[n >> 18 & 63], table[n >> 12 & 63], table[n >> 6 & 63]]
    }
    return String(decoding: out, as: UTF8.self)
  }
}
