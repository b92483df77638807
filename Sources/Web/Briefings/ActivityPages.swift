import Academy
import Catalog
import HTTPServer

/// `/me/activity`: log a post or live session in under a minute on a phone (one short form,
/// today preselected, number keyboards), see what was logged, correct it for a week.
enum ActivityPages {
  /// The count fields, in the order of the form.
  static let counts: [(field: String, key: String)] = [
    ("reach", "activity.reach"), ("reactions", "activity.reactions"),
    ("comments", "activity.comments"), ("shares", "activity.shares"),
    ("questions", "activity.questions"), ("referrals", "activity.referrals"),
  ]

  static func list(
    _ app: App, _ ctx: inout Context, error: String? = nil, status: Int = 200
  ) throws -> HTTPResponse {
    guard let u = ctx.user else { throw AcademyError.forbidden }
    let now = app.academy.now
    var body: HTML = "<h1>\(ctx.t("activity.title"))</h1><p>\(ctx.t("activity.intro"))</p>"
    if ctx.query("saved") != nil {
      body += "<p class=\"ok\" role=\"status\">\(ctx.t("activity.saved"))</p>"
    }
    if let error { body += "<p class=\"bad\" role=\"alert\">\(error)</p>" }
    body += "<h2>\(ctx.t("activity.new"))</h2>"
    body += form(
      app, ctx, action: "/me/activity", entry: nil,
      topic: ctx.form["topic"] ?? ctx.query("topic"), now: now)
    body += "<h2>\(ctx.t("activity.list"))</h2>"
    let entries = try app.academy.activities(userID: u.id)
    if entries.isEmpty { body += "<p>\(ctx.t("activity.none"))</p>" }
    for e in entries { body += entryCard(app, e, now: now, ctx) }
    return .page(Layout.page(ctx, title: ctx.t("activity.title"), body), status: status)
  }

  static func entryCard(_ app: App, _ e: ActivityEntry, now: Int64, _ ctx: Context) -> HTML {
    let i = e.input
    let numbers: [HTML] = counts.map { c in
      "<li>\(ctx.t(c.key)): \(value(i, c.field))</li>"
    }
    let edit: HTML =
      e.editable(at: now)
      ? "<p><a href=\"/me/activity/\(e.id)\">\(ctx.t("activity.edit"))</a> <span class=\"hint\">\(ctx.t("activity.editableUntil", Dates.long(e.createdAt + ActivityEntry.editableSeconds, ctx.ui)))</span></p>"
      : .empty
    let link: HTML = i.link.map { "<p dir=\"ltr\" class=\"meta\">\($0)</p>" } ?? .empty
    return """
      <div class="card"><h3>\(Dates.long(i.day, ctx.ui)) · \(ctx.t("activity.kind.\(i.kind.rawValue)")) · \(ctx.t("platform.\(i.platform.rawValue)"))</h3>
      <p class="meta">\(topicTitle(app, i.topic, ctx))</p>\(link)
      <ul>\(numbers)</ul>\(edit)</div>
      """
  }

  static func value(_ i: ActivityInput, _ field: String) -> Int {
    switch field {
    case "reach": return i.reach
    case "reactions": return i.reactions
    case "comments": return i.comments
    case "shares": return i.shares
    case "questions": return i.questions
    default: return i.referrals
    }
  }

  static func topicTitle(_ app: App, _ t: Topic, _ ctx: Context) -> String {
    let catalog = app.academy.catalog
    switch t {
    case .module(let m): return catalog.module(m)?.text[ctx.language]?.title ?? m
    case .briefing(let b): return catalog.briefing(b)?.text[ctx.language]?.title ?? b
    case .other: return ctx.t("activity.topic.other")
    }
  }

  /// The form, filled from `entry`, or from what was just typed (after an error).
  static func form(
    _ app: App, _ ctx: Context, action: String, entry: ActivityEntry?, topic: String?, now: Int64
  ) -> HTML {
    let typed = ctx.request.method == "POST"
    func field(_ name: String, _ stored: String) -> String {
      typed ? (ctx.form[name] ?? "") : stored
    }
    let day = field("day", Dates.day(entry?.input.day ?? now))
    let kind = field("kind", entry?.input.kind.rawValue ?? "post")
    let platform = field("platform", entry?.input.platform.rawValue ?? "")
    let chosenTopic =
      typed ? (ctx.form["topic"] ?? "") : (entry?.input.topic.rawValue ?? topic ?? "")
    let kinds: [HTML] = ActivityInput.Kind.allCases.map { k in
      """
      <label class="choice"><input type="radio" name="kind" value="\(k.rawValue)"\(HTML(trusted: kind == k.rawValue ? " checked" : ""))> \(ctx.t("activity.kind.\(k.rawValue)"))</label>
      """
    }
    let platforms: [HTML] = Platform.allCases.map { p in
      "<option value=\"\(p.rawValue)\"\(HTML(trusted: platform == p.rawValue ? " selected" : ""))>\(ctx.t("platform.\(p.rawValue)"))</option>"
    }
    func option(_ value: String, _ label: String) -> HTML {
      "<option value=\"\(value)\"\(HTML(trusted: chosenTopic == value ? " selected" : ""))>\(label)</option>"
    }
    let catalog = app.academy.catalog
    let briefings: [HTML] = catalog.briefings.filter {
      $0.current(at: now) || chosenTopic == "briefing:\($0.slug)"
    }.map { option("briefing:\($0.slug)", $0.text[ctx.language]?.title ?? $0.slug) }
    let modules: [HTML] = catalog.modules.map {
      option("module:\($0.slug)", $0.text[ctx.language]?.title ?? $0.slug)
    }
    let numbers: [HTML] = counts.map { c in
      let stored = entry.map { String(value($0.input, c.field)) } ?? ""
      let hint: HTML =
        c.field == "referrals"
        ? "<span class=\"hint\" id=\"referrals-hint\">\(ctx.t("activity.referralsHint"))</span>"
        : .empty
      let described: HTML =
        c.field == "referrals" ? " aria-describedby=\"referrals-hint\"" : .empty
      return """
        <label for="\(c.field)">\(ctx.t(c.key))</label>\(hint)
        <input type="number" id="\(c.field)" name="\(c.field)" min="0" max="\(ActivityInput.maxCount)" step="1" inputmode="numeric" value="\(field(c.field, stored))"\(described)>
        """
    }
    return """
      <form method="post" action="\(action)" class="card">\(ctx.csrfField)
      <label for="day">\(ctx.t("activity.day"))</label>
      <input type="date" id="day" name="day" required value="\(day)">
      <fieldset><legend>\(ctx.t("activity.kind"))</legend>\(kinds)</fieldset>
      <label for="platform-a">\(ctx.t("activity.platform"))</label>
      <select id="platform-a" name="platform" required>\(platforms)</select>
      <label for="topic">\(ctx.t("activity.topic"))</label>
      <select id="topic" name="topic" required>
      <optgroup label="\(ctx.t("activity.topic.briefings"))">\(briefings)</optgroup>
      <optgroup label="\(ctx.t("activity.topic.modules"))">\(modules)</optgroup>
      \(option("other", ctx.t("activity.topic.other")))
      </select>
      <label for="link-a">\(ctx.t("activity.link"))</label>
      <input type="url" id="link-a" name="link" maxlength="\(PostLink.maxLength)" inputmode="url" dir="ltr" value="\(field("link", entry?.input.link ?? ""))">
      <p class="hint">\(ctx.t("activity.numbersHint"))</p>
      \(numbers)
      <p><button class="primary">\(ctx.t("activity.save"))</button></p>
      </form>
      """
  }

  /// The form's values, or the message saying which one is wrong. Numbers go through the
  /// one number parser: whole, non-negative, bounded; an empty box is 0.
  static func input(_ ctx: Context) -> Result<ActivityInput, Message> {
    guard let end = Dates.parseDay(ctx.form["day"]) else {
      return .failure(Message(ctx.t("activity.dayInvalid")))
    }
    guard let kind = ActivityInput.Kind(rawValue: ctx.form["kind"] ?? "") else {
      return .failure(Message(ctx.t("error.badRequest")))
    }
    guard let platform = Platform(rawValue: ctx.form["platform"] ?? "") else {
      return .failure(Message(ctx.t("outreach.platformInvalid")))
    }
    guard let topic = Topic(ctx.form["topic"] ?? "") else {
      return .failure(Message(ctx.t("activity.topicInvalid")))
    }
    var i = ActivityInput(
      day: end - 86_399, kind: kind, platform: platform, topic: topic, link: ctx.form["link"])
    for c in counts {
      let raw = (ctx.form[c.field] ?? "").trimmingCharacters(in: .whitespaces)
      guard let n = raw.isEmpty ? 0 : Numbers.integer(raw, in: 0...ActivityInput.maxCount) else {
        return .failure(Message(ctx.t("activity.countField", ctx.t(c.key))))
      }
      switch c.field {
      case "reach": i.reach = n
      case "reactions": i.reactions = n
      case "comments": i.comments = n
      case "shares": i.shares = n
      case "questions": i.questions = n
      default: i.referrals = n
      }
    }
    return .success(i)
  }

  struct Message: Error {
    var text: String
    init(_ text: String) { self.text = text }
  }

  static func create(_ app: App, _ ctx: inout Context) throws -> HTTPResponse {
    guard let u = ctx.user else { throw AcademyError.forbidden }
    switch input(ctx) {
    case .failure(let m): return try list(app, &ctx, error: m.text, status: 400)
    case .success(let i):
      do {
        try app.academy.logActivity(actor: u, i)
      } catch let e as AcademyError where e != .notFound && e != .forbidden {
        return try list(app, &ctx, error: ctx.t(e.key), status: 400)
      }
    }
    return .redirect(to: "/me/activity?saved=1")
  }

  static func edit(
    _ app: App, _ ctx: inout Context, error: String? = nil, status: Int = 200
  ) throws -> HTTPResponse {
    guard let u = ctx.user, let id = ctx.request.parameters["id"] else {
      throw AcademyError.notFound
    }
    let entry = try app.academy.activity(actor: u, id: id)
    let now = app.academy.now
    var body: HTML = "<h1>\(ctx.t("activity.editTitle"))</h1>"
    if let error { body += "<p class=\"bad\" role=\"alert\">\(error)</p>" }
    if entry.editable(at: now) {
      body += form(app, ctx, action: "/me/activity/\(id)", entry: entry, topic: nil, now: now)
    } else {
      body += "<p class=\"notice\">\(ctx.t("activity.locked"))</p>"
      body += entryCard(app, entry, now: now, ctx)
    }
    body += "<p><a href=\"/me/activity\">\(ctx.t("activity.title"))</a></p>"
    return .page(Layout.page(ctx, title: ctx.t("activity.editTitle"), body), status: status)
  }

  static func update(_ app: App, _ ctx: inout Context) throws -> HTTPResponse {
    guard let u = ctx.user, let id = ctx.request.parameters["id"] else {
      throw AcademyError.notFound
    }
    switch input(ctx) {
    case .failure(let m):
      _ = try app.academy.activity(actor: u, id: id)  // someone else's: 404/403 first
      return try edit(app, &ctx, error: m.text, status: 400)
    case .success(let i):
      do {
        try app.academy.updateActivity(actor: u, id: id, i)
      } catch let e as AcademyError where e != .notFound && e != .forbidden {
        return try edit(app, &ctx, error: ctx.t(e.key), status: 400)
      }
    }
    return .redirect(to: "/me/activity?saved=1")
  }
}
