/// A language content and interface come in, by its ISO 639 code (`en`, `fr`, `ar`, `uk`…).
/// English is the reference and is built in; any other language exists once an organisation
/// adds its interface strings (`Curriculum/locales/CODE.strings`), so it is a value, not a
/// closed list. A missing translation falls back to English.
public struct Language: RawRepresentable, Sendable, Hashable, Comparable,
  CustomStringConvertible
{
  public let rawValue: String

  /// Two or three lowercase ASCII letters; anything else is not a language code.
  public init?(rawValue: String) {
    let bytes = Array(rawValue.utf8)
    guard (2...3).contains(bytes.count), bytes.allSatisfy({ $0 >= 0x61 && $0 <= 0x7A }) else {
      return nil
    }
    self.rawValue = rawValue
  }

  private init(known: String) { rawValue = known }

  public static let en = Language(known: "en")
  public static let fr = Language(known: "fr")
  public static let reference = Language.en

  public var description: String { rawValue }

  /// The file-name suffix of a translation (`01-why-verify.fr.md`); none for the reference.
  public var fileSuffix: String { self == .reference ? "" : ".\(rawValue)" }

  /// Scripts written right to left: Arabic, Persian, Urdu, Pashto, Sindhi, Kurdish (Sorani),
  /// Uyghur, Dhivehi, Hebrew, Yiddish. A strings file may still say otherwise.
  static let rightToLeft: Set<String> = [
    "ar", "fa", "ur", "ps", "sd", "ckb", "ug", "dv", "he", "yi", "syr",
  ]

  public var isRightToLeft: Bool { Self.rightToLeft.contains(rawValue) }

  /// Text direction, for `<html dir>`.
  public var direction: String { isRightToLeft ? "rtl" : "ltr" }

  /// The language's own name for itself, for the language switch; a strings file's
  /// `language.name` takes precedence.
  public var nativeName: String { Self.nativeNames[rawValue] ?? rawValue }

  static let nativeNames: [String: String] = [
    "en": "English", "fr": "Français", "ar": "العربية", "es": "Español", "uk": "Українська",
    "ru": "Русский", "fa": "فارسی", "ps": "پښتو", "ur": "اردو", "prs": "دری", "am": "አማርኛ",
    "ti": "ትግርኛ", "so": "Soomaali", "sw": "Kiswahili", "my": "မြန်မာ", "pt": "Português",
    "tr": "Türkçe", "ku": "Kurdî", "ckb": "کوردی", "ha": "Hausa", "ln": "Lingála",
    "he": "עברית", "de": "Deutsch", "it": "Italiano", "pl": "Polski", "ro": "Română",
    "hy": "Հայերեն", "ka": "ქართული", "el": "Ελληνικά", "vi": "Tiếng Việt", "bn": "বাংলা",
    "hi": "हिन्दी", "rhg": "Ruáinga", "ne": "नेपाली", "sr": "Српски", "ber": "Tamaziɣt",
  ]

  /// The reference language first, then by code, so every list of languages reads the same.
  public static func < (a: Language, b: Language) -> Bool {
    if a == b { return false }
    if a == .reference { return true }
    if b == .reference { return false }
    return a.rawValue < b.rawValue
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
