/// One result row; columns by name or position.
public struct Row: Sendable {
  public let columns: [String]
  public let values: [Value]

  public subscript(_ name: String) -> Value {
    guard let i = columns.firstIndex(of: name) else { return .null }
    return values[i]
  }

  public subscript(_ index: Int) -> Value { values[index] }

  public func string(_ name: String) -> String? { self[name].string }
  public func int(_ name: String) -> Int? { self[name].int }
  public func double(_ name: String) -> Double? { self[name].double }
}
