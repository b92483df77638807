import Catalog

/// Interface text. English is built in (the tables in `Strings+Area.swift`) and is the
/// reference every other language's strings file (`Curriculum/locales/CODE.strings`) is
/// checked against; a key a file lacks shows in English.
public enum Strings {
  /// Every English string, by key.
  public static let english: [String: String] = {
    var t: [String: String] = [:]
    for part in [
      common, learner, quiz, staff, certificates, me, teach, manage, accounts, overview, sessions,
      briefings,
      referrals,
    ] {
      t.merge(part) { a, _ in a }
    }
    return t
  }()

  /// Replaces `{1}`, `{2}`, … with the arguments, in one pass (an argument that itself
  /// contains `{2}` stays as written).
  static func fill(_ template: String, _ args: [String]) -> String {
    guard !args.isEmpty, template.contains("{") else { return template }
    var out = ""
    var rest = template[...]
    while let open = rest.firstIndex(of: "{") {
      out += rest[..<open]
      let after = rest[rest.index(after: open)...]
      if let close = after.firstIndex(of: "}"), let n = Int(after[..<close]), n >= 1,
        n <= args.count
      {
        out += args[n - 1]
        rest = after[after.index(after: close)...]
      } else {
        out.append("{")
        rest = after
      }
    }
    out += rest
    return out
  }
}

/// The interface in one language: its strings file over the built-in English.
public struct Interface: Sendable {
  public var language: Language
  var strings: LocaleStrings?
  /// Every language the site offers, with the name each gives itself (the language switch).
  public var offered: [(language: Language, name: String)]

  public init(_ language: Language, _ catalog: Catalog) {
    self.language = language
    strings = catalog.locales[language]
    offered = catalog.languages.map { ($0, catalog.languageName($0)) }
  }

  /// English only (no catalog at hand: tests, the command line).
  public static let english = Interface(language: .reference, strings: nil, offered: [])

  init(language: Language, strings: LocaleStrings?, offered: [(language: Language, name: String)]) {
    self.language = language
    self.strings = strings
    self.offered = offered
  }

  func text(_ key: String) -> String { strings?.values[key] ?? Strings.english[key] ?? key }

  func format(_ key: String, _ args: [String]) -> String { Strings.fill(text(key), args) }

  /// `ltr` or `rtl`, for `<html dir>` and anything drawn by hand.
  public var direction: String { strings?.direction ?? language.direction }
  public var isRightToLeft: Bool { direction == "rtl" }

  /// The language's name for itself.
  public var name: String { strings?.name ?? language.nativeName }
}

extension Catalog {
  /// The interface in `language`, English when the site doesn't offer it.
  public func interface(_ language: Language) -> Interface {
    Interface(offers(language) ? language : .reference, self)
  }

  /// The name a language gives itself, from its strings file when it has one.
  public func languageName(_ language: Language) -> String {
    locales[language]?.name ?? language.nativeName
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
