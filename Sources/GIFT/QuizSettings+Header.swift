/// Quiz settings from the comment block before the first question:
///
///     // @draw: 8        questions drawn at random per attempt
///     // @shuffle: false keep the answers in file order (shuffled unless turned off)
///     // @attempts: 3    attempts allowed
///     // @wait: 30       minutes between attempts
extension Parser {
  static let settingKeys = ["draw", "shuffle", "attempts", "wait"]

  /// Reads a `// @key: value` line; false when the comment is not a setting.
  @discardableResult
  mutating func readSetting(_ line: Range<Int>) -> Bool {
    let bytes = source.bytes
    var i = line.lowerBound + 2
    while i < line.upperBound && isTrimmable(bytes[i]) { i += 1 }
    guard i < line.upperBound, bytes[i] == 0x40 else { return false }
    let at = i
    i += 1
    let keyStart = i
    while i < line.upperBound, bytes[i] != 0x3A, !isTrimmable(bytes[i]) { i += 1 }
    let key = String(decoding: bytes[keyStart..<i], as: UTF8.self)
    guard Parser.settingKeys.contains(key) else {
      fail(at, "unknown quiz setting '@\(key)' (known: @draw, @shuffle, @attempts, @wait)")
      return true
    }
    while i < line.upperBound && isTrimmable(bytes[i]) { i += 1 }
    guard i < line.upperBound, bytes[i] == 0x3A else {
      fail(at, "expected ':' after '@\(key)'")
      return true
    }
    i += 1
    while i < line.upperBound && isTrimmable(bytes[i]) { i += 1 }
    let valueOffset = i
    let value = String(decoding: bytes[i..<line.upperBound], as: UTF8.self)
    if !seenSettings.insert(key).inserted {
      fail(at, "'@\(key)' is set twice")
      return true
    }
    switch key {
    case "shuffle":
      switch value.lowercased() {
      case "true", "yes": settings.shuffleAnswers = true
      case "false", "no": settings.shuffleAnswers = false
      default: fail(valueOffset, "'@shuffle' takes true or false, not '\(value)'")
      }
    default:
      let minimum = key == "wait" ? 0 : 1
      guard let n = Int(value), n >= minimum else {
        fail(valueOffset, "'@\(key)' takes a whole number from \(minimum), not '\(value)'")
        return true
      }
      switch key {
      case "draw": settings.draw = n
      case "attempts": settings.maxAttempts = n
      default: settings.waitMinutes = n
      }
    }
    return true
  }
}
