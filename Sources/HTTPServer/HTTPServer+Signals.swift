import Dispatch
import Synchronization

#if canImport(Glibc)
  import Glibc
#endif

/// Signal sources must outlive the call that installs them.
/// @unchecked Sendable: `sources` is only touched while holding `lock`.
private final class SignalSources: @unchecked Sendable {
  private let lock = Mutex(())
  private var sources: [DispatchSourceSignal] = []
  func keep(_ source: DispatchSourceSignal) { lock.withLock { _ in sources.append(source) } }
}
private let installedSignalSources = SignalSources()

extension HTTPServer {
  /// Makes SIGTERM and SIGINT start a graceful shutdown (stop accepting, finish in-flight
  /// requests, close idle connections); `wait()` then returns within `shutdownGraceSeconds`.
  public func shutdownOnSignals(_ signals: [Int32] = [SIGTERM, SIGINT]) {
    for sig in signals {
      // The default action would kill the process before the source sees the signal.
      signal(sig, SIG_IGN)
      let source = DispatchSource.makeSignalSource(signal: sig, queue: .global())
      source.setEventHandler { [self] in shutdown() }
      source.resume()
      installedSignalSources.keep(source)
    }
  }
}
