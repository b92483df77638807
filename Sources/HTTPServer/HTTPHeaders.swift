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
    let lower = name.lowercased()
    return fields.filter { $0.name.lowercased() == lower }.map(\.value)
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
    let lower = name.lowercased()
    fields.removeAll { $0.name.lowercased() == lower }
  }

  public func makeIterator() -> IndexingIterator<[(name: String, value: String)]> {
    fields.makeIterator()
  }
}
