import Academy
import Catalog
import PDF

/// The printable certificate: one A4 landscape page in the holder's language, with the
/// verification address and code printed so anyone holding the paper can check it.
enum CertificatePDF {
  static let navy = PDFColor(hex: 0x0B3D66)
  static let red = PDFColor(hex: 0xC62828)

  static func render(
    _ cert: Certificate, moduleTitle: String, issuer: String, verifyURL: String, now: Int64,
    ui: Interface
  ) -> [UInt8] {
    func t(_ key: String, _ args: String...) -> String { ui.format(key, args) }
    let name = cert.holderName.isEmpty ? t("cert.pdf.holderErased") : cert.holderName
    var document = PDFDocument(
      title: "\(t("cert.pdf.heading")) \(cert.code)", author: issuer,
      creationDate: PDFDate(secondsSince1970: cert.issuedAt))
    document.addPage(size: .a4Landscape) { page in
      let cx = page.width / 2
      let textWidth = page.width - 160
      page.rect(
        x: 20, y: 20, width: page.width - 40, height: page.height - 40, stroke: navy, lineWidth: 4)
      page.rect(
        x: 30, y: 30, width: page.width - 60, height: page.height - 60, stroke: navy, lineWidth: 1)
      page.centeredText(issuer, centerX: cx, y: 520, font: .helveticaBold, size: 16, color: navy)
      page.centeredText(
        t("cert.pdf.heading"), centerX: cx, y: 465, font: .helveticaBold, size: 34, color: navy)
      page.centeredText(t("cert.pdf.awarded"), centerX: cx, y: 410, size: 16)
      let nameSize = PDFFont.helveticaBold.size(
        toFit: name, width: textWidth, maximum: 36, minimum: 12)
      page.centeredText(name, centerX: cx, y: 360, font: .helveticaBold, size: nameSize)
      page.line(x1: cx - 220, y1: 348, x2: cx + 220, y2: 348, width: 0.75, color: .gray)
      page.centeredText(t("cert.pdf.completed"), centerX: cx, y: 315, size: 16)
      page.paragraph(
        moduleTitle, x: 80, y: 275, width: textWidth, font: .helveticaBold, size: 24,
        alignment: .center)
      page.centeredText(
        t(
          "cert.pdf.dates", Dates.long(cert.issuedAt, ui),
          Dates.long(cert.expiresAt, ui)),
        centerX: cx, y: 190, size: 14)
      if cert.status(at: now) == .revoked {
        page.centeredText(
          t("cert.pdf.revoked"), centerX: cx, y: 160, font: .helveticaBold, size: 18, color: red)
      }
      page.centeredText(t("cert.pdf.verify"), centerX: cx, y: 100, size: 11, color: .gray)
      let urlSize = PDFFont.helvetica.size(
        toFit: verifyURL, width: textWidth, maximum: 13, minimum: 7)
      page.centeredText(verifyURL, centerX: cx, y: 82, size: urlSize)
      page.centeredText(
        t("cert.pdf.code", cert.code), centerX: cx, y: 58, font: .helveticaBold, size: 16,
        color: navy)
    }
    return document.render()
  }
}
