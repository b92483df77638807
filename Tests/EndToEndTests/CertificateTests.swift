import Foundation
import Testing

/// Certificates over real sockets: a learner passes, anyone checks the certificate from a
/// typed code, downloads a PDF that renders, and fetches Open Badges documents whose every URL
/// resolves; a manager of the learner's cohort revokes it and the badge answers 410.
@Suite(.serialized) struct CertificateTests {
  @Test func typedCodeLeadsToVerificationPdfAndBadgeThenRevocation() throws {
    let server = try TestServer()
    defer { server.stop() }
    let (_, code) = try server.certifiedLearner(name: "Amina Diallo")
    let visitor = server.client()

    // A typed code: lower case, spaces, no dashes.
    let typed = code.lowercased().replacingOccurrences(of: "-", with: " ")
    let lookup = try visitor.get("/certificates?code=\(TestHTTPClient.encode(typed))")
    #expect(lookup.status == 303)
    #expect(lookup.location == "/certificates/\(code)")
    let page = try visitor.follow(lookup)
    #expect(page.status == 200)
    #expect(page.body.contains("Amina Diallo"))
    #expect(page.body.contains("Fact-checking"))
    #expect(page.body.contains("Status: Valid"))
    #expect(page.body.contains("/certificates/\(code).pdf"))
    #expect(page.body.contains("/certificates/\(code)/badge.json"))
    #expect(try visitor.get("/certificates?code=RLX-0000-0000").status == 400)
    #expect(try visitor.get("/certificates?code=RLX-2222-2222").status == 404)

    // The PDF renders: A4 landscape, with the name, the code and the verification URL.
    let pdf = try visitor.getBytes("/certificates/\(code).pdf")
    #expect(pdf.status == 200)
    #expect(pdf.contentType == "application/pdf")
    let file = server.dataDirectory.appendingPathComponent("\(code).pdf")
    try Data(pdf.body).write(to: file)
    let info = try poppler("pdfinfo", [file.path])
    #expect(
      info.range(of: #"Page size:\s+842 x 595 pts \(A4\)"#, options: .regularExpression) != nil)
    #expect(info.range(of: #"Pages:\s+1\n"#, options: .regularExpression) != nil)
    let text = try poppler("pdftotext", ["-layout", file.path, "-"])
    #expect(text.contains("Amina Diallo"))
    #expect(text.contains(code))
    #expect(text.contains("http://127.0.0.1:\(server.port)/certificates/\(code)"))

    // Open Badges 2.0: required fields, and every URL resolves on this server.
    let badge = try visitor.get("/certificates/\(code)/badge.json")
    #expect(badge.status == 200)
    let assertion = try #require(
      try JSONSerialization.jsonObject(with: Data(badge.body.utf8)) as? [String: Any])
    #expect(assertion["@context"] as? String == "https://w3id.org/openbadges/v2")
    #expect(assertion["type"] as? String == "Assertion")
    #expect(assertion["id"] as? String == "\(visitor.origin)/certificates/\(code)/badge.json")
    let recipient = try #require(assertion["recipient"] as? [String: Any])
    #expect(recipient["hashed"] as? Bool == true)
    #expect((recipient["identity"] as? String)?.hasPrefix("sha256$") == true)
    #expect((recipient["salt"] as? String)?.isEmpty == false)
    #expect(["id", "email", "url", "telephone"].contains(recipient["type"] as? String ?? ""))
    #expect((assertion["verification"] as? [String: Any])?["type"] as? String == "hosted")
    #expect(
      (assertion["issuedOn"] as? String)?.range(
        of: #"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$"#, options: .regularExpression) != nil)
    #expect((assertion["expires"] as? String)?.hasSuffix("Z") == true)
    #expect(!badge.body.contains("Amina"))

    let badgeClassURL = try #require(assertion["badge"] as? String)
    let badgeClass = try #require(
      try JSONSerialization.jsonObject(
        with: Data(try visitor.get(path(badgeClassURL, visitor)).body.utf8)) as? [String: Any])
    #expect(badgeClass["type"] as? String == "BadgeClass")
    #expect(badgeClass["id"] as? String == badgeClassURL)
    for key in ["name", "description", "image", "issuer"] {
      #expect(badgeClass[key] is String, "BadgeClass.\(key)")
    }
    #expect((badgeClass["criteria"] as? [String: Any])?["narrative"] is String)
    let issuerURL = try #require(badgeClass["issuer"] as? String)
    let issuer = try #require(
      try JSONSerialization.jsonObject(
        with: Data(try visitor.get(path(issuerURL, visitor)).body.utf8)) as? [String: Any])
    #expect(issuer["type"] as? String == "Issuer")
    #expect(issuer["name"] as? String == "Relais")
    #expect(issuer["id"] as? String == issuerURL)
    let svg = try visitor.get(path(try #require(badgeClass["image"] as? String), visitor))
    #expect(svg.header("Content-Type")?.hasPrefix("image/svg+xml") == true)
    #expect(svg.body.hasPrefix("<svg"))

    var urls: [String] = []
    for doc in [assertion, badgeClass, issuer] { collectURLs(doc, into: &urls) }
    #expect(urls.count >= 8)
    for url in Set(urls) where url != "https://w3id.org/openbadges/v2" {
      #expect(url.hasPrefix(visitor.origin + "/"), "\(url) is not on this server")
      #expect(try visitor.get(path(url, visitor)).status == 200, "\(url) does not resolve")
    }

    // Revocation: not by a manager of another cohort; yes by one of the learner's.
    let holder = try server.holderID(of: code)
    let (outsider, _) = try server.staffClient(role: "manager", name: "Other manager")
    #expect(!(try outsider.get("/certificates/\(code)").body.contains("/revoke")))
    // Outside their cohorts: answered as if there were nothing to revoke (Authorization).
    #expect(try outsider.post("/certificates/\(code)/revoke", [("reason", "test")]).status == 404)
    let learnerClient = server.client()
    #expect(try learnerClient.post("/certificates/\(code)/revoke", [("reason", "x")]).status == 403)
    let (manager, managerID) = try server.staffClient(role: "manager", name: "Manager")
    try server.shareCohort([managerID, holder])
    #expect(
      try manager.get("/certificates/\(code)").body.contains(
        "action=\"/certificates/\(code)/revoke\""))
    #expect(try manager.post("/certificates/\(code)/revoke", [("reason", "  ")]).status == 400)
    let revoked = try manager.post(
      "/certificates/\(code)/revoke", [("reason", "Issued by mistake")])
    #expect(revoked.status == 303)
    let gone = try visitor.get("/certificates/\(code)/badge.json")
    #expect(gone.status == 410)
    #expect(
      (try JSONSerialization.jsonObject(with: Data(gone.body.utf8)) as? [String: Any])?["revoked"]
        as? Bool == true)
    #expect(!gone.body.contains("mistake"))
    let after = try visitor.get("/certificates/\(code)")
    #expect(after.body.contains("Status: Revoked"))
    #expect(!after.body.contains("mistake"))
    let audit = try server.academy.auditLog()
    #expect(
      audit.contains {
        $0.action == "certificate.revoke" && $0.subject == code && $0.actorID == managerID
      })
    let revokedPDF = try visitor.getBytes("/certificates/\(code).pdf")
    try Data(revokedPDF.body).write(to: file)
    #expect(try poppler("pdftotext", [file.path, "-"]).contains("REVOKED"))
  }

  @Test func frenchLearnerGetsAFrenchPdfAndPageFollowsTheReader() throws {
    let server = try TestServer()
    defer { server.stop() }
    let (_, code) = try server.certifiedLearner(name: "Zoé Ngono", locale: "fr")
    let visitor = server.client()
    let file = server.dataDirectory.appendingPathComponent("fr.pdf")
    try Data(try visitor.getBytes("/certificates/\(code).pdf").body).write(to: file)
    let text = try poppler("pdftotext", [file.path, "-"])
    #expect(text.contains("Certificat de réussite"))
    #expect(text.contains("Zoé Ngono"))
    #expect(text.contains("valable jusqu’au") || text.contains("valable jusqu'au"))
    let en = try visitor.get("/certificates/\(code)", headers: [("Accept-Language", "en")])
    #expect(en.body.contains("Awarded to"))
    let fr = try visitor.get("/certificates/\(code)", headers: [("Accept-Language", "fr")])
    #expect(fr.body.contains("Décerné à"))
    #expect(fr.body.contains("Statut : Valide") || fr.body.contains("Statut: Valide"))
  }

  @Test func unknownAndMalformedCodesAre404AndNonCanonicalRedirects() throws {
    let server = try TestServer()
    defer { server.stop() }
    let c = server.client()
    #expect(try c.get("/certificates/RLX-2222-2222").status == 404)
    #expect(try c.get("/certificates/RLX-2222-2222.pdf").status == 404)
    #expect(try c.get("/certificates/RLX-2222-2222/badge.json").status == 404)
    #expect(try c.get("/certificates/nonsense").status == 404)
    #expect(try c.get("/badges/nothing.json").status == 404)
    let r = try c.get("/certificates/rlx-2222-2222")
    #expect(r.status == 301)
    #expect(r.location == "/certificates/RLX-2222-2222")
  }

  func path(_ url: String, _ c: TestHTTPClient) -> String {
    url.hasPrefix(c.origin) ? String(url.dropFirst(c.origin.count)) : url
  }

  func collectURLs(_ value: Any, into urls: inout [String]) {
    if let s = value as? String, s.hasPrefix("http") { urls.append(s) }
    if let d = value as? [String: Any] { for v in d.values { collectURLs(v, into: &urls) } }
    if let a = value as? [Any] { for v in a { collectURLs(v, into: &urls) } }
  }
}
