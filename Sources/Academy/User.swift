import Catalog
import Storage

public enum Role: String, Sendable, CaseIterable, Comparable {
  case learner, trainer, manager, admin

  var rank: Int { Role.allCases.firstIndex(of: self) ?? 0 }
  public static func < (a: Role, b: Role) -> Bool { a.rank < b.rank }
}

/// A person using Relais. Demographics are optional and self-declared, used only for
/// anonymous group statistics.
public struct User: Sendable, Equatable {
  public var id: String
  public var role: Role
  public var displayName: String
  public var locale: Language
  public var ageBand: String?
  public var gender: String?
  public var disability: String?
  public var hasPassphrase: Bool
  public var consentAt: Int64?
  public var createdAt: Int64
  public var erased: Bool

  init(row: Row) {
    id = row.string("id") ?? ""
    role = Role(rawValue: row.string("role") ?? "") ?? .learner
    displayName = row.string("display_name") ?? ""
    locale = Language(rawValue: row.string("locale") ?? "") ?? .reference
    ageBand = row.string("age_band")
    gender = row.string("gender")
    disability = row.string("disability")
    hasPassphrase = !row["passphrase_hash"].isNull
    consentAt = row["consent_at"].int.map(Int64.init)
    createdAt = Int64(row.int("created_at") ?? 0)
    erased = !row["erased_at"].isNull
  }

  static let columns =
    "id, role, display_name, locale, age_band, gender, disability, passphrase_hash, consent_at, created_at, erased_at"
}

/// What a learner tells about themselves when joining (all but the name optional).
public struct Profile: Sendable {
  public var displayName: String
  public var locale: Language
  public var ageBand: String?
  public var gender: String?
  public var disability: String?
  public var consent: Bool

  public init(
    displayName: String, locale: Language, ageBand: String? = nil, gender: String? = nil,
    disability: String? = nil, consent: Bool
  ) {
    self.displayName = displayName
    self.locale = locale
    self.ageBand = ageBand
    self.gender = gender
    self.disability = disability
    self.consent = consent
  }

  public static let ageBands = ["under-18", "18-24", "25-34", "35-49", "50-plus"]
  public static let genders = ["woman", "man", "other"]
  public static let disabilities = ["yes", "no"]
}
