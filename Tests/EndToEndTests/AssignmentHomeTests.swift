import Academy
import Catalog
import Testing

/// The learner's home puts assigned modules first, with due dates, overdue and refresher status.
@Suite(.serialized) struct AssignmentHomeTests {
  @Test func assignedModulesComeFirstWithDueDateAndOverdueStatus() throws {
    let server = try TestServer()
    defer { server.stop() }
    let a = server.academy
    let manager = try a.createUser(role: .manager, displayName: "M")
    let cohort = try a.createCohort(name: "Kakuma creators", actor: manager)
    let token = try a.inviteLearner(
      cohortID: cohort.id, displayName: "Amina", locale: .en, viewer: manager)
    let learner = try a.redeem(
      token: token, profile: Profile(displayName: "Amina", locale: .en, consent: true))
    try a.assign(module: "safeguarding", cohortID: cohort.id, dueAt: a.now - 86_400, actor: manager)
    try a.assign(
      module: "data-protection", cohortID: cohort.id, kind: .refresher, dueAt: a.now + 30 * 86_400,
      actor: manager)
    let c = server.client()
    c.cookies["relais_session"] = try a.startSession(userID: learner.id)
    let home = try c.get("/").body
    let assigned = try #require(home.range(of: "Assigned to you"))
    let others = try #require(home.range(of: "Other modules"))
    let safeguarding = try #require(home.range(of: "href=\"/modules/safeguarding\""))
    let fact = try #require(home.range(of: "href=\"/modules/fact-checking\""))
    #expect(
      assigned.lowerBound < safeguarding.lowerBound && safeguarding.lowerBound < others.lowerBound)
    #expect(others.lowerBound < fact.lowerBound)
    #expect(home.contains("Overdue"))
    #expect(home.contains("Due "))
    #expect(home.contains("/modules/data-protection/quiz?kind=refresher"))
  }
}
