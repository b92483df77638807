import Foundation
import Testing

/// What the public sees of a certificate: a hostile display name stays inert text on every
/// page that shows it, and an erased holder's certificate shows "revoked" with no name.
@Suite(.serialized) struct CertificatePrivacyTests {
  static let payload = "<script>alert(1)</script>\"'><img src=x onerror=alert(2)>"

  @Test func hostileDisplayNameIsEscapedOnVerificationPageMePageAndExport() throws {
    let server = try TestServer()
    defer { server.stop() }
    let (learner, code) = try server.certifiedLearner(name: "Eve")
    #expect(
      try learner.post("/me/profile", [("name", Self.payload), ("locale", "en")]).status == 303)
    for page in [try server.client().get("/certificates/\(code)"), try learner.get("/me")] {
      #expect(!page.body.contains("<script>alert"))
      #expect(!page.body.contains("<img src=x"))
      #expect(page.body.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
    }
    let export = try #require(
      try JSONSerialization.jsonObject(with: Data(try learner.get("/me/export.json").body.utf8))
        as? [String: Any])
    #expect((export["profile"] as? [String: Any])?["displayName"] as? String == Self.payload)
    let pdf = try server.client().getBytes("/certificates/\(code).pdf")
    let file = server.dataDirectory.appendingPathComponent("eve.pdf")
    try Data(pdf.body).write(to: file)
    #expect(try poppler("pdftotext", [file.path, "-"]).contains("<script>alert(1)</script>"))
  }

  @Test func erasedHolderShowsRevokedWithoutName() throws {
    let server = try TestServer()
    defer { server.stop() }
    let (_, code) = try server.certifiedLearner(name: "Fatou Sow")
    let id = try server.holderID(of: code)
    try server.academy.revokeCertificate(
      code: code, reason: "erasure", by: try server.academy.ensureAdmin())
    // What erasure does to the account belongs to the privacy rules; here only its marker.
    try server.academy.database.write {
      try $0.execute("UPDATE users SET erased_at = 1 WHERE id = ?", [id])
    }
    let page = try server.client().get("/certificates/\(code)")
    #expect(page.body.contains("Status: Revoked"))
    #expect(!page.body.contains("Fatou"))
    #expect(page.body.contains("name removed at the holder’s request"))
    let pdf = try server.client().getBytes("/certificates/\(code).pdf")
    let file = server.dataDirectory.appendingPathComponent("erased.pdf")
    try Data(pdf.body).write(to: file)
    let text = try poppler("pdftotext", [file.path, "-"])
    #expect(!text.contains("Fatou"))
    #expect(text.contains("REVOKED"))
    let badge = try server.client().get("/certificates/\(code)/badge.json")
    #expect(badge.status == 410)
    #expect(!badge.body.contains("Fatou"))
  }
}

/// Guessing codes to harvest names stops after a few misses from one address.
@Suite(.serialized) struct CertificateGuessingTests {
  @Test func tenUnknownCodesFromOneAddressAreThenRefusedWith429() throws {
    let server = try TestServer()
    defer { server.stop() }
    let (_, code) = try server.certifiedLearner(name: "Binta")
    let c = server.client()
    #expect(try c.get("/certificates/\(code)").status == 200)  // hits don't count
    let alphabet = Array("23456789ABCDEFGHJKMNPQRSTUVWXYZ")
    for i in 0..<10 {
      let guess = "RLX-\(alphabet[i])\(alphabet[i])\(alphabet[i])\(alphabet[i])-2345"
      let paths = [
        "/certificates/\(guess)", "/certificates?code=\(guess)",
        "/certificates/\(guess)/badge.json",
      ]
      #expect(try c.get(paths[i % 3]).status == 404)
    }
    let refused = try c.get("/certificates/\(code)")
    #expect(refused.status == 429)
    #expect(refused.header("Retry-After") != nil)
    #expect(try c.get("/certificates?code=\(code)").status == 429)
    #expect(try c.get("/certificates/\(code).pdf").status == 429)
    #expect(try c.get("/certificates/\(code)/badge.json").status == 429)
  }
}
