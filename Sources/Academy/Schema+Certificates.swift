import Storage

extension Schema {
  static let certificates: [Migration] = [
    Migration(
      10, "deletion requests",
      """
      CREATE TABLE deletion_requests(
        user_id TEXT PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
        requested_at INTEGER NOT NULL,
        state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending','confirmed','cancelled')),
        decided_by TEXT REFERENCES users(id) ON DELETE SET NULL,
        decided_at INTEGER
      ) STRICT;
      CREATE INDEX deletion_requests_state ON deletion_requests(state);
      """)
  ]
}
