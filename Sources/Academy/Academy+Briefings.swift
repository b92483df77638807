import Catalog
import Storage

/// A briefing as one learner receives it.
public struct ReceivedBriefing: Sendable {
  public var briefing: Briefing
  public var readAt: Int64?
  public var shared: Bool
  public var current: Bool
}

/// One "I shared this".
public struct BriefingShare: Sendable {
  public var briefing: String
  public var platform: String
  public var link: String?
  public var at: Int64
}

extension Academy {
  /// The briefings meant for the learner (their cohorts, or everyone), newest first, with
  /// whether they opened and shared each.
  public func briefings(userID: String) throws -> [ReceivedBriefing] {
    let now = self.now
    let all = catalog.briefings
    return try database.read { c in
      let cohorts = try c.query(
        "SELECT k.id, k.name FROM cohorts k JOIN cohort_members m ON m.cohort_id = k.id WHERE m.user_id = ?",
        [userID])
      let ids = cohorts.compactMap { $0.string("id") }
      let names = cohorts.compactMap { $0.string("name") }
      var reads: [String: Int64] = [:]
      for r in try c.query(
        "SELECT briefing, read_at FROM briefing_reads WHERE user_id = ?", [userID])
      {
        if let b = r.string("briefing") { reads[b] = Int64(r.int("read_at") ?? 0) }
      }
      let shared = Set(
        try c.query("SELECT DISTINCT briefing FROM briefing_shares WHERE user_id = ?", [userID])
          .compactMap { $0.string("briefing") })
      return all.filter { $0.isFor(cohortIDs: ids, names: names) }.map {
        ReceivedBriefing(
          briefing: $0, readAt: reads[$0.slug], shared: shared.contains($0.slug),
          current: $0.current(at: now))
      }
    }
  }

  /// The briefing `slug` if it is meant for the learner (else `notFound`: a kit for another
  /// cohort is not theirs to see). Opening it marks it read.
  @discardableResult
  public func openBriefing(userID: String, slug: String) throws -> ReceivedBriefing {
    guard var b = try briefings(userID: userID).first(where: { $0.briefing.slug == slug }) else {
      throw AcademyError.notFound
    }
    if b.readAt == nil {
      let now = self.now
      try database.write { c in
        try c.execute(
          "INSERT OR IGNORE INTO briefing_reads(user_id, briefing, read_at) VALUES (?,?,?)",
          [userID, slug, now])
      }
      b.readAt = now
    }
    return b
  }

  /// "I shared this": where, and optionally a link to the post.
  public func shareBriefing(userID: String, slug: String, platform: String, link: String?) throws {
    try openBriefing(userID: userID, slug: slug)
    guard let p = Platform(rawValue: platform) else {
      throw AcademyError("outreach.platformInvalid")
    }
    let link = try PostLink.validate(link)
    let now = self.now
    try database.write { c in
      try c.execute(
        "INSERT INTO briefing_shares(id, user_id, briefing, platform, link, shared_at) VALUES (?,?,?,?,?,?)",
        [RandomID.make(), userID, slug, p.rawValue, link, now])
    }
  }

  /// The learner's shares, oldest first (for "My data").
  public func briefingShares(userID: String) throws -> [BriefingShare] {
    try database.read { c in
      try c.query(
        "SELECT briefing, platform, link, shared_at FROM briefing_shares WHERE user_id = ? ORDER BY shared_at",
        [userID]
      ).map {
        BriefingShare(
          briefing: $0.string("briefing") ?? "", platform: $0.string("platform") ?? "",
          link: $0.string("link"), at: Int64($0.int("shared_at") ?? 0))
      }
    }
  }

  /// The learner's reads (briefing, time), oldest first.
  public func briefingReads(userID: String) throws -> [(briefing: String, at: Int64)] {
    try database.read { c in
      try c.query(
        "SELECT briefing, read_at FROM briefing_reads WHERE user_id = ? ORDER BY read_at", [userID]
      ).map { ($0.string("briefing") ?? "", Int64($0.int("read_at") ?? 0)) }
    }
  }
}
