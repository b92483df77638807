import Storage

extension Schema {
  /// Issue 20: refresher sessions where people meet (in a room or on a call), the cohorts
  /// invited, the modules refreshed, and who came. Numbered in the managers' range (30–39).
  static let liveSessions: [Migration] = [
    Migration(
      34, "live refresher sessions and attendance",
      """
      CREATE TABLE live_sessions(
        id TEXT PRIMARY KEY,
        title TEXT NOT NULL,
        starts_at INTEGER NOT NULL,
        minutes INTEGER NOT NULL CHECK (minutes BETWEEN 5 AND 1440),
        place TEXT NOT NULL DEFAULT '',
        link TEXT NOT NULL DEFAULT '',
        capacity INTEGER CHECK (capacity IS NULL OR capacity > 0),
        quiz_opened_at INTEGER,
        -- People marked present who were erased since: the count stays, the rows go.
        erased_attended INTEGER NOT NULL DEFAULT 0,
        created_by TEXT REFERENCES users(id) ON DELETE SET NULL,
        created_at INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX live_sessions_start ON live_sessions(starts_at);
      CREATE TABLE live_session_modules(
        session_id TEXT NOT NULL REFERENCES live_sessions(id) ON DELETE CASCADE,
        module TEXT NOT NULL,
        PRIMARY KEY (session_id, module)
      ) STRICT, WITHOUT ROWID;
      CREATE TABLE live_session_cohorts(
        session_id TEXT NOT NULL REFERENCES live_sessions(id) ON DELETE CASCADE,
        cohort_id TEXT NOT NULL REFERENCES cohorts(id) ON DELETE CASCADE,
        PRIMARY KEY (session_id, cohort_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX live_session_cohorts_cohort ON live_session_cohorts(cohort_id);
      CREATE TABLE live_session_attendance(
        session_id TEXT NOT NULL REFERENCES live_sessions(id) ON DELETE CASCADE,
        user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        marked_by TEXT REFERENCES users(id) ON DELETE SET NULL,
        marked_at INTEGER NOT NULL,
        PRIMARY KEY (session_id, user_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX live_session_attendance_user ON live_session_attendance(user_id);
      """)
  ]
}
