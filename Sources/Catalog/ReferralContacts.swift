import Foundation

/// The organisation's referral contacts, from `Curriculum/referral-contacts.txt`: a plain
/// text file an administrator fills in once, without knowing any markup.
///
///     last_verified: 2026-11-30
///
///     [emergency]
///     name: Camp emergency line (Protection Cluster)
///     phone: +254 700 000 000
///     whatsapp: +254 700 000 001
///     link: https://example.org/help
///     hours: 24/7
///     languages: English, Swahili, Somali
///
/// Lines starting with `#` are notes. A section with no name and no way to reach it is
/// "not filled in yet"; the referrals page then says whom to contact by default.
public struct ReferralContacts: Sendable, Equatable {
  /// The services a deployment must name, in the order the page lists them.
  public enum Service: String, Sendable, CaseIterable {
    case emergency, protection, gbv
    case childProtection = "child_protection"
    case psea
    case mentalHealth = "mental_health"
    case trafficking
    case familyTracing = "family_tracing"
    case platformReporting = "platform_reporting"
  }

  public struct Contact: Sendable, Equatable {
    public var service: Service
    public var name = ""
    public var phone = ""
    public var whatsapp = ""
    /// `https://`, `http://`, `mailto:` or `tel:` only: it becomes a link on the page.
    public var link = ""
    public var hours = ""
    public var languages = ""
    /// Line of the `[section]` header, for messages.
    public var line: Int

    /// A name and at least one way to reach it.
    public var isFilled: Bool {
      !name.isEmpty && !(phone.isEmpty && whatsapp.isEmpty && link.isEmpty)
    }

    /// `https://wa.me/<digits>` for the WhatsApp number, as WhatsApp documents it.
    public var whatsappLink: String? {
      let digits = whatsapp.filter { $0.isASCII && $0.isNumber }
      return digits.isEmpty ? nil : "https://wa.me/\(digits)"
    }
  }

  public static let fileName = "referral-contacts.txt"
  public static let path = "Curriculum/\(fileName)"

  /// False when the file does not exist.
  public var exists: Bool
  /// `template: yes`: the file as shipped, before an organisation deployed Relais.
  public var isTemplate: Bool
  /// `YYYY-MM-DD` as written, when valid.
  public var lastVerified: String?
  public var contacts: [Contact]

  public static let missing = ReferralContacts(
    exists: false, isTemplate: false, lastVerified: nil, contacts: [])

  public init(exists: Bool, isTemplate: Bool, lastVerified: String?, contacts: [Contact]) {
    self.exists = exists
    self.isTemplate = isTemplate
    self.lastVerified = lastVerified
    self.contacts = contacts
  }

  /// Filled contacts, in the page's order.
  public var filled: [Contact] { contacts.filter(\.isFilled) }

  /// Services with no filled contact.
  public var unfilled: [Service] {
    let done = Set(filled.map(\.service))
    return Service.allCases.filter { !done.contains($0) }
  }

  public var isComplete: Bool { unfilled.isEmpty }

  /// One sentence for `relais check` and `relais serve` when contacts are missing, else nil.
  public var unfilledNotice: String? {
    if isComplete { return nil }
    let names = unfilled.map(\.rawValue).joined(separator: ", ")
    if !exists {
      return "no \(Self.path): the referrals page tells learners to contact their focal point"
    }
    return "referral contacts not filled in (\(names)): the referrals page tells learners to"
      + " contact their focal point; fill them in \(Self.path)"
  }
}

extension ReferralContacts {
  /// Reads the file's text; problems carry `Curriculum/referral-contacts.txt:LINE`.
  static func parse(_ text: String) -> (ReferralContacts, [ContentProblem]) {
    var problems: [ContentProblem] = []
    func error(_ line: Int, _ message: String) {
      problems.append(ContentProblem(path: path, line: line, message: message))
    }
    func warning(_ line: Int, _ message: String) {
      problems.append(ContentProblem(path: path, line: line, message: message, severity: .warning))
    }
    var result = ReferralContacts(exists: true, isTemplate: false, lastVerified: nil, contacts: [])
    var current: Contact?
    var seenKeys: Set<String> = []
    func close() {
      if let c = current { result.contacts.append(c) }
      current = nil
    }
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    for (index, raw) in lines.enumerated() {
      let lineNo = index + 1
      var line = raw.trimmingCharacters(in: .whitespaces)
      if line.hasSuffix("\r") { line.removeLast() }
      if index == 0, line.hasPrefix("\u{FEFF}") { line.removeFirst() }
      if line.isEmpty || line.hasPrefix("#") { continue }
      if line.hasPrefix("[") {
        close()
        guard line.hasSuffix("]") else {
          error(lineNo, "a section is written [name], with a closing ]")
          continue
        }
        let name = String(line.dropFirst().dropLast()).trimmingCharacters(in: .whitespaces)
        guard let service = Service(rawValue: name) else {
          error(lineNo, "unknown section [\(name)] (known: \(Self.knownSections))")
          continue
        }
        if result.contacts.contains(where: { $0.service == service }) {
          error(lineNo, "[\(name)] appears twice")
          continue
        }
        current = Contact(service: service, line: lineNo)
        seenKeys = []
        continue
      }
      guard let colon = line.firstIndex(of: ":") else {
        error(lineNo, "expected 'key: value', found '\(line.prefix(40))'")
        continue
      }
      let key = line[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
      let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
      guard var c = current else {
        switch key {
        case "last_verified":
          if value.isEmpty { continue }
          if Self.isDate(value) {
            result.lastVerified = value
          } else {
            error(lineNo, "last_verified takes a date written YYYY-MM-DD, not '\(value)'")
          }
        case "template":
          result.isTemplate = ["yes", "true"].contains(value.lowercased())
        default:
          error(lineNo, "unknown key '\(key)' before the first [section] (known: last_verified)")
        }
        continue
      }
      if !seenKeys.insert(key).inserted {
        error(lineNo, "'\(key)' is given twice in [\(c.service.rawValue)]")
        continue
      }
      switch key {
      case "name": c.name = value
      case "phone", "whatsapp":
        if !value.isEmpty && !Self.isPhone(value) {
          error(lineNo, "\(key) takes digits, spaces and + - ( ) only, not '\(value.prefix(40))'")
        } else if key == "phone" {
          c.phone = value
        } else {
          c.whatsapp = value
        }
      case "link":
        if !value.isEmpty && !Self.isSafeLink(value) {
          error(lineNo, "link must start with https://, http://, mailto: or tel:")
        } else {
          c.link = value
        }
      case "hours": c.hours = value
      case "languages": c.languages = value
      default:
        error(lineNo, "unknown key '\(key)' (known: name, phone, whatsapp, link, hours, languages)")
      }
      current = c
    }
    close()
    for c in result.contacts where c.name.isEmpty != (c.phone + c.whatsapp + c.link).isEmpty {
      warning(
        c.line,
        c.name.isEmpty
          ? "[\(c.service.rawValue)] has a way to reach it but no name"
          : "[\(c.service.rawValue)] has a name but no phone, whatsapp or link")
    }
    if !result.filled.isEmpty && result.lastVerified == nil {
      warning(1, "add last_verified: YYYY-MM-DD, the day someone last checked these contacts")
    }
    return (result, problems)
  }

  static var knownSections: String { Service.allCases.map(\.rawValue).joined(separator: ", ") }

  /// A real calendar date written `YYYY-MM-DD`.
  static func isDate(_ s: String) -> Bool {
    let parts = s.split(separator: "-", omittingEmptySubsequences: false)
    guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
      let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]), (1...12).contains(m)
    else { return false }
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
    let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
    return d >= 1 && d <= days[m - 1]
  }

  static func isPhone(_ s: String) -> Bool {
    s.count <= 40 && s.contains(where: \.isNumber)
      && s.allSatisfy { ($0.isASCII && $0.isNumber) || " +-()".contains($0) }
  }

  /// Only schemes that cannot run script: the link is shown to every learner.
  static func isSafeLink(_ s: String) -> Bool {
    let lower = s.lowercased()
    return s.count <= 300 && !s.contains(where: { $0.isWhitespace || $0 == "\"" || $0 == "<" })
      && ["https://", "http://", "mailto:", "tel:"].contains { lower.hasPrefix($0) }
  }
}

extension CatalogLoader {
  /// `Curriculum/referral-contacts.txt`, its problems, and its bytes for the content version.
  /// A missing file matters where there is a referrals page to show the contacts on.
  func loadReferralContacts(hasReferralsPage: Bool) -> (
    ReferralContacts, [ContentProblem], [UInt8]
  ) {
    let url = curriculum.appendingPathComponent(ReferralContacts.fileName)
    guard let data = FileManager.default.contents(atPath: url.path) else {
      let warn = ContentProblem(
        path: ReferralContacts.path, line: 1,
        message: ReferralContacts.missing.unfilledNotice ?? "", severity: .warning)
      return (.missing, hasReferralsPage ? [warn] : [], [])
    }
    var (contacts, problems) = ReferralContacts.parse(String(decoding: data, as: UTF8.self))
    // A template (as shipped) is expected to be empty: `relais check` notes it without a
    // warning and `relais serve` warns at start; a deployed file with gaps is a warning.
    if !contacts.isTemplate, let notice = contacts.unfilledNotice {
      problems.append(
        ContentProblem(path: ReferralContacts.path, line: 1, message: notice, severity: .warning))
    }
    return (contacts, problems, Array(ContentHash.of(data).utf8))
  }
}
