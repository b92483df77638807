import Crypto

/// Identifiers that appear in URLs: 128 random bits, so nobody reaches another person's
/// record by counting.
enum RandomID {
  static func make() -> String {
    Token.random(byteCount: 16)
  }
}

/// One-time tokens (sessions, invites): 256 random bits; only their SHA-256 is stored.
public enum SecretToken {
  public static func make() -> String { Token.random(byteCount: 32) }
  public static func hash(_ token: String) -> String { Token.digest(token) }
}
