import Academy
import Catalog
import PDF

/// The printable certificate: one A4 landscape page in the holder's language, with the
/// verification address and code printed so anyone holding the paper can check it.
///
/// Text is drawn with the fonts the PDF module embeds, so a name in Arabic, Cyrillic,
/// Ethiopic, Myanmar… prints as written. A name in a script none of them covers (Khmer,
/// Devanagari, Chinese…) is not drawn half-blank or as `?`: in its place a line says the name is on the
/// verification page (where the browser's fonts show it), and the name itself is laid there
/// as invisible text, so copying, searching and screen readers still get it.
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
      creationDate: PDFDate(secondsSince1970: cert.issuedAt), language: ui.language.rawValue)
    // Only missing letters hide the name; a missing emoji or symbol just leaves a gap.
    let printable = PDFTypeface.bold.missingCharacters(in: name).allSatisfy {
      !$0.isLetter && !$0.isNumber
    }
    document.addPage(size: .a4Landscape) { page in
      let cx = page.width / 2
      let textWidth = page.width - 160
      page.rect(
        x: 20, y: 20, width: page.width - 40, height: page.height - 40, stroke: navy, lineWidth: 4)
      page.rect(
        x: 30, y: 30, width: page.width - 60, height: page.height - 60, stroke: navy, lineWidth: 1)
      page.centeredText(issuer, centerX: cx, y: 520, typeface: .bold, size: 16, color: navy)
      page.centeredText(
        t("cert.pdf.heading"), centerX: cx, y: 465, typeface: .bold, size: 34, color: navy)
      page.centeredText(t("cert.pdf.awarded"), centerX: cx, y: 410, typeface: .regular, size: 16)
      let nameSize = PDFTypeface.bold.size(toFit: name, width: textWidth, maximum: 36, minimum: 12)
      page.text(
        name, x: cx, y: 360, typeface: .bold, size: nameSize, alignment: .center,
        visible: printable)
      if !printable {
        page.paragraph(
          t("cert.pdf.nameElsewhere"), x: 80, y: 372, width: textWidth, typeface: .regular,
          size: 13, color: navy, alignment: .center)
      }
      page.line(x1: cx - 220, y1: 348, x2: cx + 220, y2: 348, width: 0.75, color: .gray)
      page.centeredText(t("cert.pdf.completed"), centerX: cx, y: 315, typeface: .regular, size: 16)
      page.paragraph(
        moduleTitle, x: 80, y: 275, width: textWidth, typeface: .bold, size: 24,
        alignment: .center)
      page.centeredText(
        t(
          "cert.pdf.dates", Dates.long(cert.issuedAt, ui),
          Dates.long(cert.expiresAt, ui)),
        centerX: cx, y: 190, typeface: .regular, size: 14)
      if cert.status(at: now) == .revoked {
        page.centeredText(
          t("cert.pdf.revoked"), centerX: cx, y: 160, typeface: .bold, size: 18, color: red)
      }
      page.centeredText(
        t("cert.pdf.verify"), centerX: cx, y: 100, typeface: .regular, size: 11, color: .gray)
      let urlSize = PDFTypeface.regular.size(
        toFit: verifyURL, width: textWidth, maximum: 13, minimum: 7)
      page.text(
        verifyURL, x: cx, y: 82, typeface: .regular, size: urlSize, alignment: .center,
        direction: .leftToRight)
      page.centeredText(
        t("cert.pdf.code", cert.code), centerX: cx, y: 58, typeface: .bold, size: 16,
        color: navy)
    }
    return document.render()
  }
}
