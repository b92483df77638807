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
    one-time admin sign-in link. Stops cleanly on Ctrl-C or SIGTERM.

    \(Options.sharedHelp)
      --host HOST         address to listen on (default 127.0.0.1)
      --port N            port (env RELAIS_PORT; default 8080; 0 picks a free port)
      --public-url URL    the address people use, e.g. https://relais.example.org
                          (env RELAIS_PUBLIC_URL); https makes cookies Secure
      --issuer-name NAME  the organisation named on certificates and badges (default Relais)
      --issuer-email ADDR its contact address in the Open Badges issuer profile
      --loops N           event loop threads (default: one per core but one, at least one)
      --no-watch          don't reload content when files change
      --quiet             no access log
    """

  static func run(_ args: [String]) -> Int32 {
    if args.contains("--help") || args.contains("-h") {
      print(help)
      return 0
    }
    do {
      let o = try Options.parse(
        args, valued: ["issuer-name", "issuer-email", "loops"], flags: ["no-watch", "quiet"])
      return try serve(o, watch: o.extra["no-watch"] == nil, quiet: o.extra["quiet"] != nil)
    } catch {
      return CLI.fail("serve: \(error)")
    }
  }

  static func serve(_ o: Options, watch: Bool, quiet: Bool) throws -> Int32 {
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
    try FileManager.default.createDirectory(
      atPath: o.dataDirectory, withIntermediateDirectories: true)
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
    let academy = try Academy(databasePath: o.databasePath, content: store)
    let app = App(
      academy: academy,
      configuration: WebConfiguration(
        publicURL: o.publicURL, issuerName: o.extra["issuer-name"] ?? "Relais",
        issuerEmail: o.extra["issuer-email"]))
    var config = ServerConfiguration()
    config.host = o.host
    config.port = o.port
    config.defaultHeaders = App.defaultHeaders
    if let loops = o.extra["loops"] {
      guard let n = Int(loops), (1...256).contains(n) else {
        throw CLIError("--loops takes a number from 1 to 256")
      }
      config.eventLoopCount = n
    }
    let log = quiet ? nil : LogBuffer()
    if let log {
      config.accessLog = { e in log.append(App.accessLogLine(e)) }
    }
    let server = HTTPServer(configuration: config, router: app.router())
    let port = try server.start()
    app.attach(server)
    if watch { store.watch(every: CatalogStore.reloadInterval) }

    let admin = try academy.ensureAdmin()
    let token = try academy.createSignInLink(userID: admin.id, createdBy: nil, hours: 24)
    let base = o.publicURL ?? "http://\(o.host.contains(":") ? "[\(o.host)]" : o.host):\(port)"
    let ms = Int(Date().timeIntervalSince(started) * 1000)
    print(
      "Relais is serving \(store.catalog.modules.count) modules at \(base)/ (ready in \(ms) ms)")
    print("One-time admin sign-in link (valid 24 hours): \(base)/signin/link/\(token)")
    flushOutput()

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
