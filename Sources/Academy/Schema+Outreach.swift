import Storage

extension Schema {
  /// Issue 21 (numbers 40–49): after the training. Reads and shares of briefings (content
  /// files, named by slug) and the influencer's own activity log. All rows belong to one
  /// learner: exported with them, and erased with them.
  static let outreach: [Migration] = [
    Migration(
      40, "briefings and activity",
      """
      CREATE TABLE briefing_reads(
        user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        briefing TEXT NOT NULL,
        read_at INTEGER NOT NULL,
        PRIMARY KEY (user_id, briefing)
      ) STRICT, WITHOUT ROWID;
      CREATE TABLE briefing_shares(
        id TEXT PRIMARY KEY,
        user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        briefing TEXT NOT NULL,
        platform TEXT NOT NULL,
        link TEXT,
        shared_at INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX briefing_shares_user ON briefing_shares(user_id, shared_at);
      CREATE TABLE activity_log(
        id TEXT PRIMARY KEY,
        user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        day INTEGER NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('post','live')),
        platform TEXT NOT NULL,
        topic TEXT NOT NULL,
        link TEXT,
        reach INTEGER NOT NULL DEFAULT 0,
        reactions INTEGER NOT NULL DEFAULT 0,
        comments INTEGER NOT NULL DEFAULT 0,
        shares INTEGER NOT NULL DEFAULT 0,
        questions INTEGER NOT NULL DEFAULT 0,
        referrals INTEGER NOT NULL DEFAULT 0,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX activity_log_user ON activity_log(user_id, day);
      CREATE INDEX activity_log_day ON activity_log(day);
      """)
  ]
}
