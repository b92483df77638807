import Foundation
import Synchronization

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Access-log lines gathered and written to a file descriptor in batches: at 30,000
/// requests a second, one `write` per line was a system call per request, a tenth of the
/// server's time. Lines go out whole and in order (the buffer's lock is held while writing),
/// at the latest `interval` seconds after they were logged, and at shutdown.
final class LogBuffer: Sendable {
  private let fd: Int32
  private let pending = Mutex<[UInt8]>([])
  private let limit = 32 * 1024

  init(fd: Int32 = STDOUT_FILENO, interval: Double = 0.2) {
    self.fd = fd
    let t = Thread { [weak self] in
      while let buffer = self {
        Thread.sleep(forTimeInterval: interval)
        buffer.flush()
      }
    }
    t.name = "relais-log-flush"
    t.start()
  }

  func append(_ line: String) {
    pending.withLock { bytes in
      bytes.append(contentsOf: line.utf8)
      bytes.append(10)
      if bytes.count >= limit { drain(&bytes) }
    }
  }

  func flush() {
    pending.withLock { drain(&$0) }
  }

  private func drain(_ bytes: inout [UInt8]) {
    var done = 0
    bytes.withUnsafeBytes { raw in
      while done < raw.count {
        let n = write(fd, raw.baseAddress! + done, raw.count - done)
        if n > 0 {
          done += n
        } else if n < 0 && errno == EINTR {
          continue
        } else {
          break  // stdout closed or full disk: drop the lines rather than stall the server
        }
      }
    }
    bytes.removeAll(keepingCapacity: true)
  }
}
