/// What a hostile visitor types into every field: bytes, so that invalid UTF-8 can travel in
/// percent-encoded queries and bodies (paths and headers carry them decoded, as U+FFFD).
enum HostileValues {
  static let all: [[UInt8]] = {
    var v: [String] = [
      "", " ", ";", ",", ";;,,", "&", "=", "&=&=", "/", "-", "--", "%", "%zz", "%00", "+",
      String(repeating: "a", count: 10_000), String(repeating: "é", count: 5_000),
      String(repeating: "<", count: 10_000), "\u{0}", "a\u{0}b", "\u{1}\u{7F}\t\r\n",
      "\r\nSet-Cookie: x=1", "-1", "0", "1.5", "-0.5", "99999999999999999999999",
      "-9223372036854775808", "9223372036854775807", "18446744073709551616", "1e309", "-1e309",
      "nan", "NaN", "inf", "-inf", "Infinity", "0x1p3", "1_000", "0000-01-01", "0000-00-00",
      "300000000000-01-01", "-300000000000-01-01", "2026-02-30", "9999-99-99", "2026-1-1",
      "<script>alert(1)</script>", "\"><b>x</b>", "</div></main>", "'", "\"", "&amp;", "{{x}}",
      "../../etc/passwd", "//evil.example", "https://evil.example/", "\\\\evil", ".",
      "\u{202E}gnp.exe", "e\u{301}\u{301}\u{301}", "🇫🇷👩🏽‍💻", "\u{FEFF}", "\u{FFFD}", "null",
      "true", "[]", "{}", "admin", "fr", "en;q=nan", "q=1e309",
    ]
    v += ["fact-checking", "01-why-verify.md", "module.md", "kinds"]
    var out = v.map { Array($0.utf8) }
    // Invalid UTF-8: a lone continuation byte, an overlong slash, a truncated sequence.
    out += [[0x80], [0xC0, 0xAF], [0xE2, 0x82], [0xFF, 0xFE, 0x00], [0xED, 0xA0, 0x80]]
    return out
  }()

  /// What a slot is meant to hold: each gets every value of its kind, then random others.
  enum Kind: Sendable {
    case date, number, language, any
  }

  static let dates = [
    "0000-01-01", "0000-00-00", "300000000000-01-01", "-300000000000-01-01",
    "9223372036854775807-12-31", "2026-02-30", "9999-99-99", "1969-12-31", "2201-01-01",
    "2026-1-1", "+2026-01-01",
  ].map { Array($0.utf8) }

  static let numbers = [
    "-1", "0", "-0", "1.5", "-0.5", "1,5", "99999999999999999999999", "-9223372036854775808",
    "9223372036854775807", "18446744073709551616", "1e309", "-1e309", "1e-400", "nan", "NaN",
    "-nan", "inf", "-inf", "Infinity", "0x1p3", "1_000", "1 000", "١٢٣",
  ].map { Array($0.utf8) }

  /// For Accept-Language: separators alone and unreadable weights.
  static let languages = [
    ";", ",", ";;", " ; , ", "fr;", ";q=1", "=", "fr;q=nan", "fr;q=1e309", "fr;q=-1",
    "fr;q=", "*", "fr-", "-", "fr;q=0.5;q=0.9", String(repeating: "fr,", count: 3_000),
  ].map { Array($0.utf8) }

  static func of(_ kind: Kind) -> [[UInt8]] {
    switch kind {
    case .date: return dates
    case .number: return numbers
    case .language: return languages
    case .any: return []
    }
  }

  /// What a name says it holds, for query keys and fields without a typed input.
  static func kind(ofName name: String) -> Kind {
    switch name {
    case "from", "to", "due", "before": return .date
    case "page", "days", "percent": return .number
    default: return .any
    }
  }

  /// Every byte but unreserved ones percent-encoded (a form or query value as sent).
  static func percentEncoded(_ bytes: [UInt8]) -> String {
    let hex = Array("0123456789ABCDEF".utf8)
    var out: [UInt8] = []
    for b in bytes {
      switch b {
      case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
        UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"),
        UInt8(ascii: "."), UInt8(ascii: "~"):
        out.append(b)
      default: out += [UInt8(ascii: "%"), hex[Int(b >> 4)], hex[Int(b & 15)]]
      }
    }
    return String(decoding: out, as: UTF8.self)
  }

  static func text(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }
}

/// SplitMix64: the same seed gives the same run, so a failure replays.
struct SeededRandom: RandomNumberGenerator {
  var state: UInt64
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}
