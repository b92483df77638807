import Storage

extension Schema {
  /// Indexes the manager's dashboard, matrix and exports need to stay fast at 10,000
  /// learners and 100,000 attempts (see Tests/Benchmarks/dashboard.sh).
  static let managing: [Migration] = [
    Migration(
      30, "managing indexes",
      """
      CREATE INDEX users_role ON users(role);
      CREATE INDEX invites_cohort ON invites(cohort_id);
      CREATE INDEX audit_log_actor ON audit_log(actor_id, id);
      CREATE INDEX attempts_report ON attempts(user_id, module, kind, submitted_at, passed, score);
      CREATE INDEX certificates_user ON certificates(user_id, module, expires_at, revoked_at);
      CREATE INDEX acknowledgements_document ON acknowledgements(document, version);
      """)
  ]
}
