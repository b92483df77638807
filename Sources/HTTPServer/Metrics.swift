import Synchronization

/// Request counts and latencies for one event loop. Each loop writes only its own shard, so
/// its lock is uncontended except while `/metrics` is being read.
final class MetricsShard: Sendable {
  /// Upper bounds of the latency histogram, in seconds.
  static let bounds: [Double] = [
    0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5,
  ]
  static let boundsMicros: [Int] = bounds.map { Int($0 * 1_000_000) }

  struct Key: Hashable, Sendable {
    var route: String
    var status: Int
  }

  struct State: Sendable {
    var requests: [Key: Int] = [:]
    /// Non-cumulative counts per bucket; the last is +Inf.
    var buckets = [Int](repeating: 0, count: MetricsShard.bounds.count + 1)
    var totalMicros = 0
    var count = 0
  }

  let state = Mutex(State())

  func record(route: String, status: Int, micros: Int) {
    var bucket = 0
    while bucket < Self.boundsMicros.count && micros > Self.boundsMicros[bucket] { bucket += 1 }
    state.withLock { s in
      s.requests[Key(route: route, status: status), default: 0] += 1
      s.buckets[bucket] += 1
      s.totalMicros += micros
      s.count += 1
    }
  }
}

/// All of one server's metrics: a shard per event loop and the open-connection gauge.
final class ServerMetrics: Sendable {
  let shards: [MetricsShard]
  let openConnections = Atomic<Int>(0)
  /// Streamed bodies whose producer threw (sent truncated) or whose client left early.
  let streamsFailed = Atomic<Int>(0)
  let streamsCancelled = Atomic<Int>(0)
  /// Streams whose producer may be running: bounded by `maxStreams`.
  let streamsActive = Atomic<Int>(0)
  /// The most bytes any stream has had queued but unsent: stays at most
  /// `StreamChannel.maxUnsent` however slow the client (tests check it).
  let streamPeakUnsent = Atomic<Int>(0)
  /// Times a producer had to wait for its client to take what was sent.
  let streamWaits = Atomic<Int>(0)

  /// The offload pool, here for its gauges.
  let workers: WorkerPool

  init(shardCount: Int, workers: WorkerPool) {
    shards = (0..<max(1, shardCount)).map { _ in MetricsShard() }
    self.workers = workers
  }

  /// Metrics in the Prometheus text format: requests by route pattern and status, a latency
  /// histogram and open connections. Labels are route patterns, never raw paths, so a client
  /// cannot grow the series without bound.
  func prometheusText() -> String {
    var merged = MetricsShard.State()
    for shard in shards {
      let s = shard.state.withLock { $0 }
      for (k, v) in s.requests { merged.requests[k, default: 0] += v }
      for i in merged.buckets.indices { merged.buckets[i] += s.buckets[i] }
      merged.totalMicros += s.totalMicros
      merged.count += s.count
    }
    var out = "# HELP relais_http_requests_total HTTP requests answered.\n"
    out += "# TYPE relais_http_requests_total counter\n"
    let keys = merged.requests.keys.sorted { ($0.route, $0.status) < ($1.route, $1.status) }
    for k in keys {
      out +=
        "relais_http_requests_total{route=\"\(Self.escapeLabel(k.route))\",status=\"\(k.status)\"} "
      out += "\(merged.requests[k, default: 0])\n"
    }
    out += "# HELP relais_http_request_duration_seconds Time from request head to response.\n"
    out += "# TYPE relais_http_request_duration_seconds histogram\n"
    var cumulative = 0
    for (i, bound) in MetricsShard.bounds.enumerated() {
      cumulative += merged.buckets[i]
      out += "relais_http_request_duration_seconds_bucket{le=\"\(bound)\"} \(cumulative)\n"
    }
    cumulative += merged.buckets[MetricsShard.bounds.count]
    out += "relais_http_request_duration_seconds_bucket{le=\"+Inf\"} \(cumulative)\n"
    out += "relais_http_request_duration_seconds_sum \(Double(merged.totalMicros) / 1e6)\n"
    out += "relais_http_request_duration_seconds_count \(merged.count)\n"
    out += "# HELP relais_http_open_connections Connections open now.\n"
    out += "# TYPE relais_http_open_connections gauge\n"
    out += "relais_http_open_connections \(openConnections.load(ordering: .relaxed))\n"
    out += "# HELP relais_http_streams_failed_total Streamed bodies cut short by their producer.\n"
    out += "# TYPE relais_http_streams_failed_total counter\n"
    out += "relais_http_streams_failed_total \(streamsFailed.load(ordering: .relaxed))\n"
    out += "# HELP relais_http_streams_cancelled_total Streamed bodies whose client left first.\n"
    out += "# TYPE relais_http_streams_cancelled_total counter\n"
    out += "relais_http_streams_cancelled_total \(streamsCancelled.load(ordering: .relaxed))\n"
    out += "# HELP relais_http_streams_active Streamed bodies being produced now.\n"
    out += "# TYPE relais_http_streams_active gauge\n"
    out += "relais_http_streams_active \(streamsActive.load(ordering: .relaxed))\n"
    let pool = workers.snapshot
    out += "# HELP relais_http_offload_threads Threads running offloaded handlers now.\n"
    out += "# TYPE relais_http_offload_threads gauge\n"
    out += "relais_http_offload_threads \(pool.threads)\n"
    out += "# HELP relais_http_offload_threads_peak The most offload threads at once.\n"
    out += "# TYPE relais_http_offload_threads_peak gauge\n"
    out += "relais_http_offload_threads_peak \(pool.peakThreads)\n"
    out += "# HELP relais_http_offload_queued Offloaded requests waiting for a thread.\n"
    out += "# TYPE relais_http_offload_queued gauge\n"
    out += "relais_http_offload_queued \(pool.queued)\n"
    out += "# HELP relais_http_offload_rejected_total Requests refused with 503: queue full.\n"
    out += "# TYPE relais_http_offload_rejected_total counter\n"
    out += "relais_http_offload_rejected_total \(workers.rejected.load(ordering: .relaxed))\n"
    return out
  }

  static func escapeLabel(_ s: String) -> String {
    var out = ""
    for c in s {
      switch c {
      case "\\": out += "\\\\"
      case "\"": out += "\\\""
      case "\n": out += "\\n"
      default: out.append(c)
      }
    }
    return out
  }
}

extension HTTPServer {
  /// Metrics in the Prometheus text format (also served at `GET /metrics` unless a route
  /// claims that path).
  public func prometheusText() -> String { shared.responder.metrics.prometheusText() }
}
