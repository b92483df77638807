import Dispatch
import Synchronization

#if canImport(Glibc)
  import Glibc
#endif

/// One thread running epoll over the shared listener (its own descriptor of it) and its
/// connections.
/// @unchecked Sendable: other threads touch only `mailbox` (a Mutex) and `wakeFD` (an
/// eventfd, written atomically by the kernel); every other property is used by `run()` alone.
final class EventLoop: @unchecked Sendable {
  enum Message: Sendable {
    case offloadDone(fd: Int32, generation: UInt64, response: HTTPResponse)
    /// A streamed body's producer queued bytes (or ended) while the loop had none to send.
    case streamReady(fd: Int32, generation: UInt64)
    case shutdown
  }

  let shared: ServerShared
  let metrics: MetricsShard
  private let listener: Int32
  private let epoll = Epoll()
  private let wakeFD = Epoll.makeEventFD()
  /// Messages for the loop; `closed` once the loop has exited and `wakeFD` is gone, so a
  /// late offload result cannot write to a descriptor number reused by something else.
  private let mailbox = Mutex<(messages: [Message], closed: Bool)>(([], false))
  var connections: [LoopConnection?] = []
  var count = 0
  private var nextGeneration: UInt64 = 0
  private let readBuffer = UnsafeMutableRawBufferPointer.allocate(
    byteCount: 64 * 1024, alignment: 16)
  var now = Responder.monotonicNanos()
  private var draining = false
  private var drainDeadline: UInt64 = 0
  private var listenerPausedUntil: UInt64 = 0

  init(shared: ServerShared, listener: Int32, index: Int) {
    self.shared = shared
    self.metrics = shared.metrics.shards[index % shared.metrics.shards.count]
    self.listener = listener
  }

  /// Thread-safe: queues a message and wakes the loop.
  func post(_ message: Message) {
    let fd = wakeFD
    mailbox.withLock { box in
      guard !box.closed else { return }
      box.messages.append(message)
      var one: UInt64 = 1
      _ = write(fd, &one, 8)
    }
  }

  func run() {
    epoll.add(listener, Epoll.readable | Epoll.exclusive)
    epoll.add(wakeFD, Epoll.readable)
    var nextSweep = now + 1_000_000_000
    while true {
      epoll.wait(timeoutMs: draining ? 50 : 1000) { fd, mask in
        if fd == listener {
          acceptConnections()
        } else if fd == wakeFD {
          drainMailbox()
        } else if Int(fd) < connections.count, let conn = connections[Int(fd)] {
          handle(conn, mask)
        }
      }
      now = Responder.monotonicNanos()
      if now >= nextSweep {
        sweep()
        nextSweep = now + 1_000_000_000
      }
      if draining && (count == 0 || now >= drainDeadline) { break }
    }
    for case let conn? in connections { closeConnection(conn) }
    if !draining { close(listener) }
    mailbox.withLock { box in
      box.closed = true
      close(wakeFD)
    }
    epoll.free()
    readBuffer.deallocate()
  }

  // MARK: Accepting

  private func acceptConnections() {
    if draining { return }
    for _ in 0..<64 {
      guard let (fd, address) = Socket.accept(listener, nonBlocking: true) else {
        if errno == EMFILE || errno == ENFILE {
          // Out of descriptors: stop polling the listener for a moment rather than spin.
          epoll.remove(listener)
          listenerPausedUntil = now + 100_000_000
        }
        return
      }
      let open = shared.metrics.openConnections.add(1, ordering: .relaxed).newValue
      if open > shared.configuration.maxConnections {
        shared.metrics.openConnections.subtract(1, ordering: .relaxed)
        refuseOverCapacity(fd)
        continue
      }
      nextGeneration += 1
      let core = ConnectionCore(
        responder: shared.responder, remoteAddress: address, metrics: metrics)
      let conn = LoopConnection(fd: fd, generation: nextGeneration, core: core, now: now)
      let generation = nextGeneration
      core.wake = { [self] in post(.streamReady(fd: fd, generation: generation)) }
      if Int(fd) >= connections.count {
        connections.append(contentsOf: repeatElement(nil, count: Int(fd) + 64 - connections.count))
      }
      connections[Int(fd)] = conn
      count += 1
      conn.interest = Epoll.readable | Epoll.readHangup
      epoll.add(fd, conn.interest)
    }
  }

  private func refuseOverCapacity(_ fd: Int32) {
    let text =
      "HTTP/1.1 503 Service Unavailable\r\nContent-Type: text/plain\r\n"
      + "Content-Length: 20\r\nRetry-After: 1\r\nConnection: close\r\n\r\nServer is too busy.\n"
    _ = Array(text.utf8).withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
    Glibc.shutdown(fd, Int32(SHUT_WR))
    close(fd)
  }

  // MARK: Reading and writing

  private func handle(_ conn: LoopConnection, _ mask: UInt32) {
    if mask & Epoll.error != 0 {
      closeConnection(conn)
      return
    }
    if mask & (Epoll.readable | Epoll.readHangup | Epoll.hangup) != 0 {
      if conn.lingerUntil != 0 {
        discardInput(conn)
        return
      }
      readInput(conn)
      if connections[Int(conn.fd)] !== conn { return }
    }
    if mask & Epoll.writable != 0 {
      drive(conn)
    }
  }

  private func readInput(_ conn: LoopConnection) {
    for _ in 0..<4 {
      let n = read(conn.fd, readBuffer.baseAddress, readBuffer.count)
      if n > 0 {
        conn.lastActivity = now
        conn.core.receive(UnsafeRawBufferPointer(rebasing: readBuffer[0..<n]))
        if n < readBuffer.count { break }
      } else if n == 0 {
        conn.peerClosed = true
        break
      } else {
        if errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR { break }
        closeConnection(conn)
        return
      }
    }
    drive(conn)
  }

  /// Answers what can be answered, sends what can be sent, and sets what to wait for next.
  func drive(_ conn: LoopConnection) {
    let core = conn.core
    while true {
      switch core.process() {
      case .handler(let job): offload(job, conn)
      case .producer(let job):
        ResponseWriter.start(job.produce, channel: job.channel, chunked: job.chunked)
      case nil: break
      }
      guard flush(conn) else { return }
      // All sent, and parsing paused for a full output buffer, or a stream may have more
      // ready: go on.
      if core.hasPendingOutput || !(core.stoppedForOutput || core.streamMayHaveMore) { break }
    }
    if core.closeAfterOutput && !core.hasPendingOutput {
      if core.abortOnClose {
        closeWithReset(conn)
      } else {
        startLingering(conn)
      }
      return
    }
    if conn.peerClosed && !core.isAnswering && !core.hasPendingOutput {
      closeConnection(conn)
      return
    }
    if core.isReadingHead {
      if conn.headStartedAt == 0 { conn.headStartedAt = now }
    } else {
      conn.headStartedAt = 0
    }
    var want: UInt32 = 0
    // While a handler runs elsewhere or output piles up, stop reading: a client pipelining
    // without reading answers must not grow our input buffer without bound.
    let paused = core.isAnswering || core.stoppedForOutput
    if !conn.peerClosed && !core.closeAfterOutput && !paused {
      want |= Epoll.readable | Epoll.readHangup
    }
    if core.hasPendingOutput { want |= Epoll.writable }
    if want != conn.interest {
      conn.interest = want
      epoll.modify(conn.fd, want)
    }
  }

  /// Sends pending output until the socket is full. False when the connection closed.
  private func flush(_ conn: LoopConnection) -> Bool {
    let core = conn.core
    while core.hasPendingOutput {
      let n = core.withPendingBuffers { first, second in
        Self.sendBuffers(conn.fd, first, second)
      }
      if n > 0 {
        core.sent(n)
        conn.lastActivity = now
      } else if n < 0 && errno == EINTR {
        continue
      } else if n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK) {
        return true
      } else {
        closeConnection(conn)
        return false
      }
    }
    return true
  }

  /// One `sendmsg` of one or two buffers; MSG_NOSIGNAL so a reset peer cannot raise SIGPIPE.
  private static func sendBuffers(
    _ fd: Int32, _ first: UnsafeRawBufferPointer, _ second: UnsafeRawBufferPointer?
  ) -> Int {
    var iov = (
      iovec(iov_base: UnsafeMutableRawPointer(mutating: first.baseAddress), iov_len: first.count),
      iovec(
        iov_base: UnsafeMutableRawPointer(mutating: second?.baseAddress),
        iov_len: second?.count ?? 0)
    )
    return withUnsafeMutableBytes(of: &iov) { raw in
      var message = msghdr()
      message.msg_iov = raw.baseAddress!.assumingMemoryBound(to: iovec.self)
      message.msg_iovlen = second == nil ? 1 : 2
      return sendmsg(fd, &message, Int32(MSG_NOSIGNAL))
    }
  }

  private func offload(_ job: ConnectionCore.OffloadJob, _ conn: LoopConnection) {
    let fd = conn.fd
    let generation = conn.generation
    let responder = shared.responder
    let queued = shared.workers.submit { [self] in
      let response = responder.run(job.route, job.request)
      post(.offloadDone(fd: fd, generation: generation, response: response))
    }
    if !queued {
      // Every worker busy and the queue full: say so now rather than hold the request.
      var busy = HTTPResponse.text("The server is busy; try again in a moment.\n", status: 503)
      busy.headers.set("Retry-After", "2")
      post(.offloadDone(fd: fd, generation: generation, response: busy))
    }
  }

  /// Closes with a reset (SO_LINGER 0): the client must not take what it got for all of it.
  private func closeWithReset(_ conn: LoopConnection) {
    var hard = linger(l_onoff: 1, l_linger: 0)
    setsockopt(conn.fd, SOL_SOCKET, SO_LINGER, &hard, socklen_t(MemoryLayout<linger>.size))
    closeConnection(conn)
  }

  private func startLingering(_ conn: LoopConnection) {
    Glibc.shutdown(conn.fd, Int32(SHUT_WR))
    conn.lingerUntil = now + 2_000_000_000
    if conn.interest != Epoll.readable | Epoll.readHangup {
      conn.interest = Epoll.readable | Epoll.readHangup
      epoll.modify(conn.fd, conn.interest)
    }
  }

  private func discardInput(_ conn: LoopConnection) {
    while true {
      let n = read(conn.fd, readBuffer.baseAddress, readBuffer.count)
      if n > 0 { continue }
      if n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK) { return }
      closeConnection(conn)
      return
    }
  }

  func closeConnection(_ conn: LoopConnection) {
    guard connections[Int(conn.fd)] === conn else { return }
    connections[Int(conn.fd)] = nil
    conn.core.connectionClosed()
    count -= 1
    shared.metrics.openConnections.subtract(1, ordering: .relaxed)
    epoll.remove(conn.fd)
    close(conn.fd)
  }

  // MARK: Mailbox, timeouts, shutdown

  private func drainMailbox() {
    var value: UInt64 = 0
    _ = read(wakeFD, &value, 8)
    let messages = mailbox.withLock { box -> [Message] in
      let taken = box.messages
      box.messages.removeAll()
      return taken
    }
    for message in messages {
      switch message {
      case .offloadDone(let fd, let generation, let response):
        guard Int(fd) < connections.count, let conn = connections[Int(fd)],
          conn.generation == generation
        else { continue }
        conn.core.offloadFinished(response)
        drive(conn)
      case .streamReady(let fd, let generation):
        guard Int(fd) < connections.count, let conn = connections[Int(fd)],
          conn.generation == generation
        else { continue }
        drive(conn)
      case .shutdown:
        beginDraining()
      }
    }
  }

  private func beginDraining() {
    if draining { return }
    draining = true
    drainDeadline = now + UInt64(max(0, shared.configuration.shutdownGraceSeconds) * 1e9)
    epoll.remove(listener)
    close(listener)
    for case let conn? in connections {
      conn.core.draining = true
      if conn.core.isIdle { closeConnection(conn) }
    }
  }

  /// Once a second: enforce the header, body and keep-alive timeouts.
  private func sweep() {
    if listenerPausedUntil != 0 && now >= listenerPausedUntil && !draining {
      listenerPausedUntil = 0
      epoll.add(listener, Epoll.readable | Epoll.exclusive)
    }
    let config = shared.configuration
    let headerLimit = UInt64(config.headerTimeoutSeconds * 1e9)
    let bodyLimit = UInt64(config.bodyIdleTimeoutSeconds * 1e9)
    let idleLimit = UInt64(config.keepAliveIdleSeconds * 1e9)
    for case let conn? in connections {
      let core = conn.core
      let idleFor = now &- conn.lastActivity
      if conn.lingerUntil != 0 {
        if now >= conn.lingerUntil { closeConnection(conn) }
      } else if core.awaitingOffload {
        continue
      } else if core.hasPendingOutput {
        // The client stopped reading: it holds memory and a slot, so it goes.
        if idleFor > idleLimit { closeConnection(conn) }
      } else if core.stream != nil {
        // All sent: the producer is slow, not the client.
        continue
      } else if core.isIdle {
        let limit = core.responsesStarted == 0 ? headerLimit : idleLimit
        if idleFor > limit || draining { closeConnection(conn) }
      } else if core.isReadingBody {
        if idleFor > bodyLimit { timeOut(conn) }
      } else if conn.headStartedAt != 0 && now &- conn.headStartedAt > headerLimit {
        timeOut(conn)
      }
    }
  }

  private func timeOut(_ conn: LoopConnection) {
    conn.core.failNow(status: 408, message: "Request timeout")
    drive(conn)
  }
}
