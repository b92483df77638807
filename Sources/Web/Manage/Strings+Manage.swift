extension Strings {
  static let manage: [String: Entry] = [:]
}
