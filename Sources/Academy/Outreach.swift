import Foundation

/// Where an influencer posts: a closed list, so reports group cleanly and nothing typed
/// freely (a name, a number) ends up in a platform column.
public enum Platform: String, Sendable, CaseIterable {
  case whatsapp, facebook, instagram, tiktok, x, youtube, telegram, radio, other
}

/// A link to a post, as an influencer pastes it: http(s) only, no spaces or markup
/// characters, bounded in length (it is shown back to them and to no one else).
public enum PostLink {
  public static let maxLength = 500

  /// The cleaned link, nil for an empty field; throws for anything else that isn't a link.
  public static func validate(_ raw: String?) throws -> String? {
    let s = (raw ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
    if s.isEmpty { return nil }
    guard s.utf8.count <= maxLength else { throw AcademyError("outreach.linkInvalid") }
    let lower = s.lowercased()
    let rest: Substring
    if lower.hasPrefix("https://") {
      rest = s.dropFirst(8)
    } else if lower.hasPrefix("http://") {
      rest = s.dropFirst(7)
    } else {
      throw AcademyError("outreach.linkInvalid")
    }
    let host = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
    guard !host.isEmpty, !host.hasPrefix("@"),
      s.unicodeScalars.allSatisfy({
        $0.value > 0x20 && $0.value != 0x7F && !"\"<>\\^`{|}".unicodeScalars.contains($0)
          && !(0x80...0x9F).contains($0.value)
      })
    else { throw AcademyError("outreach.linkInvalid") }
    return s
  }
}

/// What a post or live session was about: a module, a briefing, or something else.
public enum Topic: Sendable, Equatable {
  case module(String)
  case briefing(String)
  case other

  public init?(_ raw: String) {
    if raw == "other" {
      self = .other
    } else if raw.hasPrefix("module:") {
      self = .module(String(raw.dropFirst(7)))
    } else if raw.hasPrefix("briefing:") {
      self = .briefing(String(raw.dropFirst(9)))
    } else {
      return nil
    }
  }

  public var rawValue: String {
    switch self {
    case .module(let m): return "module:\(m)"
    case .briefing(let b): return "briefing:\(b)"
    case .other: return "other"
    }
  }
}
