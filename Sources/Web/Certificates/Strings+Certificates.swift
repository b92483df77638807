extension Strings {
  static let certificates: [String: Entry] = [:]
}
