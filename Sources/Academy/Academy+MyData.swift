import Catalog
import Storage

/// Everything Relais stores about one learner, gathered for `/me` and `/me/export.json`.
/// Each part is read with the learner's id in its WHERE clause, so nothing about anyone
/// else can slip in (staff who acted on the learner appear by action, not by name or id).
public struct MyData: Sendable {
  public struct LessonView: Sendable {
    public var module: String
    public var lesson: String
    public var openedAt: Int64
    public var readAt: Int64?
  }

  public struct Answer: Sendable {
    public var questionID: String
    public var position: Int
    /// The response as stored (JSON).
    public var response: String
    public var fraction: Double?
  }

  public struct AttemptRecord: Sendable {
    public var id: String
    public var module: String
    public var kind: String
    public var language: String
    public var startedAt: Int64
    public var submittedAt: Int64?
    public var score: Double?
    public var passed: Bool?
    public var answers: [Answer]
  }

  public struct Acknowledgement: Sendable {
    public var document: String
    public var version: String
    public var name: String
    public var at: Int64
  }

  public struct Assignment: Sendable {
    public var module: String
    public var kind: String
    public var dueAt: Int64?
  }

  public struct SessionRecord: Sendable {
    public var createdAt: Int64
    public var expiresAt: Int64
  }

  public struct Event: Sendable {
    public var at: Int64
    public var action: String
  }

  public var user: User
  public var handle: String?
  public var lastSeenAt: Int64?
  public var cohorts: [String]
  public var assignments: [Assignment]
  public var lessonViews: [LessonView]
  public var progress: [ModuleProgress]
  public var attempts: [AttemptRecord]
  public var certificates: [Certificate]
  public var certificateEvents: [String: [CertificateEvent]]
  public var acknowledgements: [Acknowledgement]
  public var sessions: [SessionRecord]
  public var deletionRequest: DeletionRequest?
  /// What was done to or by this account (audit log), without who else was involved.
  public var events: [Event]
  /// Briefings opened and shared, and the activity log (issue 21).
  public var briefingReads: [(briefing: String, at: Int64)] = []
  public var briefingShares: [BriefingShare] = []
  public var activities: [ActivityEntry] = []
}

extension Academy {
  public func myData(userID: String) throws -> MyData {
    guard let user = try user(userID) else { throw AcademyError.notFound }
    let progressByModule = try progress(userID: userID)
    let progress = catalog.modules.compactMap { progressByModule[$0.slug] }
    let certificates = try certificates(userID: userID)
    var history: [String: [CertificateEvent]] = [:]
    for c in certificates { history[c.code] = try certificateHistory(code: c.code) }
    let deletion = try deletionRequest(userID: userID)
    let reads = try briefingReads(userID: userID)
    let shares = try briefingShares(userID: userID)
    let activities = try activities(userID: userID)
    var data = try database.read { c in
      let account = try c.first("SELECT handle, last_seen_at FROM users WHERE id = ?", [userID])
      let cohorts = try c.query(
        "SELECT k.name FROM cohorts k JOIN cohort_members m ON m.cohort_id = k.id WHERE m.user_id = ? ORDER BY k.name",
        [userID]
      ).compactMap { $0.string("name") }
      let assignments = try c.query(
        """
        SELECT module, kind, due_at FROM assignments
        WHERE user_id = ? OR cohort_id IN (SELECT cohort_id FROM cohort_members WHERE user_id = ?)
        ORDER BY due_at, module
        """, [userID, userID]
      ).map {
        MyData.Assignment(
          module: $0.string("module") ?? "", kind: $0.string("kind") ?? "",
          dueAt: $0["due_at"].int.map(Int64.init))
      }
      let views = try c.query(
        "SELECT module, lesson, first_opened_at, read_at FROM lesson_views WHERE user_id = ? ORDER BY first_opened_at, module, lesson",
        [userID]
      ).map {
        MyData.LessonView(
          module: $0.string("module") ?? "", lesson: $0.string("lesson") ?? "",
          openedAt: Int64($0.int("first_opened_at") ?? 0),
          readAt: $0["read_at"].int.map(Int64.init))
      }
      var attempts: [MyData.AttemptRecord] = []
      for r in try c.query(
        "SELECT id, module, kind, locale, started_at, submitted_at, score, passed FROM attempts WHERE user_id = ? ORDER BY started_at",
        [userID])
      {
        let id = r.string("id") ?? ""
        let answers = try c.query(
          "SELECT question_id, position, response, fraction FROM answers WHERE attempt_id = ? ORDER BY position",
          [id]
        ).map {
          MyData.Answer(
            questionID: $0.string("question_id") ?? "", position: $0.int("position") ?? 0,
            response: $0.string("response") ?? "",
            fraction: $0.double("fraction"))
        }
        attempts.append(
          MyData.AttemptRecord(
            id: id, module: r.string("module") ?? "", kind: r.string("kind") ?? "",
            language: r.string("locale") ?? "",
            startedAt: Int64(r.int("started_at") ?? 0),
            submittedAt: r["submitted_at"].int.map(Int64.init), score: r.double("score"),
            passed: r["passed"].int.map { $0 == 1 }, answers: answers))
      }
      let acknowledgements = try c.query(
        "SELECT document, version, name, acknowledged_at FROM acknowledgements WHERE user_id = ? ORDER BY acknowledged_at",
        [userID]
      ).map {
        MyData.Acknowledgement(
          document: $0.string("document") ?? "", version: $0.string("version") ?? "",
          name: $0.string("name") ?? "",
          at: Int64($0.int("acknowledged_at") ?? 0))
      }
      let sessions = try c.query(
        "SELECT created_at, expires_at FROM sessions WHERE user_id = ? ORDER BY created_at",
        [userID]
      ).map {
        MyData.SessionRecord(
          createdAt: Int64($0.int("created_at") ?? 0), expiresAt: Int64($0.int("expires_at") ?? 0))
      }
      let events = try c.query(
        "SELECT at, action FROM audit_log WHERE actor_id = ? OR subject = ? ORDER BY id",
        [userID, userID]
      ).map { MyData.Event(at: Int64($0.int("at") ?? 0), action: $0.string("action") ?? "") }
      return MyData(
        user: user, handle: account?.string("handle"),
        lastSeenAt: account?["last_seen_at"].int.map(Int64.init), cohorts: cohorts,
        assignments: assignments, lessonViews: views, progress: progress, attempts: attempts,
        certificates: certificates,
        certificateEvents: history, acknowledgements: acknowledgements, sessions: sessions,
        deletionRequest: deletion, events: events)
    }
    data.briefingReads = reads
    data.briefingShares = shares
    data.activities = activities
    return data
  }

  /// The learner changes what they told about themselves. Demographics stay optional: an
  /// empty or unknown value is stored as "not said".
  public func updateProfile(
    userID: String, displayName: String, locale: Language, ageBand: String?, gender: String?,
    disability: String?
  ) throws {
    let name = displayName.trimmingCharacters(in: .whitespacesAndNewlines)
    guard (1...80).contains(name.count) else { throw AcademyError("join.nameInvalid") }
    func allowed(_ v: String?, _ list: [String]) -> String? {
      v.flatMap { list.contains($0) ? $0 : nil }
    }
    let now = self.now
    try database.write { c in
      try c.execute(
        "UPDATE users SET display_name = ?, locale = ?, age_band = ?, gender = ?, disability = ? WHERE id = ?",
        [
          name, locale.rawValue, allowed(ageBand, Profile.ageBands),
          allowed(gender, Profile.genders),
          allowed(disability, Profile.disabilities), userID,
        ])
      try Audit.record(c, at: now, actor: userID, action: "profile.update", subject: userID)
    }
  }
}
