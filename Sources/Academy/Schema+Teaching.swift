import Storage

extension Schema {
  static let teaching: [Migration] = []
}
