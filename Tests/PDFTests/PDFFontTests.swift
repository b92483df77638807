import Testing

@testable import PDF

@Suite struct PDFFontTests {
  @Test func measuresWithHelveticaWidths() {
    // H 722 + e 556 + l 222 + l 222 + o 556 (Adobe Helvetica.afm).
    #expect(PDFFont.helvetica.width(of: "Hello", size: 10) == 22.78)
    #expect(PDFFont.helveticaOblique.width(of: "Hello", size: 10) == 22.78)
  }

  @Test func measuresWithHelveticaBoldWidths() {
    // H 722 + e 556 + l 278 + l 278 + o 611 (Adobe Helvetica-Bold.afm).
    #expect(PDFFont.helveticaBold.width(of: "Hello", size: 10) == 24.45)
  }

  @Test func measuresWithTimesWidths() {
    // H 722 + e 444 + l 278 + l 278 + o 500 (Adobe Times-Roman.afm).
    #expect(PDFFont.timesRoman.width(of: "Hello", size: 10) == 22.22)
  }

  @Test func measuresAccentsEuroAndGuillemets() {
    // é 556, € 556, « 556, œ 944, space 278.
    #expect(PDFFont.helvetica.width(of: "é € « œ", size: 1000) == 556 * 3 + 944 + 278 * 3)
  }

  @Test func widthScalesWithSize() {
    let at12 = PDFFont.helveticaBold.width(of: "Réussite", size: 12)
    let at24 = PDFFont.helveticaBold.width(of: "Réussite", size: 24)
    #expect(at24 == 2 * at12)
    #expect(PDFFont.helvetica.width(of: "", size: 12) == 0)
  }

  @Test func wrapsAtSpacesWithinTheWidth() {
    let text = "Ce certificat atteste que la personne a suivi le module avec succès."
    let lines = PDFFont.helvetica.lines(wrapping: text, width: 150, size: 12)
    #expect(lines.count > 1)
    #expect(lines.joined(separator: " ") == text)
    for line in lines { #expect(PDFFont.helvetica.width(of: line, size: 12) <= 150) }
  }

  @Test func cutsAWordWiderThanTheLine() {
    let lines = PDFFont.helvetica.lines(wrapping: "Anticonstitutionnellement", width: 50, size: 12)
    #expect(lines.count > 1)
    #expect(lines.joined() == "Anticonstitutionnellement")
    for line in lines { #expect(PDFFont.helvetica.width(of: line, size: 12) <= 50) }
  }

  @Test func keepsExplicitLineBreaks() {
    #expect(PDFFont.helvetica.lines(wrapping: "un\ndeux", width: 500, size: 12) == ["un", "deux"])
  }

  @Test func findsTheLargestSizeThatFits() {
    let name = "Marie-Élisabeth de La Tour d’Auvergne-Lauraguais"
    let size = PDFFont.helveticaBold.size(toFit: name, width: 600, maximum: 36)
    #expect(size < 36)
    #expect(PDFFont.helveticaBold.width(of: name, size: size) <= 600)
    #expect(PDFFont.helveticaBold.width(of: name, size: size + 0.5) > 600)
    #expect(PDFFont.helveticaBold.size(toFit: "Ana", width: 600, maximum: 36) == 36)
  }
}
