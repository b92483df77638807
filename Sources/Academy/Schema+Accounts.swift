import Storage

extension Schema {
  /// Issue 16: sessions that end when left unused, and deletion requests a manager decides
  /// (confirmed by erasure, or declined with a reason the learner sees).
  static let accounts: [Migration] = [
    Migration(
      16, "session last use",
      """
      ALTER TABLE sessions ADD COLUMN last_used_at INTEGER;
      """),
    // SQLite can't change a CHECK in place: the table is rebuilt with the new states.
    Migration(
      17, "deletion request decisions",
      """
      CREATE TABLE deletion_requests_new(
        user_id TEXT PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
        requested_at INTEGER NOT NULL,
        state TEXT NOT NULL DEFAULT 'pending'
          CHECK (state IN ('pending','confirmed','declined','cancelled')),
        decided_by TEXT REFERENCES users(id) ON DELETE SET NULL,
        decided_at INTEGER,
        reason TEXT
      ) STRICT;
      INSERT INTO deletion_requests_new(user_id, requested_at, state, decided_by, decided_at)
        SELECT user_id, requested_at, state, decided_by, decided_at FROM deletion_requests;
      DROP TABLE deletion_requests;
      ALTER TABLE deletion_requests_new RENAME TO deletion_requests;
      CREATE INDEX deletion_requests_state ON deletion_requests(state, requested_at);
      """),
  ]
}
