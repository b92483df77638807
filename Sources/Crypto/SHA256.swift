/// SHA-256 (FIPS 180-4), written here because Relais takes no packages.
///
/// One-shot: `SHA256.hash(bytes)`. Incremental: `var h = SHA256(); h.update(a); h.update(b);
/// h.finalize()`. The compression works on words in unsafe buffers so that PBKDF2's hundreds
/// of thousands of compressions stay fast even in debug builds.
public struct SHA256: Sendable {
  public static let digestByteCount = 32
  public static let blockByteCount = 64

  var state = State.initial
  /// Bytes waiting for a full 64-byte block (always fewer than 64).
  private var pending: [UInt8] = []
  private var byteCount: UInt64 = 0

  public init() { pending.reserveCapacity(Self.blockByteCount) }

  public static func hash(_ bytes: [UInt8]) -> [UInt8] {
    var hasher = SHA256()
    hasher.update(bytes)
    return hasher.finalize()
  }

  public static func hash(_ s: String) -> [UInt8] { hash(Array(s.utf8)) }

  public mutating func update(_ bytes: [UInt8]) {
    bytes.withUnsafeBytes { update($0) }
  }

  public mutating func update(_ string: String) { update(Array(string.utf8)) }

  public mutating func update(_ bytes: UnsafeRawBufferPointer) {
    byteCount &+= UInt64(bytes.count)
    var rest = bytes[...]
    if !pending.isEmpty {
      let take = min(Self.blockByteCount - pending.count, rest.count)
      pending.append(contentsOf: rest.prefix(take))
      rest = rest.dropFirst(take)
      guard pending.count == Self.blockByteCount else { return }
      pending.withUnsafeBytes { state.compress(bytes: $0.baseAddress!) }
      pending.removeAll(keepingCapacity: true)
    }
    while rest.count >= Self.blockByteCount {
      state.compress(bytes: bytes.baseAddress! + rest.startIndex)
      rest = rest.dropFirst(Self.blockByteCount)
    }
    pending.append(contentsOf: rest)
  }

  /// The digest of everything given so far. The hasher itself is left untouched.
  public func finalize() -> [UInt8] {
    var copy = self
    let bitLength = byteCount &* 8
    // Padding: 0x80, zeros up to 56 mod 64, then the 64-bit big-endian length.
    var tail: [UInt8] = [0x80]
    let zeros = (Self.blockByteCount + 56 - (pending.count + 1) % Self.blockByteCount) % 64
    tail.append(contentsOf: repeatElement(0, count: zeros))
    for shift in stride(from: 56, through: 0, by: -8) {
      tail.append(UInt8(truncatingIfNeeded: bitLength >> UInt64(shift)))
    }
    copy.update(tail)
    return copy.state.bytes
  }
}

extension SHA256 {
  /// The eight working words H0…H7.
  struct State: Sendable {
    var h0, h1, h2, h3, h4, h5, h6, h7: UInt32

    static let initial = State(
      h0: 0x6a09_e667, h1: 0xbb67_ae85, h2: 0x3c6e_f372, h3: 0xa54f_f53a,
      h4: 0x510e_527f, h5: 0x9b05_688c, h6: 0x1f83_d9ab, h7: 0x5be0_cd19)

    var bytes: [UInt8] {
      var out: [UInt8] = []
      out.reserveCapacity(32)
      for word in [h0, h1, h2, h3, h4, h5, h6, h7] {
        out.append(UInt8(truncatingIfNeeded: word >> 24))
        out.append(UInt8(truncatingIfNeeded: word >> 16))
        out.append(UInt8(truncatingIfNeeded: word >> 8))
        out.append(UInt8(truncatingIfNeeded: word))
      }
      return out
    }

    /// Compresses one 64-byte block read from `bytes`.
    mutating func compress(bytes: UnsafeRawPointer) {
      withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 16) { block in
        for i in 0..<16 {
          let p = bytes + 4 * i
          block[i] =
            UInt32(p.load(fromByteOffset: 0, as: UInt8.self)) &<< 24
            | UInt32(p.load(fromByteOffset: 1, as: UInt8.self)) &<< 16
            | UInt32(p.load(fromByteOffset: 2, as: UInt8.self)) &<< 8
            | UInt32(p.load(fromByteOffset: 3, as: UInt8.self))
        }
        compress(words: UnsafePointer(block.baseAddress!))
      }
    }

    /// Compresses one block given as sixteen message words.
    mutating func compress(words: UnsafePointer<UInt32>) {
      withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 64) { schedule in
        roundConstants.withUnsafeBufferPointer { k in
          Self.compress(&self, words: words, schedule: schedule.baseAddress!, k: k.baseAddress!)
        }
      }
    }

    /// The 64 rounds on raw pointers. Shifts are the masking `&>>`/`&<<`: the plain generic
    /// shifts cost a function call each in debug builds, which made PBKDF2 six times slower.
    private static func compress(
      _ state: inout State, words: UnsafePointer<UInt32>, schedule w: UnsafeMutablePointer<UInt32>,
      k: UnsafePointer<UInt32>
    ) {
      for i in 0..<16 { w[i] = words[i] }
      for i in 16..<64 {
        let x = w[i - 15]
        let y = w[i - 2]
        let s0 = (x &>> 7 | x &<< 25) ^ (x &>> 18 | x &<< 14) ^ (x &>> 3)
        let s1 = (y &>> 17 | y &<< 15) ^ (y &>> 19 | y &<< 13) ^ (y &>> 10)
        w[i] = w[i - 16] &+ s0 &+ w[i - 7] &+ s1
      }
      var a = state.h0
      var b = state.h1
      var c = state.h2
      var d = state.h3
      var e = state.h4
      var f = state.h5
      var g = state.h6
      var h = state.h7
      for i in 0..<64 {
        let s1 = (e &>> 6 | e &<< 26) ^ (e &>> 11 | e &<< 21) ^ (e &>> 25 | e &<< 7)
        let ch = (e & f) ^ (~e & g)
        let t1 = h &+ s1 &+ ch &+ k[i] &+ w[i]
        let s0 = (a &>> 2 | a &<< 30) ^ (a &>> 13 | a &<< 19) ^ (a &>> 22 | a &<< 10)
        let maj = (a & b) ^ (a & c) ^ (b & c)
        let t2 = s0 &+ maj
        h = g
        g = f
        f = e
        e = d &+ t1
        d = c
        c = b
        b = a
        a = t1 &+ t2
      }
      state.h0 &+= a
      state.h1 &+= b
      state.h2 &+= c
      state.h3 &+= d
      state.h4 &+= e
      state.h5 &+= f
      state.h6 &+= g
      state.h7 &+= h
    }
  }
}

/// FIPS 180-4 §4.2.2: the first 32 bits of the fractional parts of the cube roots of the
/// first 64 primes.
private let roundConstants: [UInt32] = [
  0x428a_2f98, 0x7137_4491, 0xb5c0_fbcf, 0xe9b5_dba5, 0x3956_c25b, 0x59f1_11f1, 0x923f_82a4,
  0xab1c_5ed5, 0xd807_aa98, 0x1283_5b01, 0x2431_85be, 0x550c_7dc3, 0x72be_5d74, 0x80de_b1fe,
  0x9bdc_06a7, 0xc19b_f174, 0xe49b_69c1, 0xefbe_4786, 0x0fc1_9dc6, 0x240c_a1cc, 0x2de9_2c6f,
  0x4a74_84aa, 0x5cb0_a9dc, 0x76f9_88da, 0x983e_5152, 0xa831_c66d, 0xb003_27c8, 0xbf59_7fc7,
  0xc6e0_0bf3, 0xd5a7_9147, 0x06ca_6351, 0x1429_2967, 0x27b7_0a85, 0x2e1b_2138, 0x4d2c_6dfc,
  0x5338_0d13, 0x650a_7354, 0x766a_0abb, 0x81c2_c92e, 0x9272_2c85, 0xa2bf_e8a1, 0xa81a_664b,
  0xc24b_8b70, 0xc76c_51a3, 0xd192_e819, 0xd699_0624, 0xf40e_3585, 0x106a_a070, 0x19a4_c116,
  0x1e37_6c08, 0x2748_774c, 0x34b0_bcb5, 0x391c_0cb3, 0x4ed8_aa4a, 0x5b9c_ca4f, 0x682e_6ff3,
  0x748f_82ee, 0x78a5_636f, 0x84c8_7814, 0x8cc7_0208, 0x90be_fffa, 0xa450_6ceb, 0xbef9_a3f7,
  0xc671_78f2,
]
