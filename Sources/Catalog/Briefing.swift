/// A verified-information kit for influencers after the training (the #Coronafacts model):
/// dated, aimed at some cohorts or everyone, valid until a day, maybe urgent. Identity is the
/// file stem under `Curriculum/briefings/`; translations fall back to English per file.
public struct Briefing: Sendable {
  public var slug: String
  /// The day it was issued and the last day it applies, as Unix seconds at 00:00 UTC.
  public var date: Int64
  public var validUntil: Int64
  /// Cohort ids or names it is meant for; empty means everyone.
  public var cohorts: [String]
  public var urgent: Bool
  public var text: Localized<BriefingText>

  public var forEveryone: Bool { cohorts.isEmpty }

  /// Still current at `now`: through the whole of its last day (UTC).
  public func current(at now: Int64) -> Bool { now < validUntil + 86_400 }

  /// Whether a learner in cohorts with these ids and names is meant to receive it.
  public func isFor(cohortIDs: [String], names: [String]) -> Bool {
    if forEveryone { return true }
    let wanted = Set(cohorts.map { $0.lowercased() })
    return cohortIDs.contains { wanted.contains($0.lowercased()) }
      || names.contains { wanted.contains($0.lowercased()) }
  }
}

public struct BriefingText: Sendable {
  public var title: String
  /// The rendered body; each ready-to-post block is replaced by `BriefingText.slot(i)`.
  public var html: String
  /// The ready-to-post texts (fenced blocks marked `post`), as written.
  public var posts: [String]
  public var path: String
  public var hash: String

  /// The paragraph a ready-to-post block leaves in `html`, for the page to fill.
  public static func slot(_ i: Int) -> String { "<p>RELAIS-POST-\(i)</p>" }
}
