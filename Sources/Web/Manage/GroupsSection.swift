import Academy

/// Results by self-declared age band, gender and disability. A group of fewer than 5
/// learners shows "fewer than 5" in place of every number.
enum GroupsSection {
  static func render(_ ctx: Context, rows: [LearnerReportRow], now: Int64) -> HTML {
    var out: HTML =
      "<h2>\(ctx.t("manage.groups.title"))</h2><p class=\"hint\">\(ctx.t("manage.groups.explain"))</p>"
    for d in Dimension.allCases {
      var body: [HTML] = []
      for g in Academy.groups(rows, by: d, now: now) {
        let name = ctx.t("manage.group.\(g.value)")
        if g.suppressed {
          body.append(
            "<tr><th scope=\"row\">\(name)</th><td colspan=\"4\">\(ctx.t("manage.groups.fewer"))</td></tr>"
          )
        } else {
          body.append(
            "<tr><th scope=\"row\">\(name)</th><td>\(g.learners ?? 0)</td><td>\(g.started ?? 0)</td><td>\(g.passed ?? 0)</td><td>\(g.certified ?? 0)</td></tr>"
          )
        }
      }
      let table: HTML = """
        <table><caption>\(ctx.t("manage.dimension.\(d.rawValue)"))</caption>
        <thead><tr><th scope="col">\(ctx.t("manage.groups.group"))</th><th scope="col">\(ctx.t("manage.groups.learners"))</th>\
        <th scope="col">\(ctx.t("manage.funnel.started"))</th><th scope="col">\(ctx.t("manage.funnel.passed"))</th>\
        <th scope="col">\(ctx.t("manage.funnel.certified"))</th></tr></thead>
        <tbody>\(body)</tbody></table>
        """
      out += OverviewSection.scroll(ctx.t("manage.dimension.\(d.rawValue)"), table)
    }
    return out
  }

  /// The same numbers for the CSV export, suppressed the same way.
  static func csvRows(_ ctx: Context, rows: [LearnerReportRow], now: Int64) -> [[String]] {
    var out: [[String]] = []
    for d in Dimension.allCases {
      for g in Academy.groups(rows, by: d, now: now) {
        if g.suppressed {
          let fewer = ctx.t("manage.groups.fewer")
          out.append([d.rawValue, g.value, fewer, fewer, fewer, fewer])
        } else {
          out.append([
            d.rawValue, g.value, String(g.learners ?? 0), String(g.started ?? 0),
            String(g.passed ?? 0), String(g.certified ?? 0),
          ])
        }
      }
    }
    return out
  }
}
