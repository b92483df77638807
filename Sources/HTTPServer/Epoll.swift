#if canImport(Glibc)
  import Glibc

  /// epoll and eventfd, declared here because the Swift Glibc module does not export
  /// <sys/epoll.h> or <sys/eventfd.h>. The calls take only ints and pointers, whose calling
  /// convention is the same for Swift and C.
  @_silgen_name("epoll_create1") private func sys_epoll_create1(_ flags: Int32) -> Int32
  @_silgen_name("epoll_ctl")
  private func sys_epoll_ctl(
    _ epfd: Int32, _ op: Int32, _ fd: Int32, _ event: UnsafeMutableRawPointer?
  ) -> Int32
  @_silgen_name("epoll_wait")
  private func sys_epoll_wait(
    _ epfd: Int32, _ events: UnsafeMutableRawPointer, _ maxEvents: Int32, _ timeout: Int32
  ) -> Int32
  @_silgen_name("eventfd") private func sys_eventfd(_ initval: UInt32, _ flags: Int32) -> Int32

  /// One epoll instance. `struct epoll_event` is packed on x86-64 (12 bytes) and padded
  /// elsewhere (16), so events are read from raw memory at the right offsets.
  struct Epoll {
    static let readable: UInt32 = 0x001
    static let writable: UInt32 = 0x004
    static let error: UInt32 = 0x008
    static let hangup: UInt32 = 0x010
    static let readHangup: UInt32 = 0x2000
    /// Of several epoll instances watching one descriptor, wake one (for a shared listener).
    static let exclusive: UInt32 = 1 << 28

    #if arch(x86_64)
      static let eventSize = 12
      static let dataOffset = 4
    #else
      static let eventSize = 16
      static let dataOffset = 8
    #endif

    let fd: Int32
    let capacity = 256
    private let events: UnsafeMutableRawPointer

    init() {
      fd = sys_epoll_create1(O_CLOEXEC)
      events = .allocate(byteCount: Self.eventSize * capacity, alignment: 8)
    }

    func free() {
      events.deallocate()
      close(fd)
    }

    private func control(_ op: Int32, _ target: Int32, _ mask: UInt32) {
      var raw: (UInt64, UInt64) = (0, 0)
      withUnsafeMutableBytes(of: &raw) { p in
        p.storeBytes(of: mask, toByteOffset: 0, as: UInt32.self)
        p.storeBytes(
          of: UInt64(UInt32(bitPattern: target)), toByteOffset: Self.dataOffset, as: UInt64.self)
        _ = sys_epoll_ctl(fd, op, target, p.baseAddress)
      }
    }

    func add(_ target: Int32, _ mask: UInt32) { control(1, target, mask) }
    func remove(_ target: Int32) { control(2, target, 0) }
    func modify(_ target: Int32, _ mask: UInt32) { control(3, target, mask) }

    /// Waits up to `timeoutMs` and calls `body(fd, events)` for each ready descriptor.
    func wait(timeoutMs: Int32, _ body: (Int32, UInt32) -> Void) {
      let n = sys_epoll_wait(fd, events, Int32(capacity), timeoutMs)
      guard n > 0 else { return }
      for i in 0..<Int(n) {
        let base = i * Self.eventSize
        let mask = events.loadUnaligned(fromByteOffset: base, as: UInt32.self)
        let data = events.loadUnaligned(fromByteOffset: base + Self.dataOffset, as: UInt64.self)
        body(Int32(truncatingIfNeeded: data), mask)
      }
    }

    static func makeEventFD() -> Int32 { sys_eventfd(0, O_NONBLOCK | O_CLOEXEC) }
  }
#endif
