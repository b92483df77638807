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

  public init(
    modules: [Module], pages: [String: Localized<Page>], problems: [ContentProblem], version: String
  ) {
    self.modules = modules
    self.pages = pages
    self.problems = problems
    self.version = version
  }

  public static let empty = Catalog(modules: [], pages: [:], problems: [], version: "0")

  public func module(_ slug: String) -> Module? { modules.first { $0.slug == slug } }

  public var errors: [ContentProblem] { problems.filter { $0.severity == .error } }
  public var warnings: [ContentProblem] { problems.filter { $0.severity == .warning } }
}
