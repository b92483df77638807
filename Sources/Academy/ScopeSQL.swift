import Storage

/// The set of learners a report covers, as SQL that selects their ids (used as
/// `user_id IN (…)`), so report queries filter in SQLite. A large set (most learners)
/// is cheaper the other way round: SQL leaves out the few staff, and `keep` drops the
/// learners outside the set as rows arrive.
struct ScopeSQL {
  var sql: String
  var params: [ValueConvertible]
  /// The same set as a condition on `users` itself (saves a self-join on the largest scope).
  var usersWhere: String?
  var keep: Set<String>?

  /// Whether a row of this user belongs in the report (after the SQL filter).
  func admits(_ userID: String) -> Bool { keep?.contains(userID) ?? true }

  /// `column` restricted to the scope. Every learner is written as "not staff": staff are
  /// few, so SQLite probes a tiny list instead of building one of every learner.
  func filter(_ column: String) -> String {
    usersWhere == nil
      ? "\(column) IN (\(sql))" : "\(column) NOT IN (SELECT id FROM users WHERE role <> 'learner')"
  }

  static var allLearners: ScopeSQL {
    ScopeSQL(
      sql: "SELECT id FROM users WHERE role = 'learner'", params: [], usersWhere: "role = 'learner'"
    )
  }

  static func learners(inCohorts ids: [String]) -> ScopeSQL {
    ScopeSQL(
      // CROSS JOIN keeps SQLite from driving the join from every learner (ten thousand
      // index probes per cohort) instead of from the cohorts' members.
      sql:
        "SELECT m.user_id FROM json_each(?) j CROSS JOIN cohort_members m ON m.cohort_id = j.value CROSS JOIN users u ON u.id = m.user_id AND u.role = 'learner'",
      params: [jsonArray(ids)])
  }

  static func users(_ ids: [String]) -> ScopeSQL {
    ScopeSQL(sql: "SELECT value FROM json_each(?)", params: [jsonArray(ids)])
  }

  /// A JSON array of strings for `json_each(?)`, escaped as RFC 8259 requires.
  static func jsonArray(_ ids: [String]) -> String {
    var out = "["
    for (i, id) in ids.enumerated() {
      if i > 0 { out += "," }
      out += "\""
      for u in id.unicodeScalars {
        switch u {
        case "\"": out += "\\\""
        case "\\": out += "\\\\"
        case _ where u.value < 0x20:
          out += "\\u00" + (u.value < 0x10 ? "0" : "") + String(u.value, radix: 16)
        default: out.unicodeScalars.append(u)
        }
      }
      out += "\""
    }
    return out + "]"
  }
}
