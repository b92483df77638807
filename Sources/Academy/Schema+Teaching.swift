import Storage

extension Schema {
  static let teaching: [Migration] = [
    Migration(
      20, "essay marks",
      """
      CREATE TABLE essay_marks(
        attempt_id TEXT NOT NULL REFERENCES attempts(id) ON DELETE CASCADE,
        question_id TEXT NOT NULL,
        fraction REAL NOT NULL CHECK (fraction >= 0 AND fraction <= 1),
        feedback TEXT NOT NULL DEFAULT '',
        marked_by TEXT REFERENCES users(id) ON DELETE SET NULL,
        marked_at INTEGER NOT NULL,
        PRIMARY KEY (attempt_id, question_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX answers_needs_grading ON answers(needs_grading) WHERE needs_grading = 1;
      """)
  ]
}
