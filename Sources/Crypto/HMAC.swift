/// HMAC (RFC 2104) over SHA-256.
public enum HMAC {
  public static func sha256(key: [UInt8], message: [UInt8]) -> [UInt8] {
    HMACSHA256Key(key).authenticate(message)
  }

  public static func sha256(key: String, message: String) -> [UInt8] {
    sha256(key: Array(key.utf8), message: Array(message.utf8))
  }
}

/// A key with its inner and outer padded blocks already compressed, so each further message
/// costs no more than hashing the message (PBKDF2 relies on this).
struct HMACSHA256Key: Sendable {
  /// Hashers that have already absorbed `key ⊕ ipad` and `key ⊕ opad`.
  let inner: SHA256
  let outer: SHA256

  init(_ key: [UInt8]) {
    // Keys longer than a block are hashed first; shorter ones are padded with zeros.
    var block = key.count > SHA256.blockByteCount ? SHA256.hash(key) : key
    block.append(contentsOf: repeatElement(0, count: SHA256.blockByteCount - block.count))
    var inner = SHA256()
    inner.update(block.map { $0 ^ 0x36 })
    var outer = SHA256()
    outer.update(block.map { $0 ^ 0x5c })
    self.inner = inner
    self.outer = outer
  }

  func authenticate(_ message: [UInt8]) -> [UInt8] {
    var innerHasher = inner
    innerHasher.update(message)
    var outerHasher = outer
    outerHasher.update(innerHasher.finalize())
    return outerHasher.finalize()
  }
}
