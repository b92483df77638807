import Synchronization

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Bytes from the kernel's generator (getentropy, that is getrandom(2)), taken 4 KB at a time and handed out
/// in pieces: an anonymous page view needs a fresh CSRF token, and asking the kernel for
/// eight bytes at a time (SystemRandomNumberGenerator) cost four system calls per token, a
/// measurable share of a busy server's time. Bytes handed out are wiped from the pool, so
/// no secret stays in memory longer than it must; every byte is used once.
enum RandomPool {
  private static let pool = Mutex(Buffer())

  private struct Buffer: ~Copyable {
    var bytes = [UInt8](repeating: 0, count: 4096)
    var next = 4096
  }

  static func bytes(count: Int) -> [UInt8] {
    precondition(count >= 0, "a negative number of random bytes")
    // Large requests (rare) go straight to the kernel.
    if count > 512 {
      var out = [UInt8](repeating: 0, count: count)
      out.withUnsafeMutableBytes { fill($0) }
      return out
    }
    return pool.withLock { p in
      if p.next + count > p.bytes.count {
        p.bytes.withUnsafeMutableBytes { fill($0) }
        p.next = 0
      }
      let range = p.next..<(p.next + count)
      let out = Array(p.bytes[range])
      for i in range { p.bytes[i] = 0 }
      p.next += count
      return out
    }
  }

  /// Fills `buffer` from getentropy(3) (getrandom(2) underneath), 256 bytes per call at most.
  private static func fill(_ buffer: UnsafeMutableRawBufferPointer) {
    var done = 0
    while done < buffer.count {
      let n = min(256, buffer.count - done)
      guard getentropy(buffer.baseAddress! + done, n) == 0 else {
        if errno == EINTR { continue }
        fatalError("the system's random generator failed (errno \(errno))")
      }
      done += n
    }
  }
}
