/// Random secrets for links and cookies (invites, sessions, CSRF).
public enum Token {
  /// `byteCount` bytes from the system's cryptographic generator, as base64url without padding
  /// (32 bytes give 43 characters and 256 bits).
  public static func random(byteCount: Int = 32) -> String {
    Base64URL.encode(randomBytes(count: byteCount))
  }

  /// What the database keeps instead of a token: its SHA-256, in hex. A leaked table then
  /// cannot be replayed as cookies or invite links.
  public static func digest(_ token: String) -> String {
    Hex.encode(SHA256.hash(token))
  }
}

/// Bytes from the kernel's cryptographic generator (see `RandomPool`).
func randomBytes(count: Int) -> [UInt8] {
  RandomPool.bytes(count: count)
}
