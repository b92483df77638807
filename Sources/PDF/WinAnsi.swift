/// WinAnsiEncoding (PDF 1.4 Appendix D; Windows code page 1252): the single-byte encoding the
/// standard 14 fonts understand, which covers French (é è à ç ô œ « » …) and the euro sign.
enum WinAnsi {
  /// The byte used for characters the encoding has no place for.
  static let replacement = UInt8(ascii: "?")

  /// Unicode scalars of codes 0x80…0x9F, the only part that differs from Latin-1.
  private static let windowsRange: [UInt8: UInt32] = [
    0x80: 0x20AC, 0x82: 0x201A, 0x83: 0x0192, 0x84: 0x201E, 0x85: 0x2026, 0x86: 0x2020,
    0x87: 0x2021, 0x88: 0x02C6, 0x89: 0x2030, 0x8A: 0x0160, 0x8B: 0x2039, 0x8C: 0x0152,
    0x8E: 0x017D, 0x91: 0x2018, 0x92: 0x2019, 0x93: 0x201C, 0x94: 0x201D, 0x95: 0x2022,
    0x96: 0x2013, 0x97: 0x2014, 0x98: 0x02DC, 0x99: 0x2122, 0x9A: 0x0161, 0x9B: 0x203A,
    0x9C: 0x0153, 0x9E: 0x017E, 0x9F: 0x0178,
  ]

  /// Characters outside the encoding that have an obvious stand-in. French typography puts a
  /// narrow no-break space before ; : ! ? » and after «.
  private static let substitutes: [Character: UInt8] = [
    "\u{202F}": 0xA0, "\u{2009}": 0x20, "\u{2007}": 0xA0, "\u{2011}": 0x2D, "\u{2010}": 0x2D,
    "\u{2212}": 0x2D, "\t": 0x20,
  ]

  /// Keyed by Character rather than scalar so that a decomposed "e" + U+0301 finds "é":
  /// Character equality and hashing follow canonical equivalence.
  private static let table: [Character: UInt8] = {
    var table = substitutes
    for code in UInt8(0x20)...UInt8(0xFF) where code != 0x7F && !(0x80...0x9F).contains(code) {
      table[Character(Unicode.Scalar(code))] = code
    }
    for (code, scalar) in windowsRange {
      table[Character(Unicode.Scalar(scalar)!)] = code
    }
    return table
  }()

  /// The byte for `character`, or nil if WinAnsi cannot show it.
  static func byte(for character: Character) -> UInt8? { table[character] }

  /// Encodes `text`, writing `replacement` for what the encoding lacks. Line breaks become
  /// spaces: a text-showing operator draws one line. Soft hyphens are dropped: code 0xAD
  /// would draw a visible hyphen mid-word.
  static func encode(_ text: String) -> [UInt8] {
    var out: [UInt8] = []
    out.reserveCapacity(text.utf8.count)
    for character in text {
      if character == "\u{AD}" {
        continue
      } else if character.isNewline {
        out.append(0x20)
      } else {
        out.append(table[character] ?? replacement)
      }
    }
    return out
  }
}
