/// Header fields in order; names compare case-insensitively.
public struct HTTPHeaders: Sendable, Sequence {
  public private(set) var fields: [(name: String, value: String)] = []

  public init() {}
  public init(_ fields: [(String, String)]) {
    for (n, v) in fields { add(n, v) }
  }

  /// The first value of a field, or nil.
  public subscript(name: String) -> String? {
    for f in fields
    where f.name.utf8.count == name.utf8.count && f.name.lowercased() == name.lowercased() {
      return f.value
    }
    return nil
  }

  public func values(_ name: String) -> [String] {
    fields.filter { Self.sameName($0.name, name) }.map(\.value)
  }

  public mutating func add(_ name: String, _ value: String) {
    fields.append((name, value))
  }

  /// Replaces every field of that name with one value.
  public mutating func set(_ name: String, _ value: String) {
    remove(name)
    fields.append((name, value))
  }

  public mutating func remove(_ name: String) {
    fields.removeAll { Self.sameName($0.name, name) }
  }

  /// ASCII case-insensitive comparison without allocating: field names are tokens.
  @inline(__always)
  static func sameName(_ a: String, _ b: String) -> Bool {
    var x = a.utf8.makeIterator()
    var y = b.utf8.makeIterator()
    guard a.utf8.count == b.utf8.count else { return false }
    while let p = x.next(), let q = y.next() {
      if p != q && (p | 0x20 != q | 0x20 || !((p | 0x20) >= 0x61 && (p | 0x20) <= 0x7A)) {
        return false
      }
    }
    return true
  }

  public func makeIterator() -> IndexingIterator<[(name: String, value: String)]> {
    fields.makeIterator()
  }
}
