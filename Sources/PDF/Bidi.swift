/// The direction of a line of text: from its first strong letter, or given.
public enum PDFTextDirection: Sendable {
  case auto, leftToRight, rightToLeft
}

/// A small subset of the Unicode bidirectional algorithm (UAX #9), enough for one line of a
/// certificate: strong letters set the direction of their run, numbers read left to right,
/// neutrals (spaces, punctuation) between two runs of one direction take it and otherwise
/// take the line's. No explicit embeddings; one paragraph per line.
enum Bidi {
  enum Class: Equatable { case left, right, number, neutral }

  static func bidiClass(_ character: Character) -> Class {
    guard let scalar = character.unicodeScalars.first else { return .neutral }
    let value = scalar.value
    // Hebrew, Arabic, Syriac, Thaana, NKo, Samaritan, Mandaic and their presentation forms.
    let rightToLeft =
      (0x0590...0x08FF).contains(value) || (0xFB1D...0xFDFF).contains(value)
      || (0xFE70...0xFEFF).contains(value) || (0x1_0800...0x1_0FFF).contains(value)
      || (0x1_E800...0x1_EFFF).contains(value)
    let properties = scalar.properties
    if properties.numericType == .decimal { return .number }
    if rightToLeft {
      // Arabic-Indic digits were caught above; Arabic punctuation such as ، is neutral.
      return properties.isAlphabetic ? .right : .neutral
    }
    if properties.isAlphabetic { return .left }
    switch properties.generalCategory {
    case .nonspacingMark, .enclosingMark, .spacingMark: return .left
    default: return .neutral
    }
  }

  /// Resolved embedding level of each character: 0 or 2 for left-to-right, 1 for right-to-left.
  static func levels(_ characters: [Character], direction: PDFTextDirection) -> [Int] {
    let classes = characters.map(bidiClass)
    let rtl = isRightToLeft(classes, direction)
    let base = rtl ? 1 : 0
    // Numbers read left to right; marks and letters keep their own class.
    var strong: [Class] = classes.map { $0 == .number ? .left : $0 }
    var index = 0
    while index < strong.count {
      guard strong[index] == .neutral else {
        index += 1
        continue
      }
      var end = index
      while end < strong.count && strong[end] == .neutral { end += 1 }
      let before = index > 0 ? strong[index - 1] : nil
      let after = end < strong.count ? strong[end] : nil
      let resolved: Class =
        before != nil && before == after ? (before ?? .left) : (rtl ? .right : .left)
      for at in index..<end { strong[at] = resolved }
      index = end
    }
    return strong.map { $0 == .right ? 1 : (rtl ? 2 : 0) }.map { max($0, base) }
  }

  /// The paragraph direction: given, or that of the first strong letter (rules P2, P3).
  static func isRightToLeft(_ classes: [Class], _ direction: PDFTextDirection) -> Bool {
    switch direction {
    case .leftToRight: false
    case .rightToLeft: true
    case .auto: classes.first { $0 == .left || $0 == .right } == .right
    }
  }

  /// The order in which to draw the items (rule L2: from the highest level down to the
  /// lowest odd level, reverse every maximal run at or above it).
  static func visualOrder(levels: [Int]) -> [Int] {
    var order = Array(levels.indices)
    guard let highest = levels.max(), let lowestOdd = levels.filter({ $0 % 2 == 1 }).min()
    else { return order }
    var level = highest
    while level >= lowestOdd {
      var start = 0
      while start < order.count {
        guard levels[order[start]] >= level else {
          start += 1
          continue
        }
        var end = start
        while end < order.count && levels[order[end]] >= level { end += 1 }
        order[start..<end].reverse()
        start = end
      }
      level -= 1
    }
    return order
  }

  /// Paired punctuation drawn mirrored inside right-to-left text (BidiMirroring.txt).
  static let mirrored: [Unicode.Scalar: Unicode.Scalar] = [
    "(": ")", ")": "(", "[": "]", "]": "[", "{": "}", "}": "{", "<": ">", ">": "<",
    "«": "»", "»": "«", "‹": "›", "›": "‹",
  ]
}
