import Academy
import Catalog
import HTTPServer

/// Everything a page needs about the request it answers: who asks, in which language,
/// their CSRF token, and the cookies the response must set.
public struct Context: Sendable {
  public var request: HTTPRequest
  public var user: User?
  public var sessionToken: String?
  /// The interface language and its strings.
  public var ui: Interface
  public var csrfToken: String
  var setCookies: [String] = []
  var form: FormFields

  public var role: Role? { user?.role }
  public var language: Language { ui.language }

  /// Speaks `language` from now on (English when the site doesn't offer it).
  mutating func use(_ language: Language, _ catalog: Catalog) { ui = catalog.interface(language) }

  func t(_ key: String) -> String { ui.text(key) }
  func t(_ key: String, _ args: String...) -> String { ui.format(key, args) }

  func query(_ name: String) -> String? {
    FormDecoding.decode(Array(request.rawQuery.utf8)).first { $0.0 == name }?.1
  }

  /// The hidden field every form carries.
  var csrfField: HTML { "<input type=\"hidden\" name=\"csrf\" value=\"\(csrfToken)\">" }
}
