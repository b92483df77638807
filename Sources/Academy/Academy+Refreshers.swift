import Catalog
import Storage

/// A certificate close to its end, for the "expiring soon" list.
public struct ExpiringCertificate: Sendable {
  public var code: String
  public var userID: String
  public var name: String
  public var module: String
  public var expiresAt: Int64
  /// A refresher for this module is already assigned and not yet done.
  public var refresherPending: Bool
}

extension Academy {
  /// A refresher session: refresher assignments of `modules` for a cohort, due by a date,
  /// optionally only for learners whose certificate expires before `expiringBefore`.
  /// Passing the refresher quiz renews the certificate (see `Certificates.award`).
  @discardableResult
  public func issueRefresher(
    cohortID: String, modules: [String], dueAt: Int64, expiringBefore: Int64?, actor: User
  ) throws -> [String] {
    guard !modules.isEmpty else { throw AcademyError("refresher.noModule") }
    return try modules.map {
      try assign(
        module: $0, cohortID: cohortID, kind: .refresher, dueAt: dueAt,
        expiringBefore: expiringBefore, actor: actor)
    }
  }

  /// Unrevoked certificates of learners in scope expiring within `days` (or already
  /// expired less than `days` ago is not included: those show as expired on the matrix).
  public func expiringCertificates(scope: ReportScope, days: Int) throws -> [ExpiringCertificate] {
    let now = self.now
    let sql = scope.sql
    return try database.read { c in
      let all = try c.query(
        """
        SELECT c.code, c.user_id, u.display_name, c.module, c.expires_at FROM certificates c JOIN users u ON u.id = c.user_id
        WHERE c.revoked_at IS NULL AND c.expires_at > ? AND c.expires_at <= ? AND \(sql.filter("c.user_id"))
        ORDER BY c.expires_at, u.display_name
        """, [now, now + Int64(days) * 86_400] + sql.params)
      let rows = all.filter { sql.admits($0[1].string ?? "") }
      let ids = rows.compactMap { $0[1].string }
      let facts = try LearnerFacts.load(c, userIDs: ids)
      var cohortsOf: [String: [String]] = [:]
      for r in try c.query(
        "SELECT user_id, cohort_id FROM cohort_members WHERE user_id IN (SELECT value FROM json_each(?))",
        [ScopeSQL.jsonArray(ids)])
      {
        cohortsOf[r[0].string ?? "", default: []].append(r[1].string ?? "")
      }
      let rules = try AssignmentRule.load(
        c, cohortIDs: Array(Set(cohortsOf.values.joined())), userIDs: ids)
      return rows.map { r in
        let id = r[1].string ?? ""
        let module = r[3].string ?? ""
        let f = facts[id] ?? LearnerFacts()
        let pending = rules.for(userID: id, cohorts: cohortsOf[id] ?? []).contains {
          $0.kind == .refresher && $0.module == module && $0.applies(to: f) && !$0.done(by: f)
        }
        return ExpiringCertificate(
          code: r[0].string ?? "", userID: id, name: r[2].string ?? "", module: module,
          expiresAt: Int64(r[4].int ?? 0),
          refresherPending: pending)
      }
    }
  }

  /// The one-click refresher from the expiring list: a refresher assignment for the holder
  /// of `code`, in a cohort `viewer` can see.
  @discardableResult
  public func refresher(forCertificate code: String, dueAt: Int64, viewer: User) throws -> String {
    guard let cert = try certificate(code: code) else { throw AcademyError.notFound }
    _ = try learner(cert.userID, visibleTo: viewer, for: .editLearner)
    let cohort = try cohorts(visibleTo: viewer, for: .manageCohort).first { k in
      try database.read {
        try $0.first(
          "SELECT 1 FROM cohort_members WHERE cohort_id = ? AND user_id = ?", [k.id, cert.userID])
          != nil
      }
    }
    guard let cohort else { throw AcademyError.notFound }
    return try assign(
      module: cert.module, cohortID: cohort.id, userID: cert.userID, kind: .refresher, dueAt: dueAt,
      actor: viewer)
  }
}
