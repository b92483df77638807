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

  /// A name or other text a person typed, isolated from the text around it (`<bdi>`), so an
  /// Arabic name in an English sentence, or a Latin one in an Arabic page, keeps its order
  /// and doesn't pull the punctuation next to it.
  public static func isolated(_ s: String) -> HTML { "<bdi>\(s)</bdi>" }

  /// The same for text that can't hold markup (sentence arguments, attributes, options):
  /// Unicode's first-strong isolate and pop directional isolate around it.
  public static func isolate(_ s: String) -> String { "\u{2068}\(s)\u{2069}" }

  public static func + (a: HTML, b: HTML) -> HTML { HTML(trusted: a.text + b.text) }
  public static func += (a: inout HTML, b: HTML) { a.text += b.text }

  public struct Interpolation: StringInterpolationProtocol {
    var text = ""
    public init(literalCapacity: Int, interpolationCount: Int) {
      text.reserveCapacity(literalCapacity + interpolationCount * 16)
    }
    public mutating func appendLiteral(_ literal: String) { text += literal }
    public mutating func appendInterpolation(_ value: String) { HTML.escape(value, into: &text) }
    public mutating func appendInterpolation(_ value: String?) {
      HTML.escape(value ?? "", into: &text)
    }
    public mutating func appendInterpolation(_ value: Int) { text += String(value) }
    public mutating func appendInterpolation(_ value: HTML) { text += value.text }
    public mutating func appendInterpolation(_ values: [HTML]) {
      for v in values { text += v.text }
    }
  }

  /// Escapes text for element content and double-quoted attribute values. Runs of bytes
  /// that need nothing are appended whole (most text has no special character at all).
  public static func escape(_ s: String, into out: inout String) {
    let original = s
    var utf8 = s
    let clean = utf8.withUTF8 { bytes -> Bool in
      var start = 0
      for i in 0..<bytes.count {
        let replacement: String
        switch bytes[i] {
        case UInt8(ascii: "&"): replacement = "&amp;"
        case UInt8(ascii: "<"): replacement = "&lt;"
        case UInt8(ascii: ">"): replacement = "&gt;"
        case UInt8(ascii: "\""): replacement = "&quot;"
        case UInt8(ascii: "'"): replacement = "&#39;"
        default: continue
        }
        if i > start {
          out += String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self)
        }
        out += replacement
        start = i + 1
      }
      if start == 0 { return true }
      if start < bytes.count {
        out += String(decoding: UnsafeBufferPointer(rebasing: bytes[start...]), as: UTF8.self)
      }
      return false
    }
    if clean { out += original }
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
