import Catalog
import Foundation
import Testing

@testable import Academy

/// Means compared to 9 places: sums of the same scores in another order differ in the last bit.
func rounded(_ g: [KnowledgeGain]) -> [String] {
  g.map {
    "\($0.module) \($0.preCount) \($0.postCount) \((($0.preMean ?? -1) * 1e9).rounded()) \((($0.postMean ?? -1) * 1e9).rounded())"
  }
}

@Suite struct ManageAcademyTests {
  @Test func managerSeesOnlyCohortsTheyAreAttachedTo() throws {
    let academy = try makeAcademy()
    let a = try academy.createUser(role: .manager, displayName: "A")
    let b = try academy.createUser(role: .manager, displayName: "B")
    let admin = try academy.ensureAdmin()
    let k = try academy.createCohort(name: "Kakuma 2026", actor: a)
    let learner = try academy.joinedLearner("Amina", cohort: k.id, by: a)

    #expect(try academy.cohorts(visibleTo: a).map(\.id) == [k.id])
    #expect(try academy.cohorts(visibleTo: b).isEmpty)
    #expect(throws: AcademyError.notFound) { try academy.cohort(k.id, visibleTo: b) }
    #expect(throws: AcademyError.notFound) { try academy.learner(learner.id, visibleTo: b) }
    #expect(throws: AcademyError.notFound) { try academy.reportScope(viewer: b, cohortID: k.id) }
    #expect(
      try academy.learnerReport(scope: try academy.reportScope(viewer: b, cohortID: nil)).isEmpty)
    #expect(try academy.cohort(k.id, visibleTo: admin).learnerCount == 1)

    // Once an admin attaches B, B sees the cohort and its learner.
    try academy.attachStaff(cohortID: k.id, userID: b.id, actor: admin)
    #expect(try academy.learner(learner.id, visibleTo: b).displayName == "Amina")
    #expect(throws: AcademyError.forbidden) {
      try academy.attachStaff(cohortID: k.id, userID: b.id, actor: a)
    }
  }

  @Test func groupsOfFewerThanFiveAreSuppressedWithTheirComplement() throws {
    let academy = try makeAcademy()
    let m = try academy.createUser(role: .manager, displayName: "M")
    let k = try academy.createCohort(name: "K", actor: m)
    for i in 0..<4 { _ = try academy.joinedLearner("W\(i)", cohort: k.id, by: m, gender: "woman") }
    for i in 0..<6 { _ = try academy.joinedLearner("M\(i)", cohort: k.id, by: m, gender: "man") }
    for i in 0..<7 { _ = try academy.joinedLearner("U\(i)", cohort: k.id, by: m) }
    let rows = try academy.learnerReport(scope: ReportScope(cohortIDs: [k.id]))
    let groups = Academy.groups(rows, by: .gender, now: academy.now)
    let byValue = Dictionary(uniqueKeysWithValues: groups.map { ($0.value, $0) })
    #expect(byValue["woman"]?.suppressed == true)
    #expect(byValue["woman"]?.learners == nil)
    #expect(byValue["other"]?.suppressed == true)  // 0 is fewer than 5 too
    #expect(byValue["unstated"]?.learners == 7)
    // Two groups hidden already, so the others show.
    #expect(byValue["man"]?.learners == 6)
  }

  @Test func aLoneSmallGroupHidesTheNextSmallestToo() throws {
    let academy = try makeAcademy()
    let m = try academy.createUser(role: .manager, displayName: "M")
    let k = try academy.createCohort(name: "K", actor: m)
    for i in 0..<3 { _ = try academy.joinedLearner("Y\(i)", cohort: k.id, by: m) }
    for i in 0..<9 { _ = try academy.joinedLearner("N\(i)", cohort: k.id, by: m) }
    try academy.database.write { c in
      try c.execute("UPDATE users SET disability = 'no' WHERE role = 'learner'")
      try c.execute("UPDATE users SET disability = 'yes' WHERE display_name LIKE 'Y%'")
      try c.execute(
        "UPDATE users SET disability = NULL WHERE display_name IN ('N0','N1','N2','N3','N4','N5')")
    }
    let rows = try academy.learnerReport(scope: ReportScope(cohortIDs: [k.id]))
    let g = Dictionary(
      uniqueKeysWithValues: Academy.groups(rows, by: .disability, now: academy.now).map {
        ($0.value, $0)
      })
    #expect(g["yes"]?.suppressed == true)
    // "no" (3) is small too; "unstated" (6) stays, being the only one left.
    #expect(g["no"]?.suppressed == true)
    #expect(g["unstated"]?.learners == 6)
  }

  @Test func learnersSeeCohortAndOwnAssignmentsWithDueDateAndKind() throws {
    let clock = TestClock()
    let academy = try makeAcademy(clock: clock)
    let m = try academy.createUser(role: .manager, displayName: "M")
    let k = try academy.createCohort(name: "K", actor: m)
    let amina = try academy.joinedLearner("Amina", cohort: k.id, by: m)
    let due = clock.value + 7 * 86_400
    try academy.assign(module: "fact-checking", cohortID: k.id, dueAt: due, actor: m)
    var list = try academy.assignments(userID: amina.id)
    #expect(list.count == 1)
    #expect(
      list[0].module == "fact-checking" && list[0].kind == .initial && list[0].dueAt == due
        && !list[0].done)
    clock.advance(days: 8)
    #expect(list[0].overdue(at: clock.value))
    #expect(try academy.overdue(cohortID: k.id).map(\.name) == ["Amina"])
    try academy.complete(amina)
    list = try academy.assignments(userID: amina.id)
    #expect(list[0].done)
    #expect(try academy.overdue(cohortID: k.id).isEmpty)
  }

  @Test func refresherRenewsTheCertificateAndKeepsItsHistory() throws {
    let clock = TestClock()
    let academy = try makeAcademy(clock: clock)
    let m = try academy.createUser(role: .manager, displayName: "M")
    let k = try academy.createCohort(name: "K", actor: m)
    let amina = try academy.joinedLearner("Amina", cohort: k.id, by: m)
    let jean = try academy.joinedLearner("Jean", cohort: k.id, by: m)
    try academy.complete(amina)
    let code = try #require(try academy.certificates(userID: amina.id).first?.code)
    let firstExpiry = try #require(try academy.certificate(code: code)).expiresAt

    // Close to expiry: listed as expiring, and a refresher limited to expiring certificates
    // concerns Amina (certified) but not Jean (not certified).
    clock.advance(days: (firstExpiry - clock.value) / 86_400 - 20)
    let expiring = try academy.expiringCertificates(scope: ReportScope(cohortIDs: [k.id]), days: 30)
    #expect(expiring.map(\.code) == [code])
    try academy.issueRefresher(
      cohortID: k.id, modules: ["fact-checking"], dueAt: clock.value + 14 * 86_400,
      expiringBefore: firstExpiry + 1, actor: m)
    #expect(try academy.assignments(userID: jean.id).isEmpty)
    #expect(try academy.assignments(userID: amina.id).map(\.kind) == [.refresher])
    #expect(
      try academy.expiringCertificates(scope: ReportScope(cohortIDs: [k.id]), days: 30).first?
        .refresherPending == true)

    let result = try academy.complete(amina, kind: .refresher)
    #expect(result.certificateCode == code)
    let renewed = try #require(try academy.certificate(code: code))
    #expect(renewed.expiresAt > firstExpiry)
    #expect(try academy.certificateHistory(code: code).map(\.event) == ["issued", "renewed"])
    #expect(try academy.assignments(userID: amina.id).first?.done == true)
    let row = try #require(try academy.learnerReport(userID: amina.id))
    #expect(row.statuses["fact-checking"] == .valid)
  }

  @Test func erasureRemovesIdentityButKeepsTheNumbers() throws {
    let academy = try makeAcademy()
    let m = try academy.createUser(role: .manager, displayName: "M")
    let k = try academy.createCohort(name: "K", actor: m)
    let amina = try academy.joinedLearner("Amina", cohort: k.id, by: m, gender: "woman")
    let jean = try academy.joinedLearner("Jean", cohort: k.id, by: m)
    _ = try academy.startAttempt(
      userID: amina.id, module: "fact-checking", kind: .pre, language: .en)
    try academy.complete(amina)
    try academy.complete(jean, right: false)
    let scope = ReportScope(cohortIDs: [k.id])
    let funnelBefore = try academy.funnels(
      scope: scope, rows: try academy.learnerReport(scope: scope))
    let gainBefore = try academy.knowledgeGain(scope: scope)
    let attemptsBefore = try academy.attemptRecords(scope: scope).count
    let code = try #require(try academy.certificates(userID: amina.id).first?.code)

    try academy.eraseLearner(userID: amina.id, actor: m)

    let erased = try #require(try academy.user(amina.id))
    #expect(
      erased.erased && erased.displayName.isEmpty && erased.gender == nil && !erased.hasPassphrase)
    let cert = try #require(try academy.certificate(code: code))
    #expect(
      cert.holderName.isEmpty && cert.revokedReason == "erased"
        && cert.status(at: academy.now) == .revoked)
    let after = try academy.learnerReport(scope: scope)
    #expect(after.count == 2)
    let funnelAfter = try academy.funnels(scope: scope, rows: after)
    #expect(funnelAfter.map(\.started) == funnelBefore.map(\.started))
    #expect(funnelAfter.map(\.passed) == funnelBefore.map(\.passed))
    // Her certificate is revoked: one fewer certified in fact-checking, the rest unchanged.
    #expect(
      funnelAfter.map(\.certified)
        == funnelBefore.map { $0.certified - ($0.module == "fact-checking" ? 1 : 0) })
    #expect(rounded(try academy.knowledgeGain(scope: scope)) == rounded(gainBefore))
    #expect(try academy.attemptRecords(scope: scope).count == attemptsBefore)
    #expect(try academy.auditLog(viewer: m, limit: 1).first?.action == "learner.erase")
    // Another manager cannot erase someone outside their cohorts.
    let other = try academy.createUser(role: .manager, displayName: "O")
    #expect(throws: AcademyError.notFound) {
      try academy.eraseLearner(userID: jean.id, actor: other)
    }
  }

  @Test func summaryTableMatchesTheAttemptsItSummarises() throws {
    let academy = try makeAcademy()
    let m = try academy.createUser(role: .manager, displayName: "M")
    let k = try academy.createCohort(name: "K", actor: m)
    let a = try academy.joinedLearner("A", cohort: k.id, by: m)
    try academy.complete(a, right: false)
    try academy.database.write {
      try $0.execute("UPDATE attempts SET submitted_at = submitted_at - 100000")
    }  // skip the wait
    try academy.complete(a)
    let facts = try #require(try academy.learnerReport(userID: a.id)?.facts["fact-checking"])
    #expect(facts.attemptsStarted == 2 && facts.passed && facts.bestScore == 1)
    #expect(facts.lessonsRead == academy.catalog.module("fact-checking")!.lessons.count)
    let gain = try academy.knowledgeGain(scope: ReportScope(cohortIDs: [k.id]))
    let factChecking = gain.first { $0.module == "fact-checking" }
    #expect(factChecking?.postCount == 2)
    #expect(factChecking?.preCount == 0)
  }

  @Test func demoDataIsPlausibleAndConsistent() throws {
    let academy = try makeAcademy()
    let s = try academy.generateDemoData(learners: 300, attempts: 2_000)
    #expect(s.learners == 300 && s.attempts == 2_000 && s.cohorts == 1)
    let rows = try academy.learnerReport(scope: ReportScope(cohortIDs: nil))
    #expect(rows.count == 300)
    let f = try #require(try academy.funnels(scope: ReportScope(cohortIDs: nil), rows: rows).first)
    #expect(
      f.invited >= f.started && f.started >= f.lessonsRead && f.passed >= f.certified
        && f.certified > 0)
    let g = try #require(try academy.knowledgeGain(scope: ReportScope(cohortIDs: nil)).first)
    #expect((g.postMean ?? 0) > (g.preMean ?? 1))
    // Answers per question, and each attempt's score is the mean of its answers' fractions.
    let mismatched = try academy.database.read {
      try $0.scalar(
        """
        SELECT COUNT(*) FROM attempts t JOIN (SELECT attempt_id, AVG(fraction) AS f FROM answers GROUP BY attempt_id) a
          ON a.attempt_id = t.id WHERE ABS(t.score - a.f) > 1e-9
        """
      ).int
    }
    #expect(mismatched == 0)
    let answered = try academy.database.read {
      try $0.scalar("SELECT COUNT(DISTINCT attempt_id) FROM answers").int ?? 0
    }
    #expect(answered > 1_900)
    let stats = try academy.itemAnalysis(module: f.module)
    #expect(stats.attempts > 0 && stats.questions.contains { $0.facility != nil })
  }

  @Test func aLargeScopeReadThroughTheStaffFilterGivesTheSameReport() throws {
    let academy = try makeAcademy()
    let s = try academy.generateDemoData(learners: 3_200, attempts: 6_000)
    let manager = try #require(try academy.user(s.managerID))
    // Leave one cohort out, so the scope is large but not everyone.
    let admin = try academy.ensureAdmin()
    let all = try academy.cohorts(visibleTo: admin)
    try academy.database.write {
      try $0.execute(
        "DELETE FROM cohort_members WHERE cohort_id = ? AND user_id = ?", [all[0].id, manager.id])
    }
    let broad = try academy.reportScope(viewer: manager, cohortID: nil)
    #expect((broad.learnerIDs?.count ?? 0) > ReportScope.broad)
    #expect(broad.sql.keep != nil)
    let listed = ReportScope(cohortIDs: broad.cohortIDs)  // the SQL-listing path
    #expect(listed.sql.keep == nil)
    let a = try academy.learnerReport(scope: broad)
    let b = try academy.learnerReport(scope: listed)
    #expect(a.count == b.count && a.count == 3_200 - all[0].learnerCount)
    #expect(Set(a.map(\.id)) == Set(b.map(\.id)))
    #expect(try academy.funnels(scope: broad, rows: a) == academy.funnels(scope: listed, rows: b))
    #expect(rounded(academy.knowledgeGain(rows: a)) == rounded(academy.knowledgeGain(rows: b)))
    #expect(
      try academy.passesPerWeek(scope: broad).map(\.1)
        == academy.passesPerWeek(scope: listed).map(\.1))
    #expect(
      try academy.acknowledgementCounts(scope: broad).map(\.count)
        == academy.acknowledgementCounts(scope: listed).map(\.count))
    #expect(
      try academy.attemptRecords(scope: broad).count == academy.attemptRecords(scope: listed).count)
    #expect(
      try academy.certificateRecords(scope: broad).count
        == academy.certificateRecords(scope: listed).count)
    #expect(
      try academy.expiringCertificates(scope: broad, days: 90).count
        == academy.expiringCertificates(scope: listed, days: 90).count)
  }

  @Test func idListsForSQLiteAreValidJSON() throws {
    let ids = ["abc", "quo\"te", "back\\slash", "tab\tnew\nline", "é"]
    let text = ScopeSQL.jsonArray(ids)
    let parsed = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String]
    #expect(parsed == ids)
    #expect(ScopeSQL.jsonArray([]) == "[]")
  }
}
