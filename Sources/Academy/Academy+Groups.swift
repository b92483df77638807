import Catalog

/// A self-declared characteristic reports are broken down by.
public enum Dimension: String, Sendable, CaseIterable {
  case ageBand, gender, disability

  public var values: [String] {
    switch self {
    case .ageBand: return Profile.ageBands
    case .gender: return Profile.genders
    case .disability: return Profile.disabilities
    }
  }

  func value(of r: LearnerReportRow) -> String? {
    switch self {
    case .ageBand: return r.ageBand
    case .gender: return r.gender
    case .disability: return r.disability
    }
  }
}

/// Numbers for one group; all nil when the group is too small to show (small-cell
/// suppression: nobody can be singled out by their characteristics).
public struct GroupStat: Sendable, Equatable {
  /// A value of the dimension, or "unstated".
  public var value: String
  public var learners: Int?
  public var started: Int?
  public var passed: Int?
  public var certified: Int?

  public var suppressed: Bool { learners == nil }
}

extension Academy {
  /// Groups smaller than this show "fewer than 5" instead of numbers.
  public static let minimumGroupSize = 5

  /// Learners by `dimension`, counting those who started, passed and hold a valid
  /// certificate in any module. When exactly one group is hidden, the next smallest is
  /// hidden too, or the hidden one could be worked out from the total.
  public static func groups(_ rows: [LearnerReportRow], by dimension: Dimension, now: Int64)
    -> [GroupStat]
  {
    // One pass over the learners, counting into each group by position (values are few).
    let values = dimension.values + ["unstated"]
    var counts = [(learners: Int, started: Int, passed: Int, certified: Int)](
      repeating: (0, 0, 0, 0), count: values.count)
    for r in rows {
      guard let g = values.firstIndex(of: dimension.value(of: r) ?? "unstated") else { continue }
      var started = false
      var passed = false
      var certified = false
      for f in r.facts.values {
        started = started || f.started
        passed = passed || f.passed
        certified = certified || (f.hasCertificate && (f.certificateExpiresAt ?? 0) > now)
      }
      counts[g].learners += 1
      if started { counts[g].started += 1 }
      if passed { counts[g].passed += 1 }
      if certified { counts[g].certified += 1 }
    }
    var stats: [GroupStat] = values.indices.map { i in
      GroupStat(
        value: values[i], learners: counts[i].learners, started: counts[i].started,
        passed: counts[i].passed, certified: counts[i].certified)
    }
    let small = stats.indices.filter { (stats[$0].learners ?? 0) < minimumGroupSize }
    var hide = Set(small)
    if hide.count == 1,
      let next = stats.indices.filter({ !hide.contains($0) }).min(by: {
        (stats[$0].learners ?? 0) < (stats[$1].learners ?? 0)
      })
    {
      hide.insert(next)
    }
    for i in hide {
      stats[i] = GroupStat(
        value: stats[i].value, learners: nil, started: nil, passed: nil, certified: nil)
    }
    return stats
  }
}
