import Academy
import Catalog
import HTTPServer

/// Home: "continue where I stopped", then the modules assigned to the learner (soonest due
/// first, with their status), then the rest of the catalog, each with its progress.
enum HomePage {
  static func render(_ app: App, _ ctx: inout Context) throws -> HTTPResponse {
    let catalog = app.academy.catalog
    let progress = try ctx.user.map { try app.academy.progress(userID: $0.id) } ?? [:]
    let assignments = try ctx.user.map { try app.academy.assignments(userID: $0.id) } ?? []
    let now = app.academy.now
    var body: HTML = "<h1>\(ctx.user == nil ? ctx.t("home.welcome") : ctx.t("home.title"))</h1>"
    if ctx.user == nil {
      body += "<p>\(ctx.t("home.intro"))</p>"
    }
    // After the training: current briefings come first, urgent and unread on top.
    body += try BriefingPage.homeSection(app, ctx)
    body += try SessionPages.forLearner(app, ctx)
    if let last = progress.values.filter({ $0.lastOpenedLesson != nil }).max(by: {
      ($0.lastOpenedAt ?? 0) < ($1.lastOpenedAt ?? 0)
    }),
      let m = catalog.module(last.module), let opened = last.lastOpenedLesson,
      let lesson = m.lesson(opened),
      let text = lesson.text[ctx.language], let mt = m.text[ctx.language]
    {
      body += """
        <div class="card"><h2>\(ctx.t("home.continue"))</h2>
        <p><a class="btn" href="/modules/\(m.slug)/\(lesson.slug)">\(text.title)</a></p>
        <p class="meta">\(mt.title)</p></div>
        """
    }
    // One entry per module: the open assignment due soonest (done ones only if nothing is open).
    var assigned: [String: LearnerAssignment] = [:]
    for a in assignments where catalog.module(a.module) != nil {
      if let current = assigned[a.module], !current.done || a.done { continue }
      assigned[a.module] = a
    }
    let ordered = assignments.map(\.module).reduce(into: [String]()) {
      if assigned[$1] != nil && !$0.contains($1) { $0.append($1) }
    }
    if !ordered.isEmpty {
      body += "<h2>\(ctx.t("home.assigned"))</h2>"
      for slug in ordered {
        guard let m = catalog.module(slug), let a = assigned[slug] else { continue }
        body += card(m, progress[slug], assignment: a, now: now, ctx)
      }
      body += "<h2>\(ctx.t("home.others"))</h2>"
    } else {
      body += "<h2>\(ctx.t("home.modules"))</h2>"
    }
    for m in catalog.modules where assigned[m.slug] == nil {
      body += card(m, ctx.user == nil ? nil : progress[m.slug], assignment: nil, now: now, ctx)
    }
    return .page(Layout.page(ctx, title: ctx.t("home.title"), body))
  }

  static func card(
    _ m: Module, _ p: ModuleProgress?, assignment: LearnerAssignment?, now: Int64, _ ctx: Context
  ) -> HTML {
    guard let text = m.text[ctx.language] else { return .empty }
    let bar: HTML =
      p.map { Layout.progress($0.fraction, label: ctx.t("progress.label", text.title)) } ?? .empty
    var status = LearnerRoutes.status(p, now: now, ctx)
    var due: HTML = .empty
    var action: HTML = .empty
    if let a = assignment {
      if let d = a.dueAt { due = " · \(ctx.t("home.due", Dates.long(d, ctx.ui)))" }
      if a.overdue(at: now) {
        status = "<span class=\"status late\">\(ctx.t("status.overdue"))</span>"
      }
      if a.kind == .refresher && !a.done {
        if !a.overdue(at: now) {
          status = "<span class=\"status warn\">\(ctx.t("status.refresherDue"))</span>"
        }
        action =
          "<p><a class=\"btn\" href=\"/modules/\(m.slug)/quiz?kind=refresher\">\(ctx.t("home.refresher"))</a></p>"
      }
    }
    return """
      <div class="card">
      <h3><a href="/modules/\(m.slug)">\(text.title)</a></h3>
      <p>\(text.summary)</p>
      <p class="meta">\(ctx.t("home.lessonCount", String(m.lessons.count)))\(due) \(status)</p>
      \(bar)\(action)
      </div>
      """
  }
}
