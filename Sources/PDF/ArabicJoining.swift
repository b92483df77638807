/// Arabic joining (Unicode §9.2, ArabicShaping.txt): each letter takes its isolated, initial,
/// medial or final form depending on whether its neighbours join to it. Marks are transparent
/// (they sit on a letter without breaking the join); a tatweel or ZWJ joins on both sides.
enum ArabicJoining {
  enum JoiningType: Equatable {
    /// Joins on both sides (beh, meem, yeh…).
    case dual
    /// Joins only to the letter before it (alef, dal, reh, waw, teh marbuta…).
    case right
    /// Joins on both sides without changing shape (tatweel, ZWJ).
    case causing
    /// Marks: skipped when looking for neighbours.
    case transparent
    case none
  }

  /// Right-joining letters of the Arabic blocks; the rest of the letters are dual-joining,
  /// except the few non-joining ones in `nonJoining`.
  private static let rightJoining: [ClosedRange<UInt32>] = [
    0x0622...0x0625, 0x0627...0x0627, 0x0629...0x0629, 0x062F...0x0632, 0x0648...0x0648,
    0x0671...0x0673, 0x0675...0x0677, 0x0688...0x0699, 0x06C0...0x06C0, 0x06C3...0x06CB,
    0x06CD...0x06CD, 0x06CF...0x06CF, 0x06D2...0x06D3, 0x06D5...0x06D5, 0x06EE...0x06EF,
    0x0759...0x075B, 0x076B...0x076C, 0x0771...0x0771, 0x0773...0x0774, 0x0778...0x0779,
    0x08AA...0x08AC, 0x08AE...0x08AE, 0x08B1...0x08B2, 0x08B9...0x08B9,
  ]
  private static let nonJoining: [ClosedRange<UInt32>] = [
    0x0600...0x061F, 0x0621...0x0621, 0x0660...0x066D, 0x0674...0x0674, 0x06D4...0x06D4,
    0x06DD...0x06DE, 0x06E5...0x06E6, 0x06E9...0x06E9, 0x06F0...0x06F9, 0x06FD...0x06FE,
    0x08AD...0x08AD,
  ]

  static func joiningType(_ scalar: Unicode.Scalar) -> JoiningType {
    let value = scalar.value
    if value == 0x0640 || value == 0x200D { return .causing }
    switch scalar.properties.generalCategory {
    case .nonspacingMark, .enclosingMark: return .transparent
    case .format: return value == 0x200C ? .none : .transparent
    default: break
    }
    let arabic =
      (0x0620...0x06FF).contains(value) || (0x0750...0x077F).contains(value)
      || (0x08A0...0x08C9).contains(value)
    guard arabic, scalar.properties.generalCategory == .otherLetter else { return .none }
    if nonJoining.contains(where: { $0.contains(value) }) { return .none }
    if rightJoining.contains(where: { $0.contains(value) }) { return .right }
    return .dual
  }

  /// The positional feature (`isol`, `init`, `medi`, `fina`) for each scalar; nil for those
  /// that take none (marks, non-joining characters).
  static func forms(_ scalars: [Unicode.Scalar]) -> [String?] {
    let types = scalars.map(joiningType)
    var forms = [String?](repeating: nil, count: scalars.count)
    /// Whether the nearest non-transparent neighbour in `direction` joins towards us.
    func neighbourJoins(from index: Int, step: Int) -> Bool {
      var at = index + step
      while at >= 0 && at < types.count && types[at] == .transparent { at += step }
      guard at >= 0 && at < types.count else { return false }
      switch types[at] {
      case .dual, .causing: return true
      // A right-joining letter joins to the one before it (logically), never to the next.
      case .right: return step > 0
      case .transparent, .none: return false
      }
    }
    for (index, type) in types.enumerated() {
      guard type == .dual || type == .right else { continue }
      let joinsBefore = neighbourJoins(from: index, step: -1)
      let joinsAfter = type == .dual && neighbourJoins(from: index, step: 1)
      forms[index] =
        switch (joinsBefore, joinsAfter) {
        case (true, true): "medi"
        case (true, false): "fina"
        case (false, true): "init"
        case (false, false): "isol"
        }
    }
    return forms
  }
}
