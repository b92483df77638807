import Academy
import HTTPServer

/// Live refresher sessions: managers schedule them (`/manage/sessions`), staff of the
/// invited cohorts list them (`/sessions`), everyone invited opens one (`/sessions/{id}`)
/// and adds it to a calendar (`.ics`). Attendance is in `SessionAttendance`.
enum SessionPages {
  static func routes(_ app: App) -> [Route] {
    [
      Route("GET", "/manage/sessions", .managers) { ctx in try manage(app, &ctx) },
      Route("POST", "/manage/sessions", .managers) { ctx in try schedule(app, &ctx) },
      Route("GET", "/sessions", .staff) { ctx in try list(app, &ctx) },
      Route("GET", "/sessions/:id", .signedIn) { ctx in try view(app, &ctx) },
      Route("GET", "/sessions/:id/calendar.ics", .signedIn) { ctx in try calendar(app, &ctx) },
      Route("POST", "/sessions/:id/attendance", .staff) { ctx in
        try SessionAttendance.mark(app, &ctx)
      },
      Route("POST", "/sessions/:id/quiz", .managers) { ctx in
        try SessionAttendance.openQuiz(app, &ctx)
      },
    ]
  }

  static func user(_ ctx: Context) throws -> User {
    guard let u = ctx.user else { throw AcademyError.forbidden }
    return u
  }

  /// "14:30–16:00 UTC" after the date in the reader's language.
  static func when(_ s: LiveSession, _ ctx: Context) -> String {
    ctx.t("session.when", Dates.long(s.startsAt, ctx.ui), clock(s.startsAt), clock(s.endsAt))
  }

  static func clock(_ t: Int64) -> String {
    let instant = Dates.instant(t)  // YYYY-MM-DDThh:mm:ssZ
    return String(instant.dropFirst(11).prefix(5))
  }

  /// One session as a card: when, where, and links to it and to the calendar file.
  static func card(_ app: App, _ s: LiveSession, _ ctx: Context, heading: String = "h3") -> HTML {
    let modules = s.modules.map { ManageRoutes.moduleTitle(app, $0, ctx) }.joined(separator: ", ")
    let place: HTML = s.place.isEmpty ? .empty : "<p>\(ctx.t("session.place")): \(s.place)</p>"
    return """
      <div class="card"><\(HTML(trusted: heading))><a href="/sessions/\(s.id)">\(s.title)</a></\(HTML(trusted: heading))>
      <p><strong>\(when(s, ctx))</strong></p>\(place)
      <p class="meta">\(ctx.t("session.modules")): \(modules)</p>
      <p><a href="/sessions/\(s.id)/calendar.ics">\(ctx.t("session.ics"))</a></p></div>
      """
  }

  /// The learner's home: sessions their cohorts are invited to, from today.
  static func forLearner(_ app: App, _ ctx: Context) throws -> HTML {
    guard let u = ctx.user, u.role == .learner else { return .empty }
    let upcoming = try app.academy.liveSessions(visibleTo: u, from: app.academy.now, limit: 5)
    guard !upcoming.isEmpty else { return .empty }
    let cards: [HTML] = upcoming.map { card(app, $0, ctx) }
    return "<h2>\(ctx.t("session.upcoming"))</h2>\(cards)"
  }

  /// The sessions someone was marked present at (their record, /me).
  static func attendedSection(_ app: App, _ sessions: [LiveSession], _ ctx: Context) -> HTML {
    let items: [HTML] = sessions.map {
      "<li>\($0.title) · \(Dates.long($0.startsAt, ctx.ui))</li>"
    }
    let list: HTML =
      items.isEmpty ? "<p>\(ctx.t("session.attendedNone"))</p>" : "<ul>\(items)</ul>"
    return "<h2 id=\"live-sessions\">\(ctx.t("session.attendedTitle"))</h2>\(list)"
  }

  static func table(_ app: App, _ sessions: [LiveSession], _ ctx: Context) -> HTML {
    guard !sessions.isEmpty else { return "<p>\(ctx.t("session.none"))</p>" }
    let rows: [HTML] = sessions.map { s in
      let cap = s.capacity.map(String.init) ?? "–"
      return """
        <tr><th scope="row"><a href="/sessions/\(s.id)">\(s.title)</a></th><td>\(Dates.day(s.startsAt)) \(clock(s.startsAt))</td>\
        <td>\(cap)</td><td>\(s.attended)</td></tr>
        """
    }
    let t: HTML = """
      <table><thead><tr><th scope="col">\(ctx.t("session.title"))</th><th scope="col">\(ctx.t("session.start"))</th>\
      <th scope="col">\(ctx.t("session.capacity"))</th><th scope="col">\(ctx.t("session.attended"))</th></tr></thead>
      <tbody>\(rows)</tbody></table>
      """
    return OverviewSection.scroll(ctx.t("session.list"), t)
  }

  /// A cohort's page: its live sessions from the last 30 days on.
  static func cohortSection(_ app: App, _ ctx: Context, viewer: User, cohortID: String) throws
    -> HTML
  {
    let sessions = try app.academy.liveSessions(
      visibleTo: viewer, from: app.academy.now - 30 * 86_400
    ).filter { $0.cohortIDs.contains(cohortID) }
    return """
      <h2>\(ctx.t("session.list"))</h2>
      \(table(app, sessions, ctx))
      <p><a href="/manage/sessions">\(ctx.t("session.schedule"))</a></p>
      """
  }

  /// The dashboard's part: the next sessions and the last ones with how many came.
  static func dashboardSummary(_ app: App, _ ctx: Context, viewer: User) throws -> HTML {
    let sessions = try app.academy.liveSessions(
      visibleTo: viewer, from: app.academy.now - 30 * 86_400, limit: 6)
    return """
      <h2>\(ctx.t("session.list"))</h2>
      \(table(app, sessions, ctx))
      <p><a href="/manage/sessions">\(ctx.t("session.schedule"))</a></p>
      """
  }

  static func list(_ app: App, _ ctx: inout Context) throws -> HTTPResponse {
    let viewer = try user(ctx)
    let sessions = try app.academy.liveSessions(
      visibleTo: viewer, from: app.academy.now - 30 * 86_400)
    let body: HTML = """
      <h1>\(ctx.t("session.list"))</h1>
      <p class="hint">\(ctx.t("session.listHint"))</p>
      \(table(app, sessions, ctx))
      """
    return .page(Layout.page(ctx, title: ctx.t("session.list"), body))
  }

  static func manage(_ app: App, _ ctx: inout Context) throws -> HTTPResponse {
    let viewer = try ManageRoutes.viewer(ctx)
    let sessions = try app.academy.liveSessions(
      visibleTo: viewer, from: app.academy.now - 30 * 86_400)
    let modules: [HTML] = app.academy.catalog.modules.map {
      "<label class=\"choice\"><input type=\"checkbox\" name=\"module\" value=\"\($0.slug)\"> \(ManageRoutes.moduleTitle(app, $0.slug, ctx))</label>"
    }
    let cohorts: [HTML] = try app.academy.cohorts(visibleTo: viewer, for: .scheduleSession).map {
      "<label class=\"choice\"><input type=\"checkbox\" name=\"cohort\" value=\"\($0.id)\"> \(HTML.isolated($0.name))</label>"
    }
    let body: HTML = """
      <h1>\(ctx.t("session.list"))</h1>
      <p><a href="/manage">\(ctx.t("manage.back"))</a></p>
      \(table(app, sessions, ctx))
      <h2>\(ctx.t("session.schedule"))</h2>
      <p class="hint">\(ctx.t("session.explain"))</p>
      <form method="post" action="/manage/sessions">\(ctx.csrfField)
      <label for="s-title">\(ctx.t("session.title"))</label><input type="text" id="s-title" name="title" required maxlength="120">
      <label for="s-date">\(ctx.t("session.date"))</label><input type="date" id="s-date" name="date" required>
      <label for="s-time">\(ctx.t("session.time"))</label><input type="time" id="s-time" name="time" required>
      <label for="s-min">\(ctx.t("session.minutes"))</label><input type="number" id="s-min" name="minutes" value="90" min="5" max="1440">
      <label for="s-place">\(ctx.t("session.place"))</label><input type="text" id="s-place" name="place" maxlength="200" aria-describedby="s-where">
      <label for="s-link">\(ctx.t("session.link"))</label><input type="url" id="s-link" name="link" maxlength="500" aria-describedby="s-where">
      <p class="hint" id="s-where">\(ctx.t("session.whereHint"))</p>
      <label for="s-cap">\(ctx.t("session.capacity"))</label><input type="number" id="s-cap" name="capacity" min="1">
      <fieldset><legend>\(ctx.t("session.modules"))</legend>\(modules)</fieldset>
      <fieldset><legend>\(ctx.t("session.cohorts"))</legend>\(cohorts)</fieldset>
      <div class="actions"><button class="primary">\(ctx.t("session.submit"))</button></div>
      </form>
      """
    return .page(Layout.page(ctx, title: ctx.t("session.list"), body))
  }

  static func schedule(_ app: App, _ ctx: inout Context) throws -> HTTPResponse {
    let viewer = try ManageRoutes.viewer(ctx)
    guard let day = Dates.parseDay(ctx.form["date"]), let minute = minutes(ctx.form["time"])
    else { throw AcademyError("manage.dateInvalid") }
    let length = Int(ctx.form["minutes"] ?? "") ?? 90
    let capText = (ctx.form["capacity"] ?? "").trimmingCharacters(in: .whitespaces)
    var capacity: Int?
    if !capText.isEmpty {
      guard let c = Int(capText) else { throw AcademyError("session.capacityInvalid") }
      capacity = c
    }
    let id = try app.academy.scheduleSession(
      LiveSessionDraft(
        // `parseDay` gives the day's last second (for due dates): back to its midnight.
        title: ctx.form["title"] ?? "", startsAt: day - 86_399 + Int64(minute) * 60,
        minutes: length,
        place: ctx.form["place"] ?? "", link: ctx.form["link"] ?? "", capacity: capacity,
        modules: ctx.form.all("module"), cohortIDs: ctx.form.all("cohort")),
      actor: viewer)
    return .redirect(to: "/sessions/\(id)")
  }

  /// "HH:MM" → minutes after midnight.
  static func minutes(_ s: String?) -> Int? {
    guard let s else { return nil }
    let parts = s.split(separator: ":")
    guard parts.count >= 2, let h = Int(parts[0]), let m = Int(parts[1]), (0..<24).contains(h),
      (0..<60).contains(m)
    else { return nil }
    return h * 60 + m
  }

  static func view(_ app: App, _ ctx: inout Context) throws -> HTTPResponse {
    let viewer = try user(ctx)
    let s = try app.academy.liveSession(
      ctx.request.parameters["id"] ?? "", visibleTo: viewer, for: .viewCohort)
    let modules = s.modules.map { ManageRoutes.moduleTitle(app, $0, ctx) }.joined(separator: ", ")
    var facts: [HTML] = [
      "<dt>\(ctx.t("session.start"))</dt><dd>\(when(s, ctx))</dd>",
      "<dt>\(ctx.t("session.modules"))</dt><dd>\(modules)</dd>",
    ]
    if !s.place.isEmpty { facts.append("<dt>\(ctx.t("session.place"))</dt><dd>\(s.place)</dd>") }
    if !s.link.isEmpty {
      facts.append(
        "<dt>\(ctx.t("session.link"))</dt><dd><a href=\"\(s.link)\" rel=\"noopener noreferrer\">\(s.link)</a></dd>"
      )
    }
    if let c = s.capacity {
      facts.append("<dt>\(ctx.t("session.capacity"))</dt><dd>\(c)</dd>")
    }
    var staff: HTML = .empty
    if viewer.role != .learner {
      staff = try SessionAttendance.section(app, ctx, session: s, viewer: viewer)
    }
    let body: HTML = """
      <h1>\(s.title)</h1>
      <dl class="facts">\(facts)</dl>
      <p><a class="btn secondary" href="/sessions/\(s.id)/calendar.ics">\(ctx.t("session.ics"))</a></p>
      \(staff)
      """
    return .page(Layout.page(ctx, title: s.title, body))
  }

  static func calendar(_ app: App, _ ctx: inout Context) throws -> HTTPResponse {
    let viewer = try user(ctx)
    let s = try app.academy.liveSession(
      ctx.request.parameters["id"] ?? "", visibleTo: viewer, for: .viewCohort)
    let modules = s.modules.map { ManageRoutes.moduleTitle(app, $0, ctx) }.joined(separator: ", ")
    var description = ctx.t("session.modules") + ": " + modules
    if !s.link.isEmpty { description += "\n" + s.link }
    return SessionCalendar.response(
      SessionCalendar.ics(s, description: description, host: "relais", now: app.academy.now))
  }
}
