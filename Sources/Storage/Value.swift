/// A value bound to or read from SQLite.
public enum Value: Sendable, Equatable, Hashable {
  case null
  case integer(Int64)
  case real(Double)
  case text(String)
  case blob([UInt8])

  public var int: Int? {
    switch self {
    case .integer(let i): return Int(i)
    case .real(let d): return Int(d)
    case .text(let s): return Int(s)
    default: return nil
    }
  }

  public var double: Double? {
    switch self {
    case .integer(let i): return Double(i)
    case .real(let d): return d
    default: return nil
    }
  }

  public var string: String? {
    switch self {
    case .text(let s): return s
    case .integer(let i): return String(i)
    case .real(let d): return String(d)
    default: return nil
    }
  }

  public var isNull: Bool { self == .null }
}

extension Value: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByNilLiteral,
  ExpressibleByFloatLiteral
{
  public init(stringLiteral value: String) { self = .text(value) }
  public init(integerLiteral value: Int) { self = .integer(Int64(value)) }
  public init(nilLiteral: ()) { self = .null }
  public init(floatLiteral value: Double) { self = .real(value) }
}

/// Things that bind as a `Value`.
public protocol ValueConvertible {
  var sqlValue: Value { get }
}

extension String: ValueConvertible { public var sqlValue: Value { .text(self) } }
extension Int: ValueConvertible { public var sqlValue: Value { .integer(Int64(self)) } }
extension Int64: ValueConvertible { public var sqlValue: Value { .integer(self) } }
extension Double: ValueConvertible { public var sqlValue: Value { .real(self) } }
extension Bool: ValueConvertible { public var sqlValue: Value { .integer(self ? 1 : 0) } }
extension Value: ValueConvertible { public var sqlValue: Value { self } }
extension Optional: ValueConvertible where Wrapped: ValueConvertible {
  public var sqlValue: Value { self?.sqlValue ?? .null }
}
