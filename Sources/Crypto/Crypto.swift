/// Hashing and secrets written here (no packages): SHA-256, HMAC-SHA-256, PBKDF2-HMAC-SHA256,
/// random tokens, constant-time comparison. (Contract; implementation in sibling files.)
public enum SHA256 {
  public static func hash(_ bytes: [UInt8]) -> [UInt8] { fatalError("SHA256 not implemented yet") }
  public static func hash(_ s: String) -> [UInt8] { hash(Array(s.utf8)) }
}
