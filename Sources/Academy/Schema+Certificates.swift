import Storage

extension Schema {
  static let certificates: [Migration] = []
}
