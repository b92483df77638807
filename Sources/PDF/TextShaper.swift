import Foundation

/// Glyphs of one face, in the order they are drawn (left to right on the page).
struct GlyphRun: Sendable, Equatable {
  var face: Int
  var glyphs: [ShapedGlyph]
  /// The text the run stands for, when its glyphs can't say it in order themselves
  /// (Myanmar's reordered vowels, or characters no font has); written as /ActualText.
  var actualText: String? = nil
  /// Characters no font has: invisible .notdef glyphs, so they leave a gap but no ink.
  var invisible = false
}

/// One line set for drawing: runs in visual order, the logical text (for /ActualText), and
/// the characters no font could draw, which are left out rather than shown as `?` or boxes.
struct LaidOutLine: Sendable {
  var runs: [GlyphRun] = []
  var text: String = ""
  var missing: [Character] = []
  var rightToLeft = false

  /// Width in points at `size`.
  func width(size: Double) -> Double {
    let faces = FontLibrary.shared.faces
    var total = 0.0
    for run in runs where run.face < faces.count {
      let font = faces[run.face]
      let units = run.glyphs.reduce(0) { $0 + font.advance($1.glyph) }
      total += Double(units) * size / Double(font.unitsPerEm)
    }
    return total
  }
}

/// Turns a string into positioned glyphs: picks a face per character (font fallback),
/// shapes Arabic with the face's GSUB, and orders runs for display (bidi).
enum TextShaper {
  static func layout(_ text: String, typeface: PDFTypeface, direction: PDFTextDirection)
    -> LaidOutLine
  {
    let library = FontLibrary.shared
    // Precomposed forms (é rather than e + ◌́) have glyphs of their own; line breaks and tabs
    // become spaces since one call draws one line; soft hyphens are dropped.
    let normalized = text.precomposedStringWithCanonicalMapping
    var characters: [Character] = []
    for character in normalized where character != "\u{AD}" {
      characters.append(character.isNewline || character == "\t" ? " " : character)
    }
    var line = LaidOutLine()
    line.text = String(characters)
    let levels = Bidi.levels(characters, direction: direction)
    line.rightToLeft = Bidi.isRightToLeft(characters.map(Bidi.bidiClass), direction)

    // Face per character: the previous one if it has the glyph (so spaces and punctuation
    // stay in the run around them), else the first in fallback order that has all of it.
    var faceOf: [Int?] = []
    var previous: Int?
    for character in characters {
      let drawn = character.unicodeScalars.filter { !isInvisible($0) }
      func covers(_ face: Int) -> Bool {
        drawn.allSatisfy { library.faces[face].glyph(for: $0) != nil }
      }
      var chosen: Int?
      if drawn.isEmpty {
        chosen = previous ?? typeface.faces.first
      } else if let previous, covers(previous) {
        chosen = previous
      } else {
        chosen = typeface.faces.first(where: covers)
      }
      if chosen == nil && !line.missing.contains(character) { line.missing.append(character) }
      faceOf.append(chosen)
      previous = chosen ?? previous
    }

    // Runs of one face and one level, in logical order, then shaped and put in visual order.
    var logicalRuns: [(face: Int, level: Int, range: Range<Int>)] = []
    var start = 0
    while start < characters.count {
      var end = start + 1
      while end < characters.count && faceOf[end] == faceOf[start] && levels[end] == levels[start] {
        end += 1
      }
      logicalRuns.append((faceOf[start] ?? -1, levels[start], start..<end))
      start = end
    }
    for index in Bidi.visualOrder(levels: logicalRuns.map(\.level)) {
      let run = logicalRuns[index]
      let rightToLeft = run.level % 2 == 1
      guard run.face >= 0 else {
        let text = String(characters[run.range])
        guard let face = typeface.faces.first else { continue }
        let notdef = ShapedGlyph(glyph: 0, text: "")
        line.runs.append(
          GlyphRun(
            face: face, glyphs: Array(repeating: notdef, count: run.range.count),
            actualText: text, invisible: true))
        continue
      }
      var glyphs = shape(
        Array(characters[run.range]), font: library.faces[run.face], rightToLeft: rightToLeft)
      if rightToLeft {
        // Drawn right to left, and each glyph's text kept in the same visual order: text
        // extractors (poppler, pdf.js) put right-to-left lines back into reading order by
        // reversing them character by character, a lam-alef's "لا" included.
        glyphs.reverse()
        for index in glyphs.indices where glyphs[index].text.unicodeScalars.count > 1 {
          var reversed = String.UnicodeScalarView()
          reversed.append(contentsOf: glyphs[index].text.unicodeScalars.reversed())
          glyphs[index].text = String(reversed)
        }
      }
      let reordered = library.faces[run.face].substitutions.script.hasPrefix("mym")
      line.runs.append(
        GlyphRun(
          face: run.face, glyphs: glyphs,
          actualText: reordered ? String(characters[run.range]) : nil))
    }
    return line
  }

  /// Joiners, direction marks and other format characters: they steer shaping and order but
  /// have no ink.
  static func isInvisible(_ scalar: Unicode.Scalar) -> Bool {
    scalar.properties.generalCategory == .format || scalar.value == 0xFE0F
      || scalar.value == 0xFE0E
  }

  /// Glyphs in logical order for characters of one face and one direction.
  static func shape(_ characters: [Character], font: TrueTypeFont, rightToLeft: Bool)
    -> [ShapedGlyph]
  {
    let scalars = characters.flatMap(\.unicodeScalars)
    let gsub = font.substitutions
    if gsub.script.hasPrefix("mym") { return MyanmarShaping.shape(scalars, font: font) }
    let arabic = gsub.has("init") || gsub.has("fina")
    let forms = arabic ? ArabicJoining.forms(scalars) : []
    var glyphs: [ShapedGlyph] = []
    for (index, scalar) in scalars.enumerated() where !isInvisible(scalar) {
      // Inside right-to-left text "(" is drawn with the glyph of ")", and so on.
      let drawn = rightToLeft ? (Bidi.mirrored[scalar] ?? scalar) : scalar
      guard let glyph = font.glyph(for: drawn) else { continue }
      glyphs.append(
        ShapedGlyph(glyph: glyph, text: String(scalar), feature: arabic ? forms[index] : nil))
    }
    guard arabic else { return glyphs }
    // HarfBuzz's order for Arabic: composition, positional forms (each a stage of its own),
    // required ligatures (lam-alef), then the optional typographic ones.
    gsub.apply(["ccmp", "locl"], to: &glyphs)
    for feature in ["isol", "fina", "medi", "init"] { gsub.apply(feature, to: &glyphs) }
    gsub.apply(["rlig", "calt", "liga", "clig"], to: &glyphs)
    return glyphs
  }
}
