import Dispatch

/// What all loops of one server share.
final class ServerShared: Sendable {
  let responder: Responder
  let configuration: ServerConfiguration
  let metrics: ServerMetrics
  /// Offloaded handlers (password hashing, PDFs, database writes) run here, off the loops.
  let workers: WorkerPool

  init(responder: Responder) {
    self.responder = responder
    self.configuration = responder.configuration
    self.metrics = responder.metrics
    self.workers = responder.metrics.workers
  }
}

/// One connection as a loop sees it. Confined to its loop's thread.
final class LoopConnection {
  let fd: Int32
  let generation: UInt64
  let core: ConnectionCore
  var interest: UInt32 = 0
  var lastActivity: UInt64
  /// When the current header section began (0: not reading one).
  var headStartedAt: UInt64 = 0
  var peerClosed = false
  /// After our final response: write side shut, reading and discarding until the peer
  /// closes, so that unread input does not turn our close into a reset that eats the answer.
  var lingerUntil: UInt64 = 0

  init(fd: Int32, generation: UInt64, core: ConnectionCore, now: UInt64) {
    self.fd = fd
    self.generation = generation
    self.core = core
    self.lastActivity = now
  }
}
