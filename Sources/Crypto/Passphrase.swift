/// Staff passphrases, stored as `pbkdf2-sha256$ITERATIONS$SALT$HASH` where SALT (16 random
/// bytes) and HASH (32 bytes) are base64url without padding. The string says how it was made,
/// so the iteration count can be raised later without invalidating stored passphrases.
public enum Passphrase {
  /// OWASP's 2023 recommendation for PBKDF2-HMAC-SHA256.
  public static let defaultIterations = 210_000
  public static let minimumLength = 12
  static let scheme = "pbkdf2-sha256"
  static let saltByteCount = 16
  static let hashByteCount = 32
  /// A stored string asking for more is treated as corrupt rather than hashed for minutes.
  static let maximumIterations = 10_000_000

  /// The message key of the first rule `passphrase` breaks, or nil if it is acceptable.
  /// Length counts characters as a person sees them (so "é" is one).
  public static func validate(_ passphrase: String) -> String? {
    passphrase.count < minimumLength ? "passphrase.tooShort" : nil
  }

  /// A new stored string with a fresh random salt.
  public static func hash(_ passphrase: String, iterations: Int = defaultIterations) -> String {
    precondition((1...maximumIterations).contains(iterations), "iterations out of range")
    let salt = randomBytes(count: saltByteCount)
    let derived = PBKDF2.sha256(
      password: passphrase, salt: salt, iterations: iterations, keyLength: hashByteCount)
    return [scheme, String(iterations), Base64URL.encode(salt), Base64URL.encode(derived)]
      .joined(separator: "$")
  }

  /// True when `passphrase` produces the stored hash. The final comparison takes the same time
  /// whatever the bytes; a malformed stored string is false.
  public static func verify(_ passphrase: String, stored: String) -> Bool {
    guard let parsed = Stored(stored) else { return false }
    let derived = PBKDF2.sha256(
      password: passphrase, salt: parsed.salt, iterations: parsed.iterations,
      keyLength: parsed.hash.count)
    return constantTimeEqual(derived, parsed.hash)
  }

  /// True when `stored` was made with fewer iterations than `iterations` (or cannot be read),
  /// so the caller should re-hash after the next successful sign-in.
  public static func needsRehash(_ stored: String, iterations: Int = defaultIterations) -> Bool {
    guard let parsed = Stored(stored) else { return true }
    return parsed.iterations < iterations
  }

  private struct Stored {
    let iterations: Int
    let salt: [UInt8]
    let hash: [UInt8]

    init?(_ text: String) {
      let parts = text.split(separator: "$", omittingEmptySubsequences: false)
      guard parts.count == 4, parts[0] == Passphrase.scheme,
        let iterations = Int(parts[1]), (1...Passphrase.maximumIterations).contains(iterations),
        let salt = Base64URL.decode(String(parts[2])), !salt.isEmpty,
        let hash = Base64URL.decode(String(parts[3])), hash.count == Passphrase.hashByteCount
      else { return nil }
      self.iterations = iterations
      self.salt = salt
      self.hash = hash
    }
  }
}
