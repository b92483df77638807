import Storage

extension Academy {
  /// Whether `actor` may revoke the certificate of `holder`: an admin always; a manager only
  /// when both are members of one same cohort (a manager "attached" to a cohort is one of its
  /// members), so a manager can't act on learners of cohorts they don't run.
  public func mayRevokeCertificate(actor: User, holderID: String) throws -> Bool {
    switch actor.role {
    case .admin: return true
    case .manager:
      return try database.read { c in
        try c.scalar(
          """
          SELECT COUNT(*) FROM cohort_members a JOIN cohort_members b ON a.cohort_id = b.cohort_id
          WHERE a.user_id = ? AND b.user_id = ?
          """, [actor.id, holderID]
        ).int ?? 0 > 0
      }
    default: return false
    }
  }
}
