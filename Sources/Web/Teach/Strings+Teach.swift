extension Strings {
  static let teach: [String: Entry] = [:]
}
