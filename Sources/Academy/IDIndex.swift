import Foundation

/// Positions of ids, looked up by their raw bytes (a SQLite text column as it comes), with
/// no String made per row. Reports look up a learner for each of 100,000 rows; a Dictionary
/// of Strings hashed each key with SipHash and, probing, compared keys stored all over the
/// heap (most of an export's time went there). Here the table holds a short hash beside each
/// entry, so a probe reads the key bytes only when hashes agree, and the keys sit together.
struct IDIndex {
  private var slots: [(hash: UInt32, entry: Int32)]
  private var starts: [Int] = []
  private var bytes: [UInt8] = []
  private let mask: Int

  /// `ids[i]` is found at position `i`; a repeated id keeps its first position.
  init(_ ids: [String]) {
    var capacity = 16
    while capacity < ids.count * 2 { capacity <<= 1 }
    mask = capacity - 1
    slots = Array(repeating: (0, -1), count: capacity)
    starts.reserveCapacity(ids.count + 1)
    for id in ids {
      starts.append(bytes.count)
      bytes.append(contentsOf: id.utf8)
    }
    starts.append(bytes.count)
    for i in ids.indices {
      let h = bytes.withUnsafeBufferPointer {
        IDIndex.hash(UnsafeBufferPointer(rebasing: $0[starts[i]..<starts[i + 1]]))
      }
      var s = Int(truncatingIfNeeded: h) & mask
      while slots[s].entry >= 0 {
        if slots[s].hash == UInt32(truncatingIfNeeded: h) && equal(Int(slots[s].entry), i) {
          break
        }
        s = (s + 1) & mask
      }
      if slots[s].entry < 0 { slots[s] = (UInt32(truncatingIfNeeded: h), Int32(i)) }
    }
  }

  var count: Int { starts.count - 1 }

  func position(of key: UnsafeBufferPointer<UInt8>) -> Int? {
    let h = IDIndex.hash(key)
    let short = UInt32(truncatingIfNeeded: h)
    var s = Int(truncatingIfNeeded: h) & mask
    return bytes.withUnsafeBufferPointer { all in
      while true {
        let slot = slots[s]
        if slot.entry < 0 { return nil }
        if slot.hash == short {
          let e = Int(slot.entry)
          let stored = UnsafeBufferPointer(rebasing: all[starts[e]..<starts[e + 1]])
          if stored.count == key.count
            && (key.count == 0 || memcmp(stored.baseAddress!, key.baseAddress!, key.count) == 0)
          {
            return e
          }
        }
        s = (s + 1) & mask
      }
    }
  }

  func position(of id: String) -> Int? {
    var id = id
    return id.withUTF8 { position(of: $0) }
  }

  private func equal(_ a: Int, _ b: Int) -> Bool {
    bytes[starts[a]..<starts[a + 1]].elementsEqual(bytes[starts[b]..<starts[b + 1]])
  }

  /// Eight bytes at a time, multiplied and folded: ids are random and ours, so speed
  /// matters here, not resistance to chosen keys.
  static func hash(_ key: UnsafeBufferPointer<UInt8>) -> UInt64 {
    var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(key.count)
    guard let base = key.baseAddress else { return h }
    let raw = UnsafeRawPointer(base)
    var i = 0
    while i + 8 <= key.count {
      h = (h ^ raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* 0xFF51_AFD7_ED55_8CCD
      h ^= h >> 32
      i += 8
    }
    var tail: UInt64 = 0
    var shift: UInt64 = 0
    while i < key.count {
      tail |= UInt64(base[i]) << shift
      shift += 8
      i += 1
    }
    h = (h ^ tail) &* 0xC4CE_B9FE_1A85_EC53
    h ^= h >> 29
    return h
  }
}
