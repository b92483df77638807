import Academy
import Catalog
import Foundation
import HTTPServer
import Web

/// The real application on a real loopback socket, on a data directory that can outlive
/// it (to test restarts). Content is the repository's own curriculum unless a test passes
/// its own folders.
final class TestServer {
  static let repoRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()

  let dataDirectory: URL
  let curriculum: URL
  let assessments: URL
  let academy: Academy
  let app: App
  let server: HTTPServer
  let port: Int

  init(
    dataDirectory: URL? = nil, curriculum: URL? = nil, assessments: URL? = nil,
    publicURL: String? = nil, metricsToken: String? = nil, trustProxy: [String] = []
  ) throws {
    let dir =
      dataDirectory
      ?? FileManager.default.temporaryDirectory.appendingPathComponent(
        "relais-e2e-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    self.dataDirectory = dir
    self.curriculum = curriculum ?? Self.repoRoot.appendingPathComponent("Curriculum")
    self.assessments = assessments ?? Self.repoRoot.appendingPathComponent("Assessments")
    let store = CatalogStore(
      loader: CatalogLoader(curriculum: self.curriculum, assessments: self.assessments))
    var policy = Academy.Policy()
    policy.passphraseIterations = 1000  // fast in tests; production uses 210,000
    academy = try Academy(
      databasePath: dir.appendingPathComponent("relais.sqlite").path, content: store, policy: policy
    )
    let web = WebConfiguration(publicURL: publicURL, metricsToken: metricsToken)
    app = App(academy: academy, configuration: web)
    var config = ServerConfiguration()
    config.port = 0
    config.defaultHeaders = App.defaultHeaders(web)
    config.trustedProxies = try TrustedProxies(trustProxy)
    server = HTTPServer(configuration: config, router: app.router())
    port = try server.start()
    app.attach(server)
  }

  func client() -> TestHTTPClient { TestHTTPClient(port: port) }

  /// A client signed in as the admin, through the one-time link as a person would.
  func adminClient() throws -> TestHTTPClient {
    let admin = try academy.ensureAdmin()
    let token = try academy.createSignInLink(userID: admin.id, createdBy: nil)
    let c = client()
    _ = try c.get("/signin/link/\(token)")
    let r = try c.post("/signin/link/\(token)", [])
    guard r.status == 303 else {
      throw TestHTTPClient.ClientError(description: "admin sign-in failed: \(r.status)")
    }
    return c
  }

  /// A learner who joined through an invite made on the admin page.
  func learnerClient(name: String = "Amina", locale: String = "en") throws -> TestHTTPClient {
    let admin = try adminClient()
    let page = try admin.post(
      "/admin/invites", [("role", "learner"), ("name", name), ("locale", locale)])
    guard let link = page.body.capture("value=\"(http[^\"]+/join/[^\"]+)\"") else {
      throw TestHTTPClient.ClientError(description: "no invite link on the admin page")
    }
    let path = String(link[link.range(of: "/join/")!.lowerBound...])
    let c = client()
    _ = try c.get(path)
    let joined = try c.post(path, [("name", name), ("locale", locale), ("consent", "yes")])
    guard joined.status == 303 else {
      throw TestHTTPClient.ClientError(description: "join failed: \(joined.status)")
    }
    return c
  }

  func stop() {
    server.shutdown()
    server.wait()
    academy.close()
  }
}
