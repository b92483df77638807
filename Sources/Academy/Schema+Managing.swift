import Storage

extension Schema {
  static let managing: [Migration] = []
}
