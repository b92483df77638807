import Academy
import Catalog
import Dispatch
import Foundation
import HTTPServer
import Web

/// `relais serve`: the curriculum over HTTP on an embedded SQLite database.
enum ServeCommand {
  static let help = """
    usage: relais serve [options]

    Serves the curriculum. Creates the database on first start and prints the URL and a
    one-time admin sign-in link. Stops cleanly on Ctrl-C or SIGTERM. The server runs in a
    child process that is restarted within a second if it crashes; the port and the data
    directory are held by one server only.

    \(Options.sharedHelp)
      --host HOST         address to listen on (default 127.0.0.1)
      --port N            port (env RELAIS_PORT; default 8080; 0 picks a free port)
      --public-url URL    the address people use, e.g. https://relais.example.org
                          (env RELAIS_PUBLIC_URL); https makes cookies Secure and adds
                          Strict-Transport-Security
      --trust-proxy CIDRS reverse proxies whose Forwarded / X-Forwarded-For give the
                          client's address, comma-separated, e.g. 127.0.0.1,10.0.0.0/8
                          (env RELAIS_TRUST_PROXY; default: none, the peer is the client)
      --metrics-token T   serve /metrics to `Authorization: Bearer T`, T at least 16
                          characters (env RELAIS_METRICS_TOKEN, better: not seen in ps);
                          without it, /metrics is off
      --issuer-name NAME  the organisation named on certificates and badges (default Relais)
      --issuer-email ADDR its contact address in the Open Badges issuer profile
      --loops N           event loop threads (default: one per core but one, at least one)
    \(Options.sessionHelp)
      --no-watch          don't reload content when files change
      --quiet             no access log
    """

  /// What `serve` takes beyond the shared options, checked before anything starts.
  struct Settings {
    var watch = true
    var quiet = false
    var loops: Int?
    var trustedProxies = TrustedProxies.none
    var metricsToken: String?

    init(_ o: Options) throws {
      watch = o.extra["no-watch"] == nil
      quiet = o.extra["quiet"] != nil
      if let text = o.extra["loops"] {
        guard let n = Int(text), (1...256).contains(n) else {
          throw CLIError("--loops takes a number from 1 to 256")
        }
        loops = n
      }
      let env = ProcessInfo.processInfo.environment
      if let list = o.extra["trust-proxy"] ?? env["RELAIS_TRUST_PROXY"] {
        let blocks = list.split { $0 == "," || $0 == " " }.map(String.init)
        do {
          trustedProxies = try TrustedProxies(blocks)
        } catch {
          throw CLIError("--trust-proxy: \(error)")
        }
      }
      metricsToken = o.extra["metrics-token"] ?? env["RELAIS_METRICS_TOKEN"]
      if let t = metricsToken, t.count < 16 {
        throw CLIError("--metrics-token needs at least 16 characters")
      }
    }
  }

  static func run(_ args: [String]) -> Int32 {
    if args.contains("--help") || args.contains("-h") {
      print(help)
      return 0
    }
    do {
      let o = try Options.parse(
        args,
        valued: Options.sessionOptions.union([
          "issuer-name", "issuer-email", "loops", "trust-proxy", "metrics-token",
        ]),
        flags: ["no-watch", "quiet"])
      let settings = try Settings(o)
      // Checked before anything starts, so a bad lifetime fails at once, not in a worker.
      _ = try o.academyPolicy()
      try o.prepareDataDirectory()
      guard let link = WorkerLink.fromEnvironment() else {
        // The command as typed: supervise a worker that runs this same command line.
        return try Supervisor.run(
          arguments: args, dataDirectory: o.dataDirectory, host: o.host, port: o.port)
      }
      try link.attach()
      return try serve(o, settings, link: link)
    } catch {
      return CLI.fail("serve: \(error)")
    }
  }

  /// The worker: serves on the supervisor's socket until SIGTERM/SIGINT.
  static func serve(_ o: Options, _ settings: Settings, link: WorkerLink) throws -> Int32 {
    let started = Date()
    // Signals are caught from the start, so a stop during startup still closes cleanly.
    let stop = DispatchSemaphore(value: 0)
    var sources: [DispatchSourceSignal] = []
    for sig in [SIGINT, SIGTERM] {
      signal(sig, SIG_IGN)
      let s = DispatchSource.makeSignalSource(signal: sig, queue: .global())
      s.setEventHandler { stop.signal() }
      s.resume()
      sources.append(s)
    }
    let store = o.contentStore()
    for p in store.problems where p.severity == .error {
      FileHandle.standardError.write(Data("\(p)\n".utf8))
    }
    if !store.catalog.errors.isEmpty {
      FileHandle.standardError.write(
        Data(
          "relais: content has errors; the files above are not served until fixed (relais check)\n"
            .utf8))
    }
    if let notice = store.catalog.referralContacts.unfilledNotice {
      // Even for the shipped template: a deployment must not go live without them.
      FileHandle.standardError.write(Data("relais: warning: \(notice)\n".utf8))
    }
    let academy = try Academy(
      databasePath: o.databasePath, content: store, policy: try o.academyPolicy())
    var web = WebConfiguration(
      publicURL: o.publicURL, issuerName: o.extra["issuer-name"] ?? "Relais",
      issuerEmail: o.extra["issuer-email"], metricsToken: settings.metricsToken)
    web.workerRestarts = link.restarts
    let app = App(academy: academy, configuration: web)
    var config = ServerConfiguration()
    config.listener = link.listener
    config.defaultHeaders = App.defaultHeaders(web)
    config.trustedProxies = settings.trustedProxies
    if let n = settings.loops { config.eventLoopCount = n }
    let log = settings.quiet ? nil : LogBuffer()
    if let log {
      config.accessLog = { e in log.append(App.accessLogLine(e)) }
    }
    var router = app.router()
    TestTrap.install(in: &router)
    let server = HTTPServer(configuration: config, router: router)
    let port = try server.start()
    app.attach(server)
    if settings.watch { store.watch(every: CatalogStore.reloadInterval) }

    // Once per `relais serve`, not at each restart after a crash.
    if link.banner {
      let admin = try academy.ensureAdmin()
      let token = try academy.createSignInLink(userID: admin.id, createdBy: nil, hours: 24)
      let base = o.publicURL ?? "http://\(o.host.contains(":") ? "[\(o.host)]" : o.host):\(port)"
      let ms = Int(Date().timeIntervalSince(started) * 1000)
      print(
        "Relais is serving \(store.catalog.modules.count) modules at \(base)/ (ready in \(ms) ms)")
      print("One-time admin sign-in link (valid 24 hours): \(base)/signin/link/\(token)")
    } else {
      let ms = Int(Date().timeIntervalSince(started) * 1000)
      print("Relais is serving again after restart \(link.restarts) (ready in \(ms) ms)")
    }
    flushOutput()
    link.signalReady()

    stop.wait()
    _ = sources
    log?.flush()
    print("Stopping: finishing requests in flight…")
    flushOutput()
    server.shutdown()
    server.wait()
    log?.flush()
    academy.close()
    print("Stopped.")
    return 0
  }
}
