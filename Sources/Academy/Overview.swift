/// The four numbers at the top of the dashboard, counted in people (not certificates): a
/// learner overdue in two modules is one person to call.
public struct Overview: Sendable, Equatable {
  public var learners = 0
  /// Used Relais within the period.
  public var active = 0
  /// Hold at least one valid certificate.
  public var certified = 0
  /// Late with at least one assignment.
  public var overdue = 0
  /// Have a certificate ending within `Academy.expiringDays`.
  public var expiring = 0
}

/// The subsets of report rows the overview's numbers link to (`/manage/matrix?show=…`).
public enum OverviewSet: String, Sendable, CaseIterable {
  case active, certified, overdue, expiring

  public func contains(_ r: LearnerReportRow, now: Int64, activeSince: Int64) -> Bool {
    switch self {
    case .active: return !r.erased && (r.lastSeenAt ?? 0) >= activeSince
    case .overdue: return r.statuses.values.contains(.overdue)
    case .certified:
      return r.facts.values.contains { f in
        f.hasCertificate && (f.certificateExpiresAt ?? 0) > now
      }
    case .expiring:
      return r.facts.values.contains { f in
        guard f.hasCertificate, let e = f.certificateExpiresAt else { return false }
        return e > now && e <= now + Academy.expiringDays * 86_400
      }
    }
  }
}

extension Academy {
  /// Counts over report rows already loaded (one pass, no query).
  public func overview(rows: [LearnerReportRow], activeSince: Int64) -> Overview {
    let now = self.now
    var o = Overview()
    for r in rows where !r.erased {
      o.learners += 1
      if OverviewSet.active.contains(r, now: now, activeSince: activeSince) { o.active += 1 }
      if OverviewSet.certified.contains(r, now: now, activeSince: activeSince) {
        o.certified += 1
      }
      if OverviewSet.overdue.contains(r, now: now, activeSince: activeSince) { o.overdue += 1 }
      if OverviewSet.expiring.contains(r, now: now, activeSince: activeSince) { o.expiring += 1 }
    }
    return o
  }
}
