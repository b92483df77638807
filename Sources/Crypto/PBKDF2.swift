/// PBKDF2 (RFC 8018 §5.2) with HMAC-SHA-256 as the pseudorandom function.
public enum PBKDF2 {
  /// Derives `keyLength` bytes. `iterations` and `keyLength` must be at least 1.
  public static func sha256(
    password: [UInt8], salt: [UInt8], iterations: Int, keyLength: Int
  ) -> [UInt8] {
    precondition(iterations >= 1, "PBKDF2 needs at least one iteration")
    precondition(keyLength >= 1, "PBKDF2 needs a positive key length")
    let key = HMACSHA256Key(password)
    var derived: [UInt8] = []
    derived.reserveCapacity(keyLength)
    var blockIndex: UInt32 = 1
    while derived.count < keyLength {
      let block = derivedBlock(key: key, salt: salt, index: blockIndex, iterations: iterations)
      derived.append(contentsOf: block.prefix(keyLength - derived.count))
      blockIndex += 1
    }
    return derived
  }

  public static func sha256(
    password: String, salt: [UInt8], iterations: Int, keyLength: Int
  ) -> [UInt8] {
    sha256(password: Array(password.utf8), salt: salt, iterations: iterations, keyLength: keyLength)
  }

  /// T_i = U_1 ⊕ U_2 ⊕ … ⊕ U_c.
  ///
  /// From U_2 on, every HMAC input is one 32-byte digest, so the inner and the outer hash are
  /// each exactly one more compression of the precomputed padded states, with a fixed padding.
  /// Working directly on words avoids all byte conversion and allocation in the loop.
  private static func derivedBlock(
    key: HMACSHA256Key, salt: [UInt8], index: UInt32, iterations: Int
  ) -> [UInt8] {
    let first = key.authenticate(
      salt + [
        UInt8(truncatingIfNeeded: index >> 24), UInt8(truncatingIfNeeded: index >> 16),
        UInt8(truncatingIfNeeded: index >> 8), UInt8(truncatingIfNeeded: index),
      ])
    guard iterations > 1 else { return first }
    let innerStart = key.inner.state
    let outerStart = key.outer.state
    return withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 24) { buffer in
      let message = buffer.baseAddress!  // 16 words: the digest, then fixed padding
      let total = message + 16  // 8 words: the running XOR
      for i in 0..<8 {
        let word =
          UInt32(first[4 * i]) << 24 | UInt32(first[4 * i + 1]) << 16
          | UInt32(first[4 * i + 2]) << 8 | UInt32(first[4 * i + 3])
        message[i] = word
        total[i] = word
      }
      // Padding of a 32-byte message that follows one 64-byte block: 0x80, zeros, and the
      // length (64 + 32) × 8 = 768 bits.
      message[8] = 0x8000_0000
      for i in 9..<15 { message[i] = 0 }
      message[15] = 768
      for _ in 1..<iterations {
        var inner = innerStart
        inner.compress(words: message)
        inner.store(into: message)
        var outer = outerStart
        outer.compress(words: message)
        outer.store(into: message)
        for i in 0..<8 { total[i] ^= message[i] }
      }
      var out: [UInt8] = []
      out.reserveCapacity(SHA256.digestByteCount)
      for i in 0..<8 {
        let word = total[i]
        out += [
          UInt8(truncatingIfNeeded: word >> 24), UInt8(truncatingIfNeeded: word >> 16),
          UInt8(truncatingIfNeeded: word >> 8), UInt8(truncatingIfNeeded: word),
        ]
      }
      return out
    }
  }
}

extension SHA256.State {
  /// Writes H0…H7 into the first eight words at `words`.
  fileprivate func store(into words: UnsafeMutablePointer<UInt32>) {
    words[0] = h0
    words[1] = h1
    words[2] = h2
    words[3] = h3
    words[4] = h4
    words[5] = h5
    words[6] = h6
    words[7] = h7
  }
}
