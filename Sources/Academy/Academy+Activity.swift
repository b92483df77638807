import Catalog
import Storage

/// What an influencer logs after a post or a live session. Counts only: the number of
/// protection concerns they referred, never anything about the people concerned.
public struct ActivityInput: Sendable {
  public enum Kind: String, Sendable, CaseIterable { case post, live }
  public var day: Int64
  public var kind: Kind
  public var platform: Platform
  public var topic: Topic
  public var link: String?
  public var reach = 0
  public var reactions = 0
  public var comments = 0
  public var shares = 0
  public var questions = 0
  public var referrals = 0

  public init(day: Int64, kind: Kind, platform: Platform, topic: Topic, link: String?) {
    self.day = day
    self.kind = kind
    self.platform = platform
    self.topic = topic
    self.link = link
  }

  /// Largest count accepted: well above any nano-influencer's reach, far below overflow
  /// when a report sums a cohort's year.
  public static let maxCount = 100_000_000
}

public struct ActivityEntry: Sendable {
  public var id: String
  public var input: ActivityInput
  public var createdAt: Int64
  public var updatedAt: Int64

  /// An entry can be corrected for a week after it was logged, then it is the record.
  public static let editableSeconds: Int64 = 7 * 86_400
  public func editable(at now: Int64) -> Bool { now - createdAt < Self.editableSeconds }
}

extension Academy {
  /// Logs a post or live session in `actor`'s own activity log; returns its id.
  @discardableResult
  public func logActivity(actor: User, _ input: ActivityInput) throws -> String {
    let clean = try checked(input)
    let id = RandomID.make()
    let now = self.now
    try database.write { c in
      try Academy.authorize(c, actor, .recordActivity, .learner(actor.id))
      try c.execute(
        """
        INSERT INTO activity_log(id, user_id, day, kind, platform, topic, link, reach, reactions,
          comments, shares, questions, referrals, created_at, updated_at)
        VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)
        """,
        [
          id, actor.id, clean.day, clean.kind.rawValue, clean.platform.rawValue,
          clean.topic.rawValue, clean.link, clean.reach, clean.reactions, clean.comments,
          clean.shares, clean.questions, clean.referrals, now, now,
        ])
    }
    return id
  }

  /// Corrects an entry: only its influencer, and only in its first week.
  public func updateActivity(actor: User, id: String, _ input: ActivityInput) throws {
    let clean = try checked(input)
    let now = self.now
    try database.write { c in
      try Academy.authorize(c, actor, .recordActivity, .activity(id))
      guard let created = try c.scalar("SELECT created_at FROM activity_log WHERE id = ?", [id]).int
      else { throw AcademyError.notFound }
      guard now - Int64(created) < ActivityEntry.editableSeconds else {
        throw AcademyError("activity.locked")
      }
      try c.execute(
        """
        UPDATE activity_log SET day = ?, kind = ?, platform = ?, topic = ?, link = ?, reach = ?,
          reactions = ?, comments = ?, shares = ?, questions = ?, referrals = ?, updated_at = ?
        WHERE id = ?
        """,
        [
          clean.day, clean.kind.rawValue, clean.platform.rawValue, clean.topic.rawValue,
          clean.link, clean.reach, clean.reactions, clean.comments, clean.shares,
          clean.questions, clean.referrals, now, id,
        ])
    }
  }

  /// One entry, for its influencer's edit form.
  public func activity(actor: User, id: String) throws -> ActivityEntry {
    try authorize(actor, .recordActivity, .activity(id))
    guard
      let e = try database.read({ c in
        try c.query("SELECT * FROM activity_log WHERE id = ?", [id]).compactMap(Academy.entry)
          .first
      })
    else { throw AcademyError.notFound }
    return e
  }

  /// The learner's activity log, latest day first.
  public func activities(userID: String) throws -> [ActivityEntry] {
    try database.read { c in
      try c.query(
        "SELECT * FROM activity_log WHERE user_id = ? ORDER BY day DESC, created_at DESC",
        [userID]
      ).compactMap(Academy.entry)
    }
  }

  static func entry(_ r: Row) -> ActivityEntry? {
    guard let id = r.string("id"), let kind = ActivityInput.Kind(rawValue: r.string("kind") ?? ""),
      let platform = Platform(rawValue: r.string("platform") ?? ""),
      let topic = Topic(r.string("topic") ?? "")
    else { return nil }
    var input = ActivityInput(
      day: Int64(r.int("day") ?? 0), kind: kind, platform: platform, topic: topic,
      link: r.string("link"))
    input.reach = r.int("reach") ?? 0
    input.reactions = r.int("reactions") ?? 0
    input.comments = r.int("comments") ?? 0
    input.shares = r.int("shares") ?? 0
    input.questions = r.int("questions") ?? 0
    input.referrals = r.int("referrals") ?? 0
    return ActivityEntry(
      id: id, input: input, createdAt: Int64(r.int("created_at") ?? 0),
      updatedAt: Int64(r.int("updated_at") ?? 0))
  }

  /// The input with its link cleaned, or the reason it can't be stored: a day in the last
  /// year and not in the future, a topic the catalog has, counts in range.
  func checked(_ input: ActivityInput) throws -> ActivityInput {
    var out = input
    out.link = try PostLink.validate(input.link)
    let today = now - now % 86_400
    guard input.day <= today + 86_400, input.day >= today - 366 * 86_400 else {
      throw AcademyError("activity.dayInvalid")
    }
    switch input.topic {
    case .module(let m) where catalog.module(m) == nil: throw AcademyError("activity.topicInvalid")
    case .briefing(let b) where catalog.briefing(b) == nil:
      throw AcademyError("activity.topicInvalid")
    default: break
    }
    let counts = [
      input.reach, input.reactions, input.comments, input.shares, input.questions,
      input.referrals,
    ]
    guard counts.allSatisfy({ (0...ActivityInput.maxCount).contains($0) }) else {
      throw AcademyError("activity.countInvalid")
    }
    return out
  }
}
