import Storage

extension Schema {
  /// Reports read per-learner summaries kept up to date by triggers, so the dashboard,
  /// matrix and exports stay fast at 10,000 learners and 100,000 attempts
  /// (Tests/Benchmarks/dashboard.sh) without touching the code that records progress.
  static let managing: [Migration] = [
    Migration(
      30, "managing indexes and learner-module summary",
      """
      CREATE INDEX users_role ON users(role);
      CREATE INDEX invites_cohort ON invites(cohort_id);
      CREATE INDEX audit_log_actor ON audit_log(actor_id, id);
      CREATE INDEX attempts_passed_at ON attempts(submitted_at) WHERE passed = 1;
      CREATE INDEX acknowledgements_document ON acknowledgements(document, version);
      CREATE TABLE learner_module_stats(
        user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        module TEXT NOT NULL,
        lessons_opened INTEGER NOT NULL DEFAULT 0,
        lessons_read INTEGER NOT NULL DEFAULT 0,
        attempts INTEGER NOT NULL DEFAULT 0,
        pre_submitted INTEGER NOT NULL DEFAULT 0,
        pre_score_sum REAL NOT NULL DEFAULT 0,
        post_submitted INTEGER NOT NULL DEFAULT 0,
        post_score_sum REAL NOT NULL DEFAULT 0,
        best_score REAL,
        passed INTEGER NOT NULL DEFAULT 0,
        last_refresher_pass INTEGER,
        PRIMARY KEY (user_id, module)
      ) STRICT, WITHOUT ROWID;
      INSERT INTO learner_module_stats(user_id, module, lessons_opened, lessons_read)
        SELECT user_id, module, COUNT(*), COUNT(read_at) FROM lesson_views GROUP BY user_id, module;
      INSERT INTO learner_module_stats(user_id, module, attempts, pre_submitted, pre_score_sum, post_submitted, post_score_sum,
          best_score, passed, last_refresher_pass)
        SELECT user_id, module, COUNT(*),
          COUNT(CASE WHEN kind = 'pre' AND submitted_at IS NOT NULL THEN 1 END),
          TOTAL(CASE WHEN kind = 'pre' AND submitted_at IS NOT NULL THEN score END),
          COUNT(CASE WHEN kind = 'certifying' AND submitted_at IS NOT NULL THEN 1 END),
          TOTAL(CASE WHEN kind = 'certifying' AND submitted_at IS NOT NULL THEN score END),
          MAX(CASE WHEN kind <> 'pre' THEN score END),
          COALESCE(MAX(CASE WHEN kind <> 'pre' THEN passed END), 0),
          MAX(CASE WHEN kind = 'refresher' AND passed = 1 THEN submitted_at END)
        FROM attempts GROUP BY user_id, module
        ON CONFLICT(user_id, module) DO UPDATE SET attempts = excluded.attempts, pre_submitted = excluded.pre_submitted,
          pre_score_sum = excluded.pre_score_sum, post_submitted = excluded.post_submitted, post_score_sum = excluded.post_score_sum,
          best_score = excluded.best_score, passed = excluded.passed, last_refresher_pass = excluded.last_refresher_pass;
      CREATE TRIGGER lms_view_insert AFTER INSERT ON lesson_views BEGIN
        INSERT INTO learner_module_stats(user_id, module, lessons_opened, lessons_read)
        VALUES (NEW.user_id, NEW.module, 1, NEW.read_at IS NOT NULL)
        ON CONFLICT(user_id, module) DO UPDATE SET lessons_opened = lessons_opened + 1,
          lessons_read = lessons_read + (NEW.read_at IS NOT NULL);
      END;
      CREATE TRIGGER lms_view_read AFTER UPDATE OF read_at ON lesson_views
      WHEN (OLD.read_at IS NULL) <> (NEW.read_at IS NULL) BEGIN
        UPDATE learner_module_stats SET lessons_read = lessons_read + (CASE WHEN NEW.read_at IS NULL THEN -1 ELSE 1 END)
        WHERE user_id = NEW.user_id AND module = NEW.module;
      END;
      CREATE TRIGGER lms_view_delete AFTER DELETE ON lesson_views BEGIN
        UPDATE learner_module_stats SET lessons_opened = lessons_opened - 1, lessons_read = lessons_read - (OLD.read_at IS NOT NULL)
        WHERE user_id = OLD.user_id AND module = OLD.module;
      END;
      CREATE TRIGGER lms_attempt_insert AFTER INSERT ON attempts BEGIN
        INSERT INTO learner_module_stats(user_id, module, attempts) VALUES (NEW.user_id, NEW.module, 0)
        ON CONFLICT(user_id, module) DO NOTHING;
        UPDATE learner_module_stats SET attempts = attempts + 1,
          pre_submitted = pre_submitted + (NEW.kind = 'pre' AND NEW.submitted_at IS NOT NULL),
          pre_score_sum = pre_score_sum + (CASE WHEN NEW.kind = 'pre' AND NEW.submitted_at IS NOT NULL THEN COALESCE(NEW.score, 0) ELSE 0 END),
          post_submitted = post_submitted + (NEW.kind = 'certifying' AND NEW.submitted_at IS NOT NULL),
          post_score_sum = post_score_sum + (CASE WHEN NEW.kind = 'certifying' AND NEW.submitted_at IS NOT NULL THEN COALESCE(NEW.score, 0) ELSE 0 END),
          best_score = CASE WHEN NEW.kind <> 'pre' AND NEW.score IS NOT NULL THEN MAX(COALESCE(best_score, 0), NEW.score) ELSE best_score END,
          passed = MAX(passed, CASE WHEN NEW.kind <> 'pre' THEN COALESCE(NEW.passed, 0) ELSE 0 END),
          last_refresher_pass = CASE WHEN NEW.kind = 'refresher' AND NEW.passed = 1 THEN MAX(COALESCE(last_refresher_pass, 0), NEW.submitted_at) ELSE last_refresher_pass END
        WHERE user_id = NEW.user_id AND module = NEW.module;
      END;
      CREATE TRIGGER lms_attempt_submit AFTER UPDATE OF submitted_at ON attempts
      WHEN OLD.submitted_at IS NULL AND NEW.submitted_at IS NOT NULL BEGIN
        UPDATE learner_module_stats SET
          pre_submitted = pre_submitted + (NEW.kind = 'pre'),
          pre_score_sum = pre_score_sum + (CASE WHEN NEW.kind = 'pre' THEN COALESCE(NEW.score, 0) ELSE 0 END),
          post_submitted = post_submitted + (NEW.kind = 'certifying'),
          post_score_sum = post_score_sum + (CASE WHEN NEW.kind = 'certifying' THEN COALESCE(NEW.score, 0) ELSE 0 END),
          best_score = CASE WHEN NEW.kind <> 'pre' AND NEW.score IS NOT NULL THEN MAX(COALESCE(best_score, 0), NEW.score) ELSE best_score END,
          passed = MAX(passed, CASE WHEN NEW.kind <> 'pre' THEN COALESCE(NEW.passed, 0) ELSE 0 END),
          last_refresher_pass = CASE WHEN NEW.kind = 'refresher' AND NEW.passed = 1 THEN MAX(COALESCE(last_refresher_pass, 0), NEW.submitted_at) ELSE last_refresher_pass END
        WHERE user_id = NEW.user_id AND module = NEW.module;
      END;
      CREATE TRIGGER lms_attempt_delete AFTER DELETE ON attempts BEGIN
        UPDATE learner_module_stats SET attempts = attempts - 1 WHERE user_id = OLD.user_id AND module = OLD.module;
      END;
      """),
    // Passes per week for the dashboard: the week comes from the index and the learner
    // too, so counting 15,000 recent passes reads no table rows (21 -> 10 ms at 100k).
    Migration(
      31, "covering index for passes per week",
      """
      DROP INDEX attempts_passed_at;
      CREATE INDEX attempts_passed_by ON attempts(submitted_at, user_id) WHERE passed = 1;
      """),
  ]
}
