import Catalog
import Foundation
import GIFT
import Storage

/// Which attempts the statistics cover.
public struct ItemAnalysisFilter: Sendable, Equatable {
  /// Only members of this cohort (nil: everyone).
  public var cohortID: String?
  /// Submitted at or after (Unix seconds, inclusive).
  public var from: Int64?
  /// Submitted at or before (Unix seconds, inclusive).
  public var to: Int64?
  /// Only members of these cohorts, whatever else is chosen (nil: no limit): a trainer sees
  /// the cohorts they are attached to, not the whole programme.
  public var withinCohorts: [String]?

  public init(
    cohortID: String? = nil, from: Int64? = nil, to: Int64? = nil, withinCohorts: [String]? = nil
  ) {
    self.cohortID = cohortID
    self.from = from
    self.to = to
    self.withinCohorts = withinCohorts
  }

  /// The filter limited to `scope` (the cohorts one may see statistics of, nil for all):
  /// "everyone" then means everyone in them, and another cohort is not found.
  public func limited(to scope: [String]?) throws -> ItemAnalysisFilter {
    guard let scope else { return self }
    if let cohortID, !scope.contains(cohortID) { throw AcademyError.notFound }
    var f = self
    f.withinCohorts = scope
    return f
  }
}

public enum ItemFlag: String, Sendable, CaseIterable, Hashable {
  /// Facility ≥ 0.95: tells nothing apart.
  case everyonePasses
  /// Facility ≤ 0.05: wrong key, unclear text, or not taught.
  case everyoneFails
  /// Discrimination < 0: the stronger learners miss it more than the weaker.
  case negativeDiscrimination
}

/// A wrong answer and how many responses chose it.
public struct WrongAnswerCount: Sendable, Equatable {
  public var answer: String
  public var count: Int
}

public struct QuestionStatistics: Sendable {
  public var id: String
  public var text: String
  public var type: String
  /// Graded answers to this question in the attempts covered (essays count once marked).
  public var attempts: Int
  /// Mean fraction of those answers (0…1): the share right, partial credit included.
  public var facility: Double?
  /// See `Academy.itemAnalysis`.
  public var discrimination: Double?
  /// Wrong answers (multiple choice, true/false, the five commonest short answers), most
  /// chosen first, then "no answer" as an empty `answer`.
  public var wrongAnswers: [WrongAnswerCount]
  public var flags: Set<ItemFlag>
}

/// Pre-test vs post-test for the learners covered.
public struct PrePostComparison: Sendable, Equatable {
  /// Learners with both a pre-test and a certifying attempt.
  public var learners: Int
  public var preMean: Double?
  public var postMean: Double?
  /// `postMean - preMean` over those learners.
  public var gain: Double?

  public init(learners: Int, preMean: Double?, postMean: Double?, gain: Double?) {
    self.learners = learners
    self.preMean = preMean
    self.postMean = postMean
    self.gain = gain
  }
}

public struct ItemAnalysis: Sendable {
  public var module: String
  /// Certifying attempts covered.
  public var attempts: Int
  /// Distinct learners behind those attempts (for small-cell suppression).
  public var learners: Int
  public var questions: [QuestionStatistics]
  public var prePost: PrePostComparison
}

extension Academy {
  /// Item analysis of a module's certifying quiz over the submitted attempts the filter keeps.
  ///
  /// - facility of a question: the mean `fraction` of its graded answers (1 right, 0 wrong,
  ///   partial credit between);
  /// - discrimination: rank all N covered attempts by quiz score, highest first (ties by
  ///   attempt id, so the result is stable); the top group is the first k and the bottom
  ///   group the last k, with k = max(1, round(0.27 × N)). A question's discrimination is
  ///   the mean fraction on it in the top group minus the mean in the bottom group, each
  ///   mean over the group's attempts that were shown the question. nil when N < 2 or a group
  ///   has no answer to it. Ranges −1…1; below 0 the stronger learners miss it more;
  /// - wrong answers: responses decoded from `answers.response`, counted per answer as
  ///   written in the file (translations keep the answer order of the English file);
  /// - pre/post: per learner, the first submitted pre-test and the first submitted
  ///   certifying attempt in the period; means and gain over learners who have both.
  public func itemAnalysis(module slug: String, filter: ItemAnalysisFilter = ItemAnalysisFilter())
    throws -> ItemAnalysis
  {
    let quiz = catalog.module(slug)?.quiz(.certifying, .reference)
    return try database.read { c in
      var conditions = ["t.module = ?", "t.submitted_at IS NOT NULL"]
      var params: [ValueConvertible] = [slug]
      if let cohort = filter.cohortID {
        conditions.append("t.user_id IN (SELECT user_id FROM cohort_members WHERE cohort_id = ?)")
        params.append(cohort)
      }
      if let within = filter.withinCohorts {
        conditions.append(
          "t.user_id IN (SELECT m.user_id FROM json_each(?) j CROSS JOIN cohort_members m ON m.cohort_id = j.value)"
        )
        params.append(ScopeSQL.jsonArray(within))
      }
      if let from = filter.from {
        conditions.append("t.submitted_at >= ?")
        params.append(from)
      }
      if let to = filter.to {
        conditions.append("t.submitted_at <= ?")
        params.append(to)
      }
      let whereSQL = conditions.joined(separator: " AND ")
      let attemptRows = try c.query(
        "SELECT t.id, t.user_id, t.kind, t.score, t.submitted_at FROM attempts t WHERE \(whereSQL) ORDER BY t.submitted_at, t.id",
        params)
      let certifying = attemptRows.filter { $0.string("kind") == QuizKind.certifying.rawValue }
      let answers = try c.query(
        """
        SELECT a.attempt_id, a.question_id, a.response, a.fraction FROM answers a JOIN attempts t ON t.id = a.attempt_id
        WHERE \(whereSQL) AND t.kind = 'certifying'
        """, params)
      var byQuestion: [String: [(attempt: String, fraction: Double?, response: Response)]] = [:]
      var order: [String] =
        quiz?.questions.filter { $0.moodleType != "description" }.map(\.id) ?? []
      for a in answers {
        let q = a.string("question_id") ?? ""
        if byQuestion[q] == nil && !order.contains(q)
          && quiz?.question(q)?.moodleType != "description"
        {
          order.append(q)
        }
        byQuestion[q, default: []].append(
          (
            a.string("attempt_id") ?? "", a.double("fraction"),
            ResponseCodec.decode(a.string("response") ?? "")
          ))
      }
      let (top, bottom) = Self.extremeGroups(
        certifying.map { ($0.string("id") ?? "", $0.double("score") ?? 0) })
      var stats: [QuestionStatistics] = []
      for id in order {
        let question = quiz?.question(id)
        if question?.moodleType == "description" { continue }
        let rows = byQuestion[id] ?? []
        let graded = rows.compactMap(\.fraction)
        let facility = graded.isEmpty ? nil : graded.reduce(0, +) / Double(graded.count)
        var discrimination: Double?
        func mean(_ group: Set<String>) -> Double? {
          let f = rows.filter { group.contains($0.attempt) }.compactMap(\.fraction)
          return f.isEmpty ? nil : f.reduce(0, +) / Double(f.count)
        }
        if let t = mean(top), let b = mean(bottom) { discrimination = t - b }
        var flags: Set<ItemFlag> = []
        if let f = facility, f >= 0.95 { flags.insert(.everyonePasses) }
        if let f = facility, f <= 0.05 { flags.insert(.everyoneFails) }
        if let d = discrimination, d < 0 { flags.insert(.negativeDiscrimination) }
        stats.append(
          QuestionStatistics(
            id: id, text: question?.text ?? "", type: question?.moodleType ?? "",
            attempts: graded.count,
            facility: facility, discrimination: discrimination,
            wrongAnswers: question.map { Self.wrongAnswers($0, rows.map(\.response)) } ?? [],
            flags: flags))
      }
      return ItemAnalysis(
        module: slug, attempts: certifying.count,
        learners: Set(certifying.map { $0.string("user_id") ?? "" }).count, questions: stats,
        prePost: Self.prePost(attemptRows))
    }
  }

  /// The attempt ids of the top and bottom 27 % by score (see `itemAnalysis`).
  static func extremeGroups(_ attempts: [(id: String, score: Double)]) -> (
    top: Set<String>, bottom: Set<String>
  ) {
    guard attempts.count >= 2 else { return ([], []) }
    let ranked = attempts.sorted { $0.score != $1.score ? $0.score > $1.score : $0.id < $1.id }
    let k = max(1, Int((0.27 * Double(ranked.count)).rounded()))
    return (Set(ranked.prefix(k).map(\.id)), Set(ranked.suffix(k).map(\.id)))
  }

  static func wrongAnswers(_ q: Question, _ responses: [Response]) -> [WrongAnswerCount] {
    var out: [WrongAnswerCount] = []
    let none = responses.filter { $0 == .none }.count
    switch q.kind {
    case .multipleChoice(let answers, _):
      for (i, a) in answers.enumerated() where a.fraction <= 0 {
        let n = responses.filter {
          switch $0 {
          case .choice(let c): return c == i
          case .choices(let s): return s.contains(i)
          default: return false
          }
        }.count
        out.append(WrongAnswerCount(answer: a.text, count: n))
      }
    case .trueFalse(let correct, _, _):
      out.append(
        WrongAnswerCount(
          answer: correct ? "false" : "true",
          count: responses.filter { $0 == .trueFalse(!correct) }.count))
    case .shortAnswer:
      var counts: [String: Int] = [:]
      for r in responses {
        if case .text(let t) = r, GIFT.grade(q, r).fraction <= 0 {
          counts[t.trimmingCharacters(in: .whitespaces).lowercased(), default: 0] += 1
        }
      }
      out += counts.map { WrongAnswerCount(answer: $0.key, count: $0.value) }
        .sorted { $0.count != $1.count ? $0.count > $1.count : $0.answer < $1.answer }.prefix(5)
    default: break
    }
    out.sort { $0.count > $1.count }
    if none > 0 { out.append(WrongAnswerCount(answer: "", count: none)) }
    return out
  }

  static func prePost(_ rows: [Row]) -> PrePostComparison {
    // Rows come ordered by submission time: the first seen per learner is their first.
    var pre: [String: Double] = [:]
    var post: [String: Double] = [:]
    for r in rows {
      let user = r.string("user_id") ?? ""
      let score = r.double("score") ?? 0
      switch r.string("kind") {
      case "pre": if pre[user] == nil { pre[user] = score }
      case "certifying": if post[user] == nil { post[user] = score }
      default: break
      }
    }
    let both = Set(pre.keys).intersection(post.keys)
    guard !both.isEmpty else {
      return PrePostComparison(learners: 0, preMean: nil, postMean: nil, gain: nil)
    }
    let preMean = both.map { pre[$0, default: 0] }.reduce(0, +) / Double(both.count)
    let postMean = both.map { post[$0, default: 0] }.reduce(0, +) / Double(both.count)
    return PrePostComparison(
      learners: both.count, preMean: preMean, postMean: postMean, gain: postMean - preMean)
  }

  /// The filter `viewer` may use (`viewStatistics`): an admin's as asked; a trainer's within
  /// the cohorts they are attached to.
  public func statisticsFilter(_ filter: ItemAnalysisFilter, viewer: User) throws
    -> ItemAnalysisFilter
  {
    try filter.limited(to: try cohortScope(viewer, .viewStatistics))
  }
}
