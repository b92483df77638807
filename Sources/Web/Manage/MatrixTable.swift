import Academy
import Catalog

/// The completion matrix: learners down, modules across, a status in each cell. Sorted by
/// a column chosen with links (`?sort=name` or a module slug, `&dir=desc`), 100 rows a page.
enum MatrixTable {
  static let pageSize = 100

  static func render(_ app: App, _ ctx: Context, rows all: [LearnerReportRow], path: String)
    -> HTML
  {
    let modules = app.academy.catalog.modules
    // `?show=overdue` etc.: the people behind one of the overview's numbers.
    let show = ctx.query("show").flatMap(OverviewSet.init(rawValue:))
    let now = app.academy.now
    let since = now - Int64(OverviewSection.period(ctx)) * 86_400
    let rows = show.map { s in all.filter { s.contains($0, now: now, activeSince: since) } } ?? all
    let sort = ctx.query("sort") ?? "name"
    let desc = ctx.query("dir") == "desc"
    let sorted = order(rows, by: sort, descending: desc)
    let pages = max(1, (sorted.count + pageSize - 1) / pageSize)
    let page = min(max(1, Numbers.integer(ctx.query("page"), in: 1...Int.max) ?? 1), pages)
    let slice = sorted.dropFirst((page - 1) * pageSize).prefix(pageSize).map { rows[$0] }
    let cohort =
      OverviewSection.filterQuery(ctx, prefix: "&") + (show.map { "&show=\($0.rawValue)" } ?? "")

    func header(_ key: String, _ title: String) -> HTML {
      let active = sort == key
      let nextDir = active && !desc ? "desc" : "asc"
      let aria: HTML = active ? " aria-sort=\"\(desc ? "descending" : "ascending")\"" : .empty
      return
        "<th scope=\"col\"\(aria)><a href=\"\(path)?sort=\(ManageRoutes.percentEncode(key))&amp;dir=\(nextDir)\(cohort)\">\(title)</a></th>"
    }
    var head: [HTML] = [header("name", ctx.t("manage.matrix.learner"))]
    for m in modules { head.append(header(m.slug, ManageRoutes.moduleTitle(app, m.slug, ctx))) }
    var body: [HTML] = []
    for r in slice {
      let name = r.erased ? ctx.t("manage.erasedName") : r.name
      var cells: [HTML] = [
        "<th scope=\"row\"><a href=\"/manage/learners/\(r.id)\">\(name)</a></th>"
      ]
      for m in modules { cells.append("<td>\(badge(r.statuses[m.slug] ?? .notStarted, ctx))</td>") }
      body.append("<tr>\(cells)</tr>")
    }
    var pager: [HTML] = []
    if page > 1 {
      pager.append(
        "<a href=\"\(path)?sort=\(ManageRoutes.percentEncode(sort))&amp;dir=\(desc ? "desc" : "asc")&amp;page=\(page - 1)\(cohort)\">\(ctx.t("manage.matrix.previous"))</a>"
      )
    }
    if page < pages {
      pager.append(
        "<a href=\"\(path)?sort=\(ManageRoutes.percentEncode(sort))&amp;dir=\(desc ? "desc" : "asc")&amp;page=\(page + 1)\(cohort)\">\(ctx.t("manage.matrix.next"))</a>"
      )
    }
    let heading: HTML =
      show.map {
        "<p><strong>\(ctx.t("overview.show.\($0.rawValue)", String(OverviewSection.period(ctx))))</strong></p>"
      }
      ?? .empty
    let table: HTML = """
      <table><caption class="sr">\(ctx.t("manage.matrix.title"))</caption>
      <thead><tr>\(head)</tr></thead><tbody>\(body)</tbody></table>
      """
    return """
      \(heading)
      <p class="meta">\(ctx.t("manage.matrix.count", String(rows.count), String(page), String(pages)))</p>
      \(OverviewSection.scroll(ctx.t("manage.matrix.title"), table))
      <nav class="pager" aria-label="\(ctx.t("manage.matrix.pages"))">\(pager)</nav>
      """
  }

  /// Positions of `rows` in display order: keys computed once per row, and indices sorted
  /// rather than the (large) rows.
  static func order(_ rows: [LearnerReportRow], by key: String, descending: Bool) -> [Int] {
    let column = rows.first?.statuses.slugs.firstIndex(of: key)
    let ranks = rows.map { r in column.map { r.statuses.values[$0].rank } ?? (key == "name" ? 0 : 9)
    }
    let names = rows.map { $0.name.lowercased() }
    let order = rows.indices.sorted { a, b in
      if ranks[a] != ranks[b] { return ranks[a] < ranks[b] }
      if names[a] != names[b] { return names[a] < names[b] }
      return rows[a].id < rows[b].id
    }
    return descending ? order.reversed() : order
  }

  static func badge(_ s: MatrixStatus, _ ctx: Context) -> HTML {
    let cls: String
    switch s {
    case .valid, .passed: cls = "status good"
    case .expiring: cls = "status warn"
    case .expired, .overdue: cls = "status late"
    case .notStarted, .inProgress: cls = "status"
    }
    return "<span class=\"\(cls)\">\(ctx.t("manage.status.\(s.rawValue)"))</span>"
  }
}
