/// HTML built by interpolation where every interpolated `String` is escaped unless it is
/// already `HTML`. Safe by default: `"<p>\(name)</p>" as HTML` cannot inject markup.
public struct HTML: Sendable, ExpressibleByStringInterpolation, CustomStringConvertible {
  public private(set) var text: String

  public init(stringLiteral value: String) { text = value }
  public init(stringInterpolation: Interpolation) { text = stringInterpolation.text }
  /// Markup that is already safe (rendered lessons, our own fragments).
  public init(trusted: String) { text = trusted }
  public static let empty = HTML(trusted: "")

  public var description: String { text }

  public static func + (a: HTML, b: HTML) -> HTML { HTML(trusted: a.text + b.text) }
  public static func += (a: inout HTML, b: HTML) { a.text += b.text }

  public struct Interpolation: StringInterpolationProtocol {
    var text = ""
    public init(literalCapacity: Int, interpolationCount: Int) {
      text.reserveCapacity(literalCapacity + interpolationCount * 16)
    }
    public mutating func appendLiteral(_ literal: String) { text += literal }
    public mutating func appendInterpolation(_ value: String) { HTML.escape(value, into: &text) }
    public mutating func appendInterpolation(_ value: String?) { HTML.escape(value ?? "", into: &text) }
    public mutating func appendInterpolation(_ value: Int) { text += String(value) }
    public mutating func appendInterpolation(_ value: HTML) { text += value.text }
    public mutating func appendInterpolation(_ values: [HTML]) {
      for v in values { text += v.text }
    }
  }

  /// Escapes text for element content and double-quoted attribute values.
  public static func escape(_ s: String, into out: inout String) {
    for c in s.unicodeScalars {
      switch c {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      case "'": out += "&#39;"
      default: out.unicodeScalars.append(c)
      }
    }
  }

  public static func escape(_ s: String) -> String {
    var out = ""
    escape(s, into: &out)
    return out
  }
}

extension Array where Element == HTML {
  public func joined() -> HTML { HTML(trusted: map(\.text).joined()) }
}
