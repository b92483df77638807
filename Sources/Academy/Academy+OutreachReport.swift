import Catalog
import Storage

/// What a cohort's influencers did with the briefings and on their own accounts over a
/// period: the manager's view of the effect. Anything computed from fewer than
/// `Academy.minimumGroupSize` learners is left out (nil), so no one's numbers show alone.
public struct OutreachReport: Sendable {
  public struct Week: Sendable {
    public var start: Int64
    public var entries: Int?
    public var reach: Int?
  }

  public struct PlatformRow: Sendable {
    public var platform: String
    public var entries: Int?
    public var reach: Int?
    /// Reactions + comments + shares.
    public var engagement: Int?
  }

  public var cohortID: String
  public var cohortName: String
  public var learners: Int
  /// Briefings issued in the period and meant for this cohort.
  public var briefingsSent: Int
  /// Learner × briefing pairs opened and shared, of `briefingsSent × learners`.
  public var reads: Int?
  public var shares: Int?
  public var weeks: [Week]
  public var platforms: [PlatformRow]
  public var questions: Int?
  public var referrals: Int?

  public var suppressed: Bool { learners < Academy.minimumGroupSize }
  public var possible: Int { briefingsSent * learners }
}

extension Academy {
  /// One report per cohort `viewer` may see outreach of (or just `cohortID`), for days
  /// `from` through `to` (Unix seconds at 00:00 UTC).
  public func outreachReports(viewer: User, cohortID: String?, from: Int64, to: Int64) throws
    -> [OutreachReport]
  {
    let cohorts: [Cohort]
    if let cohortID, !cohortID.isEmpty {
      cohorts = [try cohort(cohortID, visibleTo: viewer, for: .viewOutreach)]
    } else {
      cohorts = try self.cohorts(visibleTo: viewer, for: .viewOutreach)
    }
    let last = to + 86_399
    let briefings = catalog.briefings.filter { $0.date >= from && $0.date <= last }
    return try database.read { c in
      try cohorts.map { k in
        try Academy.outreach(c, cohort: k, briefings: briefings, from: from, to: last)
      }
    }
  }

  static func outreach(
    _ c: Connection, cohort k: Cohort, briefings: [Briefing], from: Int64, to: Int64
  ) throws -> OutreachReport {
    let members =
      "SELECT m.user_id FROM cohort_members m JOIN users u ON u.id = m.user_id WHERE m.cohort_id = ?1 AND u.role = 'learner'"
    let learners =
      try c.scalar("SELECT COUNT(*) FROM (\(members))", [k.id]).int ?? 0
    let sent = briefings.filter { $0.isFor(cohortIDs: [k.id], names: [k.name]) }.map(\.slug)
    let small = learners < minimumGroupSize
    func keep(_ n: Int?, _ people: Int) -> Int? { people < minimumGroupSize ? nil : n }
    var report = OutreachReport(
      cohortID: k.id, cohortName: k.name, learners: learners, briefingsSent: sent.count,
      reads: nil, shares: nil, weeks: [], platforms: [])
    guard !small else { return report }
    let slugs = ScopeSQL.jsonArray(sent)
    report.reads =
      try c.scalar(
        "SELECT COUNT(*) FROM briefing_reads WHERE user_id IN (\(members)) AND briefing IN (SELECT value FROM json_each(?2))",
        [k.id, slugs]
      ).int ?? 0
    report.shares =
      try c.scalar(
        "SELECT COUNT(*) FROM (SELECT DISTINCT user_id, briefing FROM briefing_shares WHERE user_id IN (\(members)) AND briefing IN (SELECT value FROM json_each(?2)))",
        [k.id, slugs]
      ).int ?? 0
    let inPeriod = "user_id IN (\(members)) AND day BETWEEN ?2 AND ?3"
    // Weeks start on Monday: 1970-01-01 was a Thursday, so Mondays are 4 days later mod 7.
    for r in try c.query(
      """
      SELECT ((day - 345600) / 604800) * 604800 + 345600 AS week, COUNT(*) AS n, SUM(reach) AS reach,
        COUNT(DISTINCT user_id) AS people
      FROM activity_log WHERE \(inPeriod) GROUP BY week ORDER BY week
      """, [k.id, from, to])
    {
      let people = r.int("people") ?? 0
      report.weeks.append(
        OutreachReport.Week(
          start: Int64(r.int("week") ?? 0), entries: keep(r.int("n"), people),
          reach: keep(r.int("reach"), people)))
    }
    for r in try c.query(
      """
      SELECT platform, COUNT(*) AS n, SUM(reach) AS reach, SUM(reactions + comments + shares) AS engagement,
        COUNT(DISTINCT user_id) AS people
      FROM activity_log WHERE \(inPeriod) GROUP BY platform ORDER BY SUM(reach) DESC, platform
      """, [k.id, from, to])
    {
      let people = r.int("people") ?? 0
      report.platforms.append(
        OutreachReport.PlatformRow(
          platform: r.string("platform") ?? "", entries: keep(r.int("n"), people),
          reach: keep(r.int("reach"), people), engagement: keep(r.int("engagement"), people)))
    }
    // One hidden platform could be worked out from the weeks' totals: hide the smallest
    // shown one too (as the demographic groups do).
    if report.platforms.filter({ $0.reach == nil }).count == 1,
      let i = report.platforms.indices.filter({ report.platforms[$0].reach != nil }).min(by: {
        (report.platforms[$0].entries ?? 0) < (report.platforms[$1].entries ?? 0)
      })
    {
      report.platforms[i].entries = nil
      report.platforms[i].reach = nil
      report.platforms[i].engagement = nil
    }
    if let r = try c.first(
      "SELECT SUM(questions) AS q, SUM(referrals) AS p, COUNT(DISTINCT user_id) AS people FROM activity_log WHERE \(inPeriod)",
      [k.id, from, to])
    {
      let people = r.int("people") ?? 0
      report.questions = keep(r.int("q") ?? 0, people)
      report.referrals = keep(r.int("p") ?? 0, people)
    }
    return report
  }
}
