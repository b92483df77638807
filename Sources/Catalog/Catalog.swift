/// Everything the curriculum holds, parsed once into immutable values. A reload builds a new
/// `Catalog` and swaps it in whole.
public struct Catalog: Sendable {
  public var modules: [Module]
  public var pages: [String: Localized<Page>]
  public var problems: [ContentProblem]
  /// `Curriculum/referral-contacts.txt`, shown on the referrals page.
  public var referralContacts: ReferralContacts = .missing
  /// Changes whenever any content file changes.
  public var version: String
  /// Interface strings of every language but English (built in), from `Curriculum/locales/`.
  public var locales: [Language: LocaleStrings]
  /// How complete each language's interface strings are (when checked against English).
  public var stringsCoverage: [StringsCoverage]
  /// Verified-information kits, newest first (`Curriculum/briefings/`).
  public var briefings: [Briefing] = []

  public init(
    modules: [Module], pages: [String: Localized<Page>], problems: [ContentProblem],
    version: String, locales: [Language: LocaleStrings] = [:],
    stringsCoverage: [StringsCoverage] = []
  ) {
    self.modules = modules
    self.pages = pages
    self.problems = problems
    self.version = version
    self.locales = locales
    self.stringsCoverage = stringsCoverage
    languages = [.reference] + locales.keys.sorted()
  }

  /// The languages offered: English, then each language with a strings file, by code.
  public private(set) var languages: [Language]

  /// The offered language a form or query names, or nil (not a code, or not offered).
  public func offeredLanguage(_ code: String?) -> Language? {
    guard let code, let l = Language(rawValue: code), offers(l) else { return nil }
    return l
  }

  /// Whether `language` can be chosen (English, or a language with a strings file).
  public func offers(_ language: Language) -> Bool {
    language == .reference || locales[language] != nil
  }

  public static let empty = Catalog(modules: [], pages: [:], problems: [], version: "0")

  public func module(_ slug: String) -> Module? { modules.first { $0.slug == slug } }
  public func briefing(_ slug: String) -> Briefing? { briefings.first { $0.slug == slug } }

  public var errors: [ContentProblem] { problems.filter { $0.severity == .error } }
  public var warnings: [ContentProblem] { problems.filter { $0.severity == .warning } }
}
