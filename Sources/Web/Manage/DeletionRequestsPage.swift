import Academy
import HTTPServer

/// `/manage/deletions`: learners' requests to be erased, for the managers of their cohorts
/// and admins, each with the date it falls due (one month after the request). Confirming
/// erases the learner at once; declining needs a reason, which the learner reads on /me.
enum DeletionRequestsPage {
  static func routes(_ app: App) -> [Route] {
    [
      Route("GET", "/manage/deletions", .managers) { ctx in try render(app, &ctx) },
      Route("POST", "/manage/deletions/:id/confirm", .managers) { ctx in
        try confirm(app, &ctx)
      },
      Route("POST", "/manage/deletions/:id/decline", .managers) { ctx in
        try decline(app, &ctx)
      },
    ]
  }

  /// The dashboards' link, with how many requests wait (and how many are overdue).
  static func link(_ app: App, _ ctx: Context, viewer: User) throws -> HTML {
    let pending = try app.academy.deletionRequests(visibleTo: viewer)
    let overdue = pending.filter { $0.request.dueAt <= app.academy.now }.count
    let late: HTML =
      overdue > 0
      ? " <strong class=\"bad\">\(ctx.t("deletions.overdueCount", String(overdue)))</strong>"
      : .empty
    return
      "<p><a href=\"/manage/deletions\">\(ctx.t("deletions.link", String(pending.count)))</a>\(late)</p>"
  }

  static func render(
    _ app: App, _ ctx: inout Context, message: HTML = .empty, status: Int = 200
  ) throws -> HTTPResponse {
    let viewer = try ManageRoutes.viewer(ctx)
    let now = app.academy.now
    let pending = try app.academy.deletionRequests(visibleTo: viewer)
    var message = message
    if let done = ctx.query("done"), done == "confirmed" || done == "declined" {
      message = "<p class=\"ok\" role=\"status\">\(ctx.t("deletions.done.\(done)"))</p>"
    }
    let items: [HTML] = pending.map { p in
      let r = p.request
      let name = p.learnerName.isEmpty ? ctx.t("manage.erasedName") : p.learnerName
      let due: HTML =
        r.dueAt <= now
        ? "<strong class=\"bad\">\(Dates.day(r.dueAt)) (\(ctx.t("deletions.overdue")))</strong>"
        : "\(Dates.day(r.dueAt))"
      return """
        <li class="card"><h2><a href="/manage/learners/\(r.userID)">\(name)</a></h2>
        <p>\(ctx.t("deletions.requested")) \(Dates.day(r.requestedAt)) · \(ctx.t("deletions.due")) \(due)</p>
        <form method="post" action="/manage/deletions/\(r.userID)/confirm">\(ctx.csrfField)
        <label class="choice"><input type="checkbox" name="confirm" value="yes" required> \(ctx.t("deletions.confirmCheck", name))</label>
        <div class="actions"><button class="primary">\(ctx.t("deletions.confirm"))</button></div>
        </form>
        <form method="post" action="/manage/deletions/\(r.userID)/decline">\(ctx.csrfField)
        <label for="reason-\(r.userID)">\(ctx.t("deletions.reason"))</label>
        <textarea id="reason-\(r.userID)" name="reason" required maxlength="1000" rows="2"></textarea>
        <div class="actions"><button class="secondary">\(ctx.t("deletions.decline"))</button></div>
        </form></li>
        """
    }
    let body: HTML = """
      <h1>\(ctx.t("deletions.title"))</h1>
      <p><a href="/manage">\(ctx.t("manage.back"))</a></p>
      \(message)
      <p>\(ctx.t("deletions.explain"))</p>
      \(items.isEmpty ? HTML("<p>\(ctx.t("deletions.none"))</p>") : HTML("<ul>\(items)</ul>"))
      """
    return .page(Layout.page(ctx, title: ctx.t("deletions.title"), body), status: status)
  }

  static func confirm(_ app: App, _ ctx: inout Context) throws -> HTTPResponse {
    let viewer = try ManageRoutes.viewer(ctx)
    guard ctx.form["confirm"] == "yes" else {
      return try render(app, &ctx, message: problem(ctx, "manage.erase.confirmNeeded"), status: 400)
    }
    try app.academy.confirmDeletion(userID: ctx.request.parameters["id"] ?? "", actor: viewer)
    return .redirect(to: "/manage/deletions?done=confirmed")
  }

  static func decline(_ app: App, _ ctx: inout Context) throws -> HTTPResponse {
    let viewer = try ManageRoutes.viewer(ctx)
    do {
      try app.academy.declineDeletion(
        userID: ctx.request.parameters["id"] ?? "", reason: ctx.form["reason"] ?? "",
        actor: viewer)
    } catch let e as AcademyError where e != .notFound {
      return try render(app, &ctx, message: problem(ctx, e.key), status: 400)
    }
    return .redirect(to: "/manage/deletions?done=declined")
  }

  static func problem(_ ctx: Context, _ key: String) -> HTML {
    "<p class=\"bad\" role=\"alert\">\(ctx.t(key))</p>"
  }
}
