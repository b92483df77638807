import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// One server per data directory: an exclusive `flock` on `DIR/relais.lock`, held for the life
/// of the server (the kernel drops it when the last process holding the descriptor exits,
/// however it exits, so a crash never leaves a stale lock). The file holds the holder's pid,
/// for the message a second server prints.
struct DataDirectoryLock {
  let fd: Int32

  struct Busy: Error, CustomStringConvertible {
    let directory: String
    let holder: String
    var description: String {
      "the data directory \(directory) is in use by another relais serve"
        + (holder.isEmpty ? "" : " (pid \(holder))")
        + "; stop it first, or give this one its own --data"
    }
  }

  /// Takes the lock, waiting up to `patience` seconds for a server that is exiting (a worker
  /// killed with its supervisor can take a moment to go).
  static func acquire(directory: String, patience: Double = 2) throws -> DataDirectoryLock {
    let path = (directory as NSString).appendingPathComponent("relais.lock")
    let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
    if fd < 0 {
      throw CLIError("cannot open \(path): \(String(cString: strerror(errno)))")
    }
    let deadline = Date().addingTimeInterval(patience)
    while flock(fd, LOCK_EX | LOCK_NB) != 0 {
      let e = errno
      if e == EINTR { continue }
      guard e == EWOULDBLOCK, Date() < deadline else {
        let holder = readHolder(fd)
        close(fd)
        if e != EWOULDBLOCK {
          throw CLIError("cannot lock \(path): \(String(cString: strerror(e)))")
        }
        throw Busy(directory: directory, holder: holder)
      }
      usleep(50_000)
    }
    let pid = Array("\(getpid())\n".utf8)
    _ = ftruncate(fd, 0)
    _ = pid.withUnsafeBytes { pwrite(fd, $0.baseAddress, $0.count, 0) }
    return DataDirectoryLock(fd: fd)
  }

  private static func readHolder(_ fd: Int32) -> String {
    var buffer = [UInt8](repeating: 0, count: 32)
    let n = buffer.withUnsafeMutableBytes { pread(fd, $0.baseAddress, $0.count, 0) }
    guard n > 0 else { return "" }
    return String(decoding: buffer[0..<n], as: UTF8.self).filter(\.isNumber)
  }
}
