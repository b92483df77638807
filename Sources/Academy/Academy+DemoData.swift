import Catalog
import Foundation
import Storage

/// What `generateDemoData` made.
public struct DemoSummary: Sendable {
  public var learners = 0
  public var cohorts = 0
  public var attempts = 0
  public var certificates = 0
  public var managerID = ""
  /// Posts and live sessions logged (issue 21).
  public var activities = 0
}

/// A small seeded generator, so the same arguments give the same database.
struct SplitMix64: RandomNumberGenerator {
  var state: UInt64
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}

extension Academy {
  /// Fills the database with synthetic but plausible programme data (for benchmarks and
  /// demonstrations): cohorts of ~500 learners with self-declared demographics, lesson
  /// reading that tails off, pre-tests around 50 %, certifying quizzes around 78 % with
  /// retries, refreshers, certificates over two years, assignments and acknowledgements.
  /// Rows go in one transaction per few thousand, which keeps it fast with a full fsync.
  public func generateDemoData(learners: Int, attempts: Int, seed: UInt64 = 42) throws
    -> DemoSummary
  {
    var rng = SplitMix64(state: seed)
    let now = self.now
    let modules = catalog.modules
    guard !modules.isEmpty else { throw AcademyError("demo.noModules") }
    var summary = DemoSummary()
    let manager = try createUser(role: .manager, displayName: "Demo manager")
    summary.managerID = manager.id
    let cohortCount = max(1, learners / 500)
    var cohorts: [String] = []
    try database.write { c in
      for i in 0..<cohortCount {
        let id = RandomID.make()
        cohorts.append(id)
        try c.execute(
          "INSERT INTO cohorts(id, name, created_by, created_at) VALUES (?,?,?,?)",
          [id, "Demo cohort \(i + 1)", manager.id, now - 400 * 86_400])
        try c.execute(
          "INSERT INTO cohort_members(cohort_id, user_id) VALUES (?,?)", [id, manager.id])
        for m in modules {
          let due = now + Int64.random(in: -60...60, using: &rng) * 86_400
          try c.execute(
            "INSERT INTO assignments(id, cohort_id, module, kind, due_at, created_by, created_at) VALUES (?,?,?,?,?,?,?)",
            [RandomID.make(), id, m.slug, "initial", due, manager.id, now - 300 * 86_400])
        }
      }
    }
    summary.cohorts = cohortCount
    let firstNames = [
      "Amina", "Jean", "Fatima", "Moussa", "Grace", "Ali", "Nadia", "Samuel", "Aisha", "Pierre",
      "Halima", "Omar", "Esther", "Yusuf", "Marie", "Ibrahim",
    ]
    func pick<T>(_ weighted: [(T, Int)]) -> T {
      var r = Int.random(in: 0..<weighted.reduce(0) { $0 + $1.1 }, using: &rng)
      for (v, w) in weighted {
        if r < w { return v }
        r -= w
      }
      return weighted[0].0
    }
    // Engagement per learner: 0 never started, 1 some lessons, 2 read everything.
    var engaged: [(id: String, level: Int, joined: Int64)] = []
    let batch = 2_000
    var made = 0
    while made < learners {
      try database.write { c in
        for _ in 0..<min(batch, learners - made) {
          let id = RandomID.make()
          let joined = now - Int64.random(in: 1...730, using: &rng) * 86_400
          let age: String? = pick([
            ("18-24", 40), ("25-34", 30), ("under-18", 5), ("35-49", 10), ("50-plus", 3), ("", 12),
          ])
          let gender: String? = pick([("woman", 48), ("man", 40), ("other", 2), ("", 10)])
          let disability: String? = pick([("no", 70), ("yes", 12), ("", 18)])
          try c.execute(
            "INSERT INTO users(id, role, display_name, locale, age_band, gender, disability, consent_at, created_at) VALUES (?,?,?,?,?,?,?,?,?)",
            [
              id, "learner", "\(firstNames[made % firstNames.count]) \(made + 1)",
              made % 3 == 0 ? "fr" : "en",
              age == "" ? nil : age, gender == "" ? nil : gender,
              disability == "" ? nil : disability, joined, joined,
            ])
          try c.execute(
            "INSERT INTO cohort_members(cohort_id, user_id) VALUES (?,?)",
            [cohorts[made % cohorts.count], id])
          let level = pick([(0, 15), (1, 20), (2, 65)])
          engaged.append((id, level, joined))
          for m in modules where level > 0 {
            let n =
              level == 2
              ? m.lessons.count : Int.random(in: 1...max(1, m.lessons.count), using: &rng)
            for (i, l) in m.lessons.prefix(n).enumerated() {
              let at = joined + Int64(i + 1) * 3_600
              try c.execute(
                "INSERT INTO lesson_views(user_id, module, lesson, first_opened_at, read_at) VALUES (?,?,?,?,?)",
                [id, m.slug, l.slug, at, level == 2 || i < n - 1 ? at + 600 : nil])
            }
          }
          if made % 10 < 7 {
            try c.execute(
              "INSERT INTO acknowledgements(user_id, document, version, name, acknowledged_at) VALUES (?,?,?,?,?)",
              [
                id, "code-of-conduct", made % 10 < 5 ? "2" : "1",
                "\(firstNames[made % firstNames.count]) \(made + 1)", joined,
              ])
          }
          made += 1
        }
      }
    }
    summary.learners = made
    // Attempts go to learners who started; those who read everything take most of them.
    let active = engaged.filter { $0.level > 0 }
    let readers = engaged.filter { $0.level == 2 }
    guard !active.isEmpty else { return summary }
    var firstPass: [String: (Int64, String)] = [:]  // "user module" -> (time, attempt)
    var refreshed: [String: Int64] = [:]
    var written = 0
    var answers = DemoAnswers()
    while written < attempts {
      try database.write { c in
        for _ in 0..<min(batch, attempts - written) {
          let pool = Int.random(in: 0..<10, using: &rng) < 8 && !readers.isEmpty ? readers : active
          let who = pool[Int.random(in: 0..<pool.count, using: &rng)]
          let m = modules[Int.random(in: 0..<modules.count, using: &rng)]
          let key = who.id + " " + m.slug
          // Only those who read every lesson reach the certifying quiz; others try the pre-test.
          let kind: String =
            who.level < 2
            ? "pre"
            : pick([("pre", 15), ("certifying", 70), ("refresher", firstPass[key] == nil ? 0 : 15)])
          let start =
            max(who.joined, now - 730 * 86_400)
            + Int64.random(in: 0...max(1, now - who.joined - 3_600), using: &rng)
          let mean = kind == "pre" ? 0.5 : 0.78
          let noise =
            (Double.random(in: -1...1, using: &rng) + Double.random(in: -1...1, using: &rng)) * 0.15
          let target = min(1, max(0, mean + noise))
          let id = RandomID.make()
          // The attempt row first (answers refer to it), its score once they are written.
          try c.execute(
            "INSERT INTO attempts(id, user_id, module, kind, locale, quiz_hash, layout, started_at) VALUES (?,?,?,?,?,?,?,?)",
            [id, who.id, m.slug, kind, "en", "demo", "[]", start])
          let quiz =
            kind == "refresher"
            ? m.refresherQuiz(.reference) : m.quiz(QuizKind(rawValue: kind) ?? .pre, .reference)
          let score =
            try answers.write(c, attempt: id, quiz: quiz, target: target, using: &rng)
            ?? (target * 20).rounded() / 20
          let passed: Int? = kind == "pre" ? nil : (score * 100 >= Double(m.passMark) ? 1 : 0)
          try c.execute(
            "UPDATE attempts SET submitted_at = ?, score = ?, passed = ? WHERE id = ?",
            [start + 600, score, passed, id])
          if passed == 1 && who.level == 2 {
            if kind == "certifying", (firstPass[key]?.0 ?? .max) > start + 600 {
              firstPass[key] = (start + 600, id)
            }
            if kind == "refresher" { refreshed[key] = max(refreshed[key] ?? 0, start + 600) }
          }
          written += 1
        }
      }
    }
    summary.attempts = written
    let byModule = Dictionary(uniqueKeysWithValues: modules.map { ($0.slug, $0) })
    let passes = Array(firstPass)
    var i = 0
    while i < passes.count {
      try database.write { c in
        for (key, pass) in passes[i..<min(i + batch, passes.count)] {
          let parts = key.split(separator: " ")
          let user = String(parts[0])
          guard let m = byModule[String(parts[1])] else { continue }
          let code = Certificates.newCode()
          var expires = Certificates.expiry(from: pass.0, months: m.certificateMonths)
          try c.execute(
            "INSERT INTO certificates(code, user_id, module, issued_at, expires_at, recipient_salt) VALUES (?,?,?,?,?,?)",
            [code, user, m.slug, pass.0, expires, RandomID.make()])
          try c.execute(
            "INSERT INTO certificate_events(code, at, event, expires_at, attempt_id) VALUES (?,?,?,?,?)",
            [code, pass.0, "issued", expires, pass.1])
          if let r = refreshed[key], r > pass.0 {
            expires = Certificates.expiry(from: r, months: m.certificateMonths)
            try c.execute("UPDATE certificates SET expires_at = ? WHERE code = ?", [expires, code])
            try c.execute(
              "INSERT INTO certificate_events(code, at, event, expires_at) VALUES (?,?,?,?)",
              [code, r, "renewed", expires])
          }
        }
      }
      i += batch
    }
    summary.certificates = passes.count
    var cohortOf: [String: (id: String, name: String)] = [:]
    for (n, e) in engaged.enumerated() {
      let k = n % cohorts.count
      cohortOf[e.id] = (cohorts[k], "Demo cohort \(k + 1)")
    }
    summary.activities = try generateDemoOutreach(
      learners: readers.map(\.id), cohortOf: cohortOf, now: now, rng: &rng)
    try database.write { c in
      try Audit.record(
        c, at: now, actor: nil, action: "demo-data", detail: "\(made) learners, \(written) attempts"
      )
    }
    return summary
  }
}
