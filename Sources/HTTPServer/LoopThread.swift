#if canImport(Glibc)
  import Glibc
#endif

/// Starts a detached OS thread (no Foundation), for event loops that run until shutdown.
enum LoopThread {
  private final class Box {
    let body: () -> Void
    init(_ body: @escaping () -> Void) { self.body = body }
  }

  static func start(_ body: @escaping @Sendable () -> Void) {
    let box = Unmanaged.passRetained(Box(body)).toOpaque()
    var tid = pthread_t()
    pthread_create(
      &tid, nil,
      { raw in
        let box = Unmanaged<Box>.fromOpaque(raw!).takeRetainedValue()
        box.body()
        return nil
      }, box)
    pthread_detach(tid)
  }
}
