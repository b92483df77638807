#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Binding a port some other socket listens on. (SO_REUSEADDR only lets a restart reuse a
/// port whose old connections linger in TIME_WAIT; Linux still refuses a second listener.)
public struct PortInUse: Error, CustomStringConvertible {
  public let port: Int
  public var description: String { "port \(port) is in use" }
}

/// Thin wrappers over the BSD socket calls the server needs.
enum Socket {
  struct Failure: Error, CustomStringConvertible {
    let call: String
    let code: Int32
    var description: String { "\(call) failed: \(String(cString: strerror(code)))" }
  }

  /// A listening IPv4 socket, bound once and never with SO_REUSEPORT: a port another process
  /// listens on is refused (`PortInUse`) rather than silently shared with it. The loops share
  /// this one socket (see `HTTPServer.start`).
  static func listen(host: String, port: Int, backlog: Int32 = 1024) throws -> Int32 {
    #if canImport(Glibc)
      let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
    #else
      let fd = socket(AF_INET, SOCK_STREAM, 0)
    #endif
    if fd < 0 { throw Failure(call: "socket", code: errno) }
    var one: Int32 = 1
    setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, socklen_t(MemoryLayout<Int32>.size))
    var addr = sockaddr_in()
    addr.sin_family = sa_family_t(AF_INET)
    addr.sin_port = in_port_t(UInt16(port).bigEndian)
    let resolved = host == "localhost" ? "127.0.0.1" : host
    guard inet_pton(AF_INET, resolved, &addr.sin_addr) == 1 else {
      close(fd)
      throw Failure(call: "inet_pton(\(host))", code: EINVAL)
    }
    let rc = withUnsafePointer(to: &addr) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
      }
    }
    if rc != 0 {
      let e = errno
      close(fd)
      if e == EADDRINUSE { throw PortInUse(port: port) }
      throw Failure(call: "bind", code: e)
    }
    if Glibc.listen(fd, backlog) != 0 {
      let e = errno
      close(fd)
      throw Failure(call: "listen", code: e)
    }
    return fd
  }

  static func boundPort(_ fd: Int32) -> Int {
    var addr = sockaddr_in()
    var len = socklen_t(MemoryLayout<sockaddr_in>.size)
    _ = withUnsafeMutablePointer(to: &addr) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &len) }
    }
    return Int(UInt16(bigEndian: addr.sin_port))
  }

  /// Accepts one connection, non-blocking and close-on-exec, or nil (EAGAIN or an error).
  static func accept(_ fd: Int32, nonBlocking: Bool) -> (fd: Int32, address: String)? {
    var addr = sockaddr_in()
    var len = socklen_t(MemoryLayout<sockaddr_in>.size)
    let flags = Int32(SOCK_CLOEXEC.rawValue) | (nonBlocking ? Int32(SOCK_NONBLOCK.rawValue) : 0)
    let cfd = withUnsafeMutablePointer(to: &addr) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { sys_accept4(fd, $0, &len, flags) }
    }
    if cfd < 0 { return nil }
    var one: Int32 = 1
    // Each response leaves in one write; Nagle would only hold it back for a delayed ACK.
    setsockopt(cfd, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
    var text = [CChar](repeating: 0, count: Int(INET_ADDRSTRLEN))
    inet_ntop(AF_INET, &addr.sin_addr, &text, socklen_t(INET_ADDRSTRLEN))
    let address = text.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
    return (cfd, address)
  }

  static func setNonBlocking(_ fd: Int32) {
    let flags = fcntl(fd, F_GETFL)
    _ = fcntl(fd, F_SETFL, flags | O_NONBLOCK)
  }
}

/// Glibc declares accept4 only under _GNU_SOURCE, which the Swift module map does not set.
@_silgen_name("accept4")
private func sys_accept4(
  _ fd: Int32, _ addr: UnsafeMutablePointer<sockaddr>?, _ len: UnsafeMutablePointer<socklen_t>?,
  _ flags: Int32
) -> Int32
