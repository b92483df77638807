/// Myanmar (Burmese, and the Shan, Mon, Karen letters of the same blocks): within each
/// syllable the vowel sign E and the medial RA are written after the consonant but drawn
/// before it, and a kinzi (NGA + ASAT + VIRAMA, written first) is drawn above the consonant
/// that follows it; then the font's GSUB forms stacked consonants, medial shapes and mark
/// variants. This follows HarfBuzz's Myanmar shaper, without its dotted-circle insertion for
/// broken sequences (a name as typed is drawn as typed).
enum MyanmarShaping {
  static func isBase(_ value: UInt32) -> Bool {
    (0x1000...0x102A).contains(value) || value == 0x103F || (0x1040...0x1049).contains(value)
      || value == 0x104E || (0x1050...0x1051).contains(value)
      || (0x105A...0x105D).contains(value) || value == 0x1061 || (0x1065...0x1066).contains(value)
      || (0x106E...0x1070).contains(value) || (0x1075...0x1081).contains(value)
      || value == 0x108E || (0x1090...0x1099).contains(value)
      || (0xAA60...0xAA76).contains(value) || value == 0xAA7A
      || (0xA9E0...0xA9E4).contains(value) || (0xA9E7...0xA9EF).contains(value)
      || (0xA9FA...0xA9FE).contains(value)
  }

  static let virama: UInt32 = 0x1039
  static let asat: UInt32 = 0x103A
  static let medialRa: UInt32 = 0x103C
  static let preBaseVowels: Set<UInt32> = [0x1031, 0x1084]

  /// Scalars in drawing order, syllable by syllable.
  static func reorder(_ scalars: [Unicode.Scalar]) -> [Unicode.Scalar] {
    var syllables: [[Unicode.Scalar]] = []
    for scalar in scalars {
      let startsSyllable =
        isBase(scalar.value) && syllables.last?.last?.value != virama
      if startsSyllable || syllables.isEmpty {
        syllables.append([scalar])
      } else {
        syllables[syllables.count - 1].append(scalar)
      }
    }
    return syllables.flatMap(reorderSyllable)
  }

  static func reorderSyllable(_ syllable: [Unicode.Scalar]) -> [Unicode.Scalar] {
    guard let first = syllable.first, isBase(first.value) else { return syllable }
    let values = syllable.map(\.value)
    // Kinzi: a consonant, ASAT, VIRAMA, then the base it sits on.
    let kinzi =
      values.count > 3 && values[1] == asat && values[2] == virama && isBase(values[3])
    let baseIndex = kinzi ? 3 : 0
    var pre: [Unicode.Scalar] = []
    var ra: [Unicode.Scalar] = []
    var rest: [Unicode.Scalar] = []
    for (index, scalar) in syllable.enumerated() where index > baseIndex {
      if preBaseVowels.contains(scalar.value) {
        pre.append(scalar)
      } else if scalar.value == medialRa {
        ra.append(scalar)
      } else {
        rest.append(scalar)
      }
    }
    let kinziScalars = kinzi ? Array(syllable[0..<3]) : []
    return pre + ra + [syllable[baseIndex]] + kinziScalars + rest
  }

  /// Glyphs for a Myanmar run, in drawing order.
  static func shape(_ scalars: [Unicode.Scalar], font: TrueTypeFont) -> [ShapedGlyph] {
    var glyphs: [ShapedGlyph] = []
    for scalar in reorder(scalars) where !TextShaper.isInvisible(scalar) {
      guard let glyph = font.glyph(for: scalar) else { continue }
      glyphs.append(ShapedGlyph(glyph: glyph, text: String(scalar)))
    }
    let gsub = font.substitutions
    // HarfBuzz's stages for Myanmar: the basic forms one feature at a time, then the rest.
    for stage in [["locl"], ["ccmp"], ["rphf"], ["pref"], ["blwf"], ["pstf"]] {
      gsub.apply(stage, to: &glyphs)
    }
    gsub.apply(["pres", "abvs", "blws", "psts", "calt", "clig", "liga", "rlig"], to: &glyphs)
    return glyphs
  }
}
