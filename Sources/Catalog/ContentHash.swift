/// FNV-1a 64: a cheap, stable fingerprint of content for ETags and versions (not security).
enum ContentHash {
  static func of(_ bytes: some Sequence<UInt8>) -> String {
    var h: UInt64 = 0xcbf2_9ce4_8422_2325
    for b in bytes {
      h ^= UInt64(b)
      h = h &* 0x100_0000_01b3
    }
    let s = String(h, radix: 16)
    return String(repeating: "0", count: 16 - s.count) + s
  }

  static func of(_ string: String) -> String { of(string.utf8) }
}
