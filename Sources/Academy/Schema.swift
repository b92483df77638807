import Storage

/// The database schema, as numbered forward-only migrations. Ids that appear in URLs are
/// random (see `RandomID`), never sequential. Times are Unix seconds.
enum Schema {
  /// Version numbers are reserved per area so parallel work never collides:
  /// 1–9 core, 10–19 certificates and learner data, 20–29 trainers, 30–39 managers,
  /// 40–49 after the training (briefings, activity).
  static let migrations: [Migration] =
    core + certificates + teaching + managing + accounts
    + liveSessions + outreach

  static let core: [Migration] = [
    Migration(
      1, "core",
      """
      CREATE TABLE users(
        id TEXT PRIMARY KEY,
        role TEXT NOT NULL CHECK (role IN ('learner','trainer','manager','admin')),
        display_name TEXT NOT NULL,
        handle TEXT UNIQUE,
        locale TEXT NOT NULL DEFAULT 'en',
        age_band TEXT,
        gender TEXT,
        disability TEXT,
        passphrase_hash TEXT,
        consent_at INTEGER,
        created_at INTEGER NOT NULL,
        last_seen_at INTEGER,
        erased_at INTEGER
      ) STRICT;
      CREATE TABLE sessions(
        token_hash TEXT PRIMARY KEY,
        user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        created_at INTEGER NOT NULL,
        expires_at INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX sessions_user ON sessions(user_id);
      CREATE TABLE cohorts(
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        created_by TEXT REFERENCES users(id),
        created_at INTEGER NOT NULL
      ) STRICT;
      CREATE TABLE cohort_members(
        cohort_id TEXT NOT NULL REFERENCES cohorts(id) ON DELETE CASCADE,
        user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        PRIMARY KEY (cohort_id, user_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX cohort_members_user ON cohort_members(user_id);
      CREATE TABLE invites(
        token_hash TEXT PRIMARY KEY,
        role TEXT NOT NULL,
        user_id TEXT REFERENCES users(id) ON DELETE CASCADE,
        cohort_id TEXT REFERENCES cohorts(id) ON DELETE SET NULL,
        display_name TEXT,
        locale TEXT,
        created_by TEXT REFERENCES users(id) ON DELETE SET NULL,
        created_at INTEGER NOT NULL,
        expires_at INTEGER NOT NULL,
        used_at INTEGER,
        used_by TEXT
      ) STRICT;
      CREATE TABLE assignments(
        id TEXT PRIMARY KEY,
        cohort_id TEXT REFERENCES cohorts(id) ON DELETE CASCADE,
        user_id TEXT REFERENCES users(id) ON DELETE CASCADE,
        module TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('initial','refresher')),
        due_at INTEGER,
        expiring_before INTEGER,
        created_by TEXT REFERENCES users(id) ON DELETE SET NULL,
        created_at INTEGER NOT NULL,
        CHECK ((cohort_id IS NULL) <> (user_id IS NULL))
      ) STRICT;
      CREATE INDEX assignments_cohort ON assignments(cohort_id);
      CREATE INDEX assignments_user ON assignments(user_id);
      CREATE TABLE lesson_views(
        user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        module TEXT NOT NULL,
        lesson TEXT NOT NULL,
        first_opened_at INTEGER NOT NULL,
        read_at INTEGER,
        PRIMARY KEY (user_id, module, lesson)
      ) STRICT, WITHOUT ROWID;
      CREATE TABLE attempts(
        id TEXT PRIMARY KEY,
        user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        module TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('certifying','pre','refresher')),
        locale TEXT NOT NULL,
        quiz_hash TEXT NOT NULL,
        layout TEXT NOT NULL,
        started_at INTEGER NOT NULL,
        submitted_at INTEGER,
        score REAL,
        passed INTEGER
      ) STRICT;
      CREATE INDEX attempts_user_module ON attempts(user_id, module, kind);
      CREATE INDEX attempts_module_submitted ON attempts(module, submitted_at);
      CREATE TABLE answers(
        attempt_id TEXT NOT NULL REFERENCES attempts(id) ON DELETE CASCADE,
        question_id TEXT NOT NULL,
        position INTEGER NOT NULL,
        response TEXT NOT NULL,
        fraction REAL,
        needs_grading INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (attempt_id, question_id)
      ) STRICT, WITHOUT ROWID;
      CREATE TABLE certificates(
        code TEXT PRIMARY KEY,
        user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        module TEXT NOT NULL,
        issued_at INTEGER NOT NULL,
        expires_at INTEGER NOT NULL,
        revoked_at INTEGER,
        revoked_reason TEXT,
        recipient_salt TEXT NOT NULL,
        UNIQUE (user_id, module)
      ) STRICT;
      CREATE INDEX certificates_expiry ON certificates(expires_at);
      CREATE TABLE certificate_events(
        code TEXT NOT NULL REFERENCES certificates(code) ON DELETE CASCADE,
        at INTEGER NOT NULL,
        event TEXT NOT NULL CHECK (event IN ('issued','renewed','revoked')),
        expires_at INTEGER,
        attempt_id TEXT,
        detail TEXT
      ) STRICT;
      CREATE INDEX certificate_events_code ON certificate_events(code);
      CREATE TABLE acknowledgements(
        user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        document TEXT NOT NULL,
        version TEXT NOT NULL,
        name TEXT NOT NULL,
        acknowledged_at INTEGER NOT NULL,
        PRIMARY KEY (user_id, document, version)
      ) STRICT, WITHOUT ROWID;
      CREATE TABLE audit_log(
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        at INTEGER NOT NULL,
        actor_id TEXT,
        action TEXT NOT NULL,
        subject TEXT,
        detail TEXT
      ) STRICT;
      CREATE TABLE settings(
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT;
      """)
  ]
}
