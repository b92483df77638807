import Catalog
import Storage

/// Where a learner stands in one module.
public struct ModuleProgress: Sendable {
  public var module: String
  public var lessonsRead: Set<String>
  public var lessonCount: Int
  public var lastOpenedLesson: String?
  public var lastOpenedAt: Int64?
  public var preTestDone: Bool
  public var bestScore: Double?
  public var passed: Bool
  public var certificate: Certificate?

  /// 0…1: lessons read, and the quiz as one more step.
  public var fraction: Double {
    let steps = lessonCount + 1
    return Double(lessonsRead.count + (passed ? 1 : 0)) / Double(max(steps, 1))
  }

  public var started: Bool { lastOpenedAt != nil || bestScore != nil }
}

extension Academy {
  /// Records that a lesson page was opened (for "continue where I stopped").
  public func lessonOpened(userID: String, module: String, lesson: String) throws {
    let now = self.now
    try database.write { c in
      try c.execute(
        """
        INSERT INTO lesson_views(user_id, module, lesson, first_opened_at) VALUES (?,?,?,?)
        ON CONFLICT(user_id, module, lesson) DO UPDATE SET first_opened_at = excluded.first_opened_at
        """, [userID, module, lesson, now])
    }
  }

  /// Marks a lesson read (the learner reached its end and pressed "Done"). May complete a
  /// certificate when the quiz was already passed. Returns the certificate code if issued.
  @discardableResult
  public func lessonRead(userID: String, module slug: String, lesson: String) throws -> String? {
    guard let module = catalog.module(slug), module.lesson(lesson) != nil else {
      throw AcademyError.notFound
    }
    let now = self.now
    return try database.write { c in
      try c.execute(
        """
        INSERT INTO lesson_views(user_id, module, lesson, first_opened_at, read_at) VALUES (?,?,?,?,?)
        ON CONFLICT(user_id, module, lesson) DO UPDATE SET read_at = COALESCE(read_at, excluded.read_at)
        """, [userID, slug, lesson, now, now])
      guard try Certificates.passedCertifying(c, userID: userID, module: slug) else { return nil }
      return try Certificates.award(
        c, userID: userID, module: module, attemptID: nil, renewal: false, now: now)
    }
  }

  /// Progress in every module of the catalog.
  public func progress(userID: String) throws -> [String: ModuleProgress] {
    let catalog = self.catalog
    return try database.read { c in
      var out: [String: ModuleProgress] = [:]
      for m in catalog.modules {
        out[m.slug] = ModuleProgress(
          module: m.slug, lessonsRead: [], lessonCount: m.lessons.count, lastOpenedLesson: nil,
          lastOpenedAt: nil, preTestDone: false, bestScore: nil, passed: false, certificate: nil)
      }
      let lessonSlugs = Dictionary(
        uniqueKeysWithValues: catalog.modules.map { ($0.slug, Set($0.lessons.map(\.slug))) })
      for r in try c.query(
        "SELECT module, lesson, first_opened_at, read_at FROM lesson_views WHERE user_id = ?",
        [userID])
      {
        guard let m = r.string("module"), var p = out[m], let l = r.string("lesson"),
          lessonSlugs[m]?.contains(l) == true
        else { continue }
        let opened = Int64(r.int("first_opened_at") ?? 0)
        if !r["read_at"].isNull { p.lessonsRead.insert(l) }
        if opened >= (p.lastOpenedAt ?? 0) {
          p.lastOpenedAt = opened
          p.lastOpenedLesson = l
        }
        out[m] = p
      }
      for r in try c.query(
        "SELECT module, kind, MAX(score) AS best, MAX(passed) AS passed FROM attempts WHERE user_id = ? AND submitted_at IS NOT NULL GROUP BY module, kind",
        [userID])
      {
        guard let m = r.string("module"), var p = out[m] else { continue }
        switch r.string("kind") {
        case "pre": p.preTestDone = true
        default:
          p.bestScore = max(p.bestScore ?? 0, r.double("best") ?? 0)
          p.passed = p.passed || r.int("passed") == 1
        }
        out[m] = p
      }
      for r in try c.query(Certificate.select + " WHERE c.user_id = ?", [userID]) {
        let cert = Certificate(row: r)
        out[cert.module]?.certificate = cert
      }
      return out
    }
  }
}
