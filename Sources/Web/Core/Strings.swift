import Catalog

/// Interface text in every language. Each entry carries all languages at once, so a French
/// page can't show an English string by omission. Areas add their tables in
/// `Strings+Area.swift`.
enum Strings {
  typealias Entry = (en: String, fr: String)

  static let table: [String: Entry] = {
    var t: [String: Entry] = [:]
    for part in [common, learner, quiz, staff, certificates, me, teach, manage, referrals] {
      t.merge(part) { a, _ in a }
    }
    return t
  }()

  static func text(_ key: String, _ language: Language) -> String {
    guard let e = table[key] else { return key }
    switch language {
    case .en: return e.en
    case .fr: return e.fr
    }
  }

  /// Replaces `{1}`, `{2}`, … with the arguments.
  static func format(_ key: String, _ language: Language, _ args: [String]) -> String {
    var s = text(key, language)
    for (i, a) in args.enumerated() {
      s = s.replacingOccurrences(of: "{\(i + 1)}", with: a)
    }
    return s
  }
}

extension String {
  func replacingOccurrences(of target: String, with replacement: String) -> String {
    guard !target.isEmpty else { return self }
    var out = ""
    var rest = self[...]
    while let r = rest.range(of: target) {
      out += rest[..<r.lowerBound]
      out += replacement
      rest = rest[r.upperBound...]
    }
    out += rest
    return out
  }
}
