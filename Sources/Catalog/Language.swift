/// The languages content and interface come in. English is the reference: a missing
/// translation falls back to it.
public enum Language: String, Sendable, CaseIterable, Hashable, Comparable {
  case en, fr

  public static let reference = Language.en

  /// The file-name suffix of a translation (`01-why-verify.fr.md`); none for the reference.
  public var fileSuffix: String { self == .reference ? "" : ".\(rawValue)" }

  /// Text direction, for `<html dir>` (ready for right-to-left languages).
  public var direction: String { "ltr" }

  public var nativeName: String {
    switch self {
    case .en: return "English"
    case .fr: return "Français"
    }
  }

  public static func < (a: Language, b: Language) -> Bool {
    allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
  }
}

/// One value per language, with fallback to the reference language.
public struct Localized<Value: Sendable>: Sendable {
  public var values: [Language: Value]

  public init(_ values: [Language: Value] = [:]) { self.values = values }

  /// The value in `language`, or the reference one; `fellBack` says which happened.
  public func resolve(_ language: Language) -> (value: Value, language: Language)? {
    if let v = values[language] { return (v, language) }
    if let v = values[.reference] { return (v, .reference) }
    if let (l, v) = values.sorted(by: { $0.key < $1.key }).first { return (v, l) }
    return nil
  }

  public subscript(_ language: Language) -> Value? {
    resolve(language)?.value
  }
}
