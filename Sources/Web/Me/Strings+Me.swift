extension Strings {
  static let me: [String: Entry] = [:]
}
