import Academy
import Foundation
import Testing

@testable import Web

/// The whole authorization table, checked through the app: every role, against an object
/// of each relation, for every action of `Action`. What is expected is written out here, on
/// its own, not read from `Authorization`; the route table's role gate comes first, so a
/// cell is allowed only when both the gate and the table say so.
@Suite struct AuthorizationTableTests {
  /// How the asker stands to the object.
  enum Rel: String, CaseIterable {
    /// Their own: their attempt, certificate, record.
    case `self`
    /// A learner of, or a cohort itself, they are attached to.
    case own
    /// A learner of a cohort run by other staff.
    case other
    /// A learner of a cohort no staff is attached to.
    case none
  }

  static let mine: Set<Action> = [
    .submitAttempt, .viewResult, .viewCertificateDetails, .viewLearner, .editLearner,
    .viewDeletionRequest, .recordActivity,
  ]
  static let trainer: Set<Action> = [
    .viewResult, .viewEssay, .markEssay, .viewCohort, .viewStatistics, .markAttendance,
  ]
  static let manager: Set<Action> = [
    .viewResult, .viewCertificateDetails, .revokeCertificate, .viewLearner, .editLearner,
    .eraseLearner, .viewCohort, .manageCohort, .export, .viewDeletionRequest,
    .decideDeletionRequest, .scheduleSession, .markAttendance, .viewOutreach,
  ]
  static let programme: Set<Action> = [.createCohort, .inviteStaff]
  static let cohortActions: Set<Action> = [
    .viewCohort, .manageCohort, .assignStaff, .export, .viewStatistics, .scheduleSession,
    .markAttendance, .viewOutreach,
  ]

  /// The policy, as a table.
  static func expected(_ role: Role, _ rel: Rel, _ action: Action) -> Bool {
    if programme.contains(action) {
      switch role {
      case .admin: return true
      case .manager: return action == .createCohort
      default: return false
      }
    }
    if rel == .self { return mine.contains(action) }
    switch role {
    case .learner: return false
    case .trainer: return rel == .own && trainer.contains(action)
    case .manager: return rel == .own && manager.contains(action)
    // Nobody answers a quiz or logs activity as someone else, an admin neither.
    case .admin: return action != .submitAttempt && action != .recordActivity
    }
  }

  /// One world per asker and relation: the asker, the object's learner and cohort, and
  /// everything the probes act on.
  struct World {
    let app: PolicyTestApp
    let actor: User
    let subject: User
    let cohort: String
    let essayAttempt: String
    let openAttempt: String
    let certificate: String
    let revoked: String
    let colleague: User
    /// A live session the cohort is invited to (scheduled by the admin).
    let session: String
    let activity: String

    static let secret = "private reason 7431"

    init(_ role: Role, _ rel: Rel) throws {
      let app = try PolicyTestApp()
      let a = app.academy
      actor = try a.createUser(role: role, displayName: "Asker")
      let learner = try a.createUser(role: .learner, displayName: "Learner Name Zq")
      let otherStaff = try a.createUser(role: .manager, displayName: "Other manager")
      colleague = try a.createUser(role: .trainer, displayName: "Colleague")
      subject = rel == .self ? actor : learner
      switch rel {
      case .self, .own:
        cohort = try app.cohort("Own", members: [actor, learner])
      case .other:
        _ = try app.cohort("Asker's", members: [actor])
        cohort = try app.cohort("Other", members: [otherStaff, learner])
      case .none:
        _ = try app.cohort("Asker's", members: [actor])
        cohort = try app.cohort("Nobody's", members: [learner])
      }
      essayAttempt = try app.essayAttempt(subject)
      openAttempt = try a.startAttempt(
        userID: subject.id, module: "e", kind: .certifying, language: .en
      ).id
      certificate = try app.certificate(subject, module: "p")
      revoked = try app.certificate(subject, module: "q")
      try a.revokeCertificate(code: revoked, reason: Self.secret, by: app.admin)
      session = try a.scheduleSession(
        LiveSessionDraft(
          title: "Meet-up", startsAt: 2_000_000_000, minutes: 60, place: "Hall", link: "",
          capacity: nil, modules: ["e"], cohortIDs: [cohort]), actor: app.admin)
      activity = try a.logActivity(
        actor: subject,
        ActivityInput(
          day: a.now - a.now % 86_400, kind: .post, platform: .x, topic: .other, link: nil))
      self.app = app
    }

    /// Does the app let the asker do it? Also checks how a refusal answers.
    func probe(_ action: Action) throws -> (allowed: Bool, status: Int) {
      let c = try app.client(actor)
      let r: PolicyTestApp.Reply
      switch action {
      case .submitAttempt:
        r = c.post(
          "/modules/e/quiz", [("attempt", openAttempt), ("q.t1", "true"), ("q.e1", "x")])
      case .viewResult: r = c.get("/attempts/\(essayAttempt)")
      case .viewEssay:
        r = c.get("/teach/essays")
        return (r.status == 200 && r.body.contains(Academy.essayReference(essayAttempt)), r.status)
      case .markEssay:
        r = c.post(
          "/teach/essays", [("attempt", essayAttempt), ("question", "e1"), ("percent", "50")])
      case .viewCertificateDetails:
        r = c.get("/certificates/\(revoked)")
        return (r.status == 200 && r.body.contains(Self.secret), r.status)
      case .revokeCertificate:
        r = c.post("/certificates/\(certificate)/revoke", [("reason", "test")])
      case .viewLearner:
        r = subject == actor ? c.get("/me") : c.get("/manage/learners/\(subject.id)")
      case .editLearner:
        r =
          subject == actor
          ? c.post("/me/profile", [("name", "New name"), ("locale", "en")])
          : c.post("/manage/expiring/refresher", [("code", certificate), ("due", "2030-01-01")])
      case .eraseLearner:
        r = c.post("/manage/learners/\(subject.id)/erase", [("confirm", "yes")])
      case .viewCohort: r = c.get("/manage/cohorts/\(cohort)")
      case .manageCohort:
        r = c.post(
          "/manage/cohorts/\(cohort)/assignments", [("module", "e"), ("due", "2030-01-01")])
      case .assignStaff:
        r = c.post("/manage/cohorts/\(cohort)/staff", [("user", colleague.id)])
      case .export: r = c.get("/manage/export/progress.csv?cohort=\(cohort)")
      case .viewStatistics: r = c.get("/teach/modules/e/statistics?cohort=\(cohort)")
      case .viewDeletionRequest, .decideDeletionRequest:
        // Their pages come with the deletion-request work; the domain answers for them.
        do {
          try app.academy.authorize(actor, action, .learner(subject.id))
          return (true, 200)
        } catch let e as AcademyError {
          return (false, e == .notFound ? 404 : 403)
        }
      case .createCohort: r = c.post("/manage/cohorts", [("name", "New cohort")])
      case .inviteStaff:
        r = c.post("/admin/invites", [("role", "trainer"), ("name", "T"), ("locale", "en")])
      case .scheduleSession:
        r = c.post(
          "/manage/sessions",
          [
            ("title", "Refresh"), ("date", "2030-01-01"), ("time", "10:00"), ("place", "Hall"),
            ("module", "e"), ("cohort", cohort),
          ])
      case .markAttendance:
        r = c.post("/sessions/\(session)/attendance", [("user", subject.id), ("present", "1")])
      case .recordActivity:
        let today = app.academy.now - app.academy.now % 86_400
        let day = ISO8601DateFormatter.string(
          from: Date(timeIntervalSince1970: Double(today)), timeZone: TimeZone(identifier: "UTC")!,
          formatOptions: [.withFullDate])
        r = c.post(
          "/me/activity/\(activity)",
          [("day", day), ("kind", "post"), ("platform", "x"), ("topic", "other"), ("reach", "10")])
      case .viewOutreach: r = c.get("/manage/outreach?cohort=\(cohort)")
      }
      return ((200..<400).contains(r.status), r.status)
    }

    /// Whether the route table lets `role` reach the probe's route at all.
    func gateAdmits(_ action: Action) -> Bool {
      let (method, path): (String, String)
      switch action {
      case .submitAttempt: (method, path) = ("POST", "/modules/e/quiz")
      case .viewResult: (method, path) = ("GET", "/attempts/x")
      case .viewEssay: (method, path) = ("GET", "/teach/essays")
      case .markEssay: (method, path) = ("POST", "/teach/essays")
      case .viewCertificateDetails: (method, path) = ("GET", "/certificates/x")
      case .revokeCertificate: (method, path) = ("POST", "/certificates/x/revoke")
      case .viewLearner: (method, path) = ("GET", subject == actor ? "/me" : "/manage/learners/x")
      case .editLearner:
        (method, path) = ("POST", subject == actor ? "/me/profile" : "/manage/expiring/refresher")
      case .eraseLearner: (method, path) = ("POST", "/manage/learners/x/erase")
      case .viewCohort: (method, path) = ("GET", "/manage/cohorts/x")
      case .manageCohort: (method, path) = ("POST", "/manage/cohorts/x/assignments")
      case .assignStaff: (method, path) = ("POST", "/manage/cohorts/x/staff")
      case .export: (method, path) = ("GET", "/manage/export/progress.csv")
      case .viewStatistics: (method, path) = ("GET", "/teach/modules/e/statistics")
      case .viewDeletionRequest, .decideDeletionRequest: return true
      case .createCohort: (method, path) = ("POST", "/manage/cohorts")
      case .inviteStaff: (method, path) = ("POST", "/admin/invites")
      case .scheduleSession: (method, path) = ("POST", "/manage/sessions")
      case .markAttendance: (method, path) = ("POST", "/sessions/x/attendance")
      case .recordActivity: (method, path) = ("POST", "/me/activity/x")
      case .viewOutreach: (method, path) = ("GET", "/manage/outreach")
      }
      guard case .found(let route, _) = app.router.match(method: method, path: path),
        let row = app.app.routes.first(where: {
          $0.method == route.method && $0.pattern == route.pattern
        })
      else { return false }
      return row.access.allows(actor.role)
    }
  }

  /// Erasing goes last: it takes the learner's name and certificates with it.
  static let order: [Action] =
    Action.allCases.filter { $0 != .eraseLearner } + [.eraseLearner]

  @Test(arguments: Role.allCases)
  func everyCellOfTheTableAnswersAsThePolicySays(_ role: Role) throws {
    var cells = 0
    for rel in Rel.allCases {
      let world = try World(role, rel)
      for action in Self.order {
        if rel == .self && Self.cohortActions.contains(action) { continue }  // a cohort is no one's own
        if rel != .none && Self.programme.contains(action) { continue }  // the programme: once
        let gate = world.gateAdmits(action)
        let want = gate && Self.expected(role, rel, action)
        let (got, status) = try world.probe(action)
        cells += 1
        #expect(
          got == want,
          "\(role) \(rel) \(action): expected \(want ? "allowed" : "refused"), got \(status)")
        // Refusals: outside one's scope looks like nothing is there (404); inside it, 403.
        if !want, gate, action != .viewEssay, action != .viewCertificateDetails {
          let outside =
            (rel == .other || rel == .none || (role == .learner && rel != .self)) && role != .admin
          let programmeWide = Self.programme.contains(action)
          #expect(
            status == (outside && !programmeWide ? 404 : 403)
              || (action == .eraseLearner && rel == .self),
            "\(role) \(rel) \(action): refused with \(status)")
        }
      }
    }
    // 4 relations × the learner actions, 3 × the cohort actions, the programme once.
    #expect(cells == 4 * 12 + 3 * 8 + 2)
  }
}
