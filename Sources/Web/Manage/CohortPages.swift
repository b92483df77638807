import Academy
import Catalog
import HTTPServer

/// Cohorts: the list with a form to create one, and a cohort's page (members, overdue,
/// assignments, refresher session, invitations, staff).
enum CohortPages {
  static func list(_ app: App, _ ctx: inout Context) throws -> HTTPResponse {
    let viewer = try ManageRoutes.viewer(ctx)
    let rows: [HTML] = try app.academy.cohorts(visibleTo: viewer).map {
      "<tr><th scope=\"row\"><a href=\"/manage/cohorts/\($0.id)\">\($0.name)</a></th><td>\($0.learnerCount)</td><td>\(Dates.day($0.createdAt))</td></tr>"
    }
    let body: HTML = """
      <h1>\(ctx.t("manage.cohorts.title"))</h1>
      <p><a href="/manage">\(ctx.t("manage.back"))</a></p>
      \(rows.isEmpty ? HTML("<p>\(ctx.t("manage.cohorts.none"))</p>") : HTML("""
        <div class="scroll" role="region" tabindex="0" aria-label="\(ctx.t("manage.cohorts.title"))"><table><thead><tr><th scope="col">\(ctx.t("manage.cohort.name"))</th><th scope="col">\(ctx.t("manage.groups.learners"))</th>\
        <th scope="col">\(ctx.t("manage.cohort.created"))</th></tr></thead><tbody>\(rows)</tbody></table></div>
        """))
      <h2>\(ctx.t("manage.cohorts.create"))</h2>
      <form method="post" action="/manage/cohorts">\(ctx.csrfField)
      <label for="name">\(ctx.t("manage.cohort.name"))</label>
      <input type="text" id="name" name="name" maxlength="120" required aria-describedby="name-hint">
      <p class="hint" id="name-hint">\(ctx.t("manage.cohort.nameHint"))</p>
      <div class="actions"><button class="primary">\(ctx.t("manage.cohorts.create"))</button></div>
      </form>
      """
    return .page(Layout.page(ctx, title: ctx.t("manage.cohorts.title"), body))
  }

  static func create(_ app: App, _ ctx: inout Context) throws -> HTTPResponse {
    let cohort = try app.academy.createCohort(
      name: ctx.form["name"] ?? "", actor: try ManageRoutes.viewer(ctx))
    return .redirect(to: "/manage/cohorts/\(cohort.id)")
  }

  /// The cohort of the URL, if the viewer may do `action` on it.
  static func cohort(_ app: App, _ ctx: Context, for action: Action = .manageCohort) throws
    -> Cohort
  {
    try app.academy.cohort(
      ctx.request.parameters["id"] ?? "", visibleTo: try ManageRoutes.viewer(ctx), for: action)
  }

  static func view(_ app: App, _ ctx: inout Context) throws -> HTTPResponse {
    let viewer = try ManageRoutes.viewer(ctx)
    let k = try cohort(app, ctx, for: .viewCohort)
    let members = try app.academy.members(cohortID: k.id)
    let learners = members.filter { $0.role == .learner }
    let staff = members.filter { $0.role != .learner }
    let learnerRows: [HTML] = learners.map {
      "<li><a href=\"/manage/learners/\($0.id)\">\($0.erased ? HTML(trusted: HTML.escape(ctx.t("manage.erasedName"))) : HTML.isolated($0.displayName))</a></li>"
    }
    let staffRows: [HTML] = staff.map {
      "<li>\(HTML.isolated($0.displayName)) (\(ctx.t("role.\($0.role.rawValue)")))</li>"
    }
    let overdue: [HTML] = try app.academy.overdue(cohortID: k.id).map {
      """
      <tr><th scope="row"><a href="/manage/learners/\($0.userID)">\(HTML.isolated($0.name))</a></th><td>\(ManageRoutes.moduleTitle(app, $0.module, ctx))</td>\
      <td>\(ctx.t("manage.kind.\($0.kind.rawValue)"))</td><td>\(Dates.day($0.dueAt))</td></tr>
      """
    }
    let assignments: [HTML] = try app.academy.assignments(cohortID: k.id).map {
      """
      <tr><td>\($0.learnerName ?? ctx.t("manage.assign.wholeCohort"))</td><td>\(ManageRoutes.moduleTitle(app, $0.module, ctx))</td>\
      <td>\(ctx.t("manage.kind.\($0.kind.rawValue))"))</td><td>\($0.dueAt.map(Dates.day) ?? "–")</td></tr>
      """
    }
    let body: HTML = """
      <h1>\(k.name)</h1>
      <p><a href="/manage/cohorts">\(ctx.t("manage.cohorts.title"))</a> · <a href="/manage?cohort=\(k.id)">\(ctx.t("manage.cohort.dashboard"))</a></p>
      <h2>\(ctx.t("manage.cohort.overdue"))</h2>
      \(overdue.isEmpty ? HTML("<p>\(ctx.t("manage.cohort.noOverdue"))</p>") : HTML("""
        <div class="scroll" role="region" tabindex="0" aria-label="\(ctx.t("manage.cohort.overdue"))"><table><thead><tr><th scope="col">\(ctx.t("manage.matrix.learner"))</th><th scope="col">\(ctx.t("manage.module"))</th>\
        <th scope="col">\(ctx.t("manage.kind"))</th><th scope="col">\(ctx.t("manage.due"))</th></tr></thead><tbody>\(overdue)</tbody></table></div>
        """))
      <h2>\(ctx.t("manage.cohort.learners", String(learners.count)))</h2>
      \(learnerRows.isEmpty ? HTML("<p>\(ctx.t("manage.cohort.noLearners"))</p>") : HTML("<ul>\(learnerRows)</ul>"))
      \(InvitePages.form(ctx, cohortID: k.id))
      <h2>\(ctx.t("manage.assign.title"))</h2>
      \(assignments.isEmpty ? HTML.empty : HTML("""
        <div class="scroll" role="region" tabindex="0" aria-label="\(ctx.t("manage.assign.title"))"><table><thead><tr><th scope="col">\(ctx.t("manage.assign.who"))</th><th scope="col">\(ctx.t("manage.module"))</th>\
        <th scope="col">\(ctx.t("manage.kind"))</th><th scope="col">\(ctx.t("manage.due"))</th></tr></thead><tbody>\(assignments)</tbody></table></div>
        """))
      \(assignForm(app, ctx, cohortID: k.id, learners: learners))
      \(RefresherPages.form(app, ctx, cohortID: k.id))
      \(try SessionPages.cohortSection(app, ctx, viewer: viewer, cohortID: k.id))
      <h2>\(ctx.t("manage.cohort.staff"))</h2>
      \(staffRows.isEmpty ? HTML("<p>\(ctx.t("manage.cohort.noStaff"))</p>") : HTML("<ul>\(staffRows)</ul>"))
      \(try app.academy.may(viewer, .assignStaff, .cohort(k.id)) ? try attachForm(app, ctx, cohortID: k.id) : .empty)
      """
    return .page(Layout.page(ctx, title: k.name, body))
  }

  static func moduleOptions(_ app: App, _ ctx: Context) -> [HTML] {
    app.academy.catalog.modules.map {
      "<option value=\"\($0.slug)\">\(ManageRoutes.moduleTitle(app, $0.slug, ctx))</option>"
    }
  }

  static func assignForm(_ app: App, _ ctx: Context, cohortID: String, learners: [User]) -> HTML {
    var who: [HTML] = ["<option value=\"\">\(ctx.t("manage.assign.wholeCohort"))</option>"]
    for l in learners where !l.erased {
      who.append("<option value=\"\(l.id)\">\(HTML.isolate(l.displayName))</option>")
    }
    return """
      <form method="post" action="/manage/cohorts/\(cohortID)/assignments">\(ctx.csrfField)
      <label for="a-module">\(ctx.t("manage.module"))</label><select id="a-module" name="module">\(moduleOptions(app, ctx))</select>
      <label for="a-who">\(ctx.t("manage.assign.who"))</label><select id="a-who" name="user">\(who)</select>
      <label for="a-due">\(ctx.t("manage.due"))</label><input type="date" id="a-due" name="due" required>
      <div class="actions"><button class="primary">\(ctx.t("manage.assign.submit"))</button></div>
      </form>
      """
  }

  static func assign(_ app: App, _ ctx: inout Context) throws -> HTTPResponse {
    let k = try cohort(app, ctx)
    guard let due = Dates.parseDay(ctx.form["due"]) else {
      throw AcademyError("manage.dateInvalid")
    }
    let user = ctx.form["user"].flatMap { $0.isEmpty ? nil : $0 }
    try app.academy.assign(
      module: ctx.form["module"] ?? "", cohortID: k.id, userID: user, dueAt: due,
      actor: try ManageRoutes.viewer(ctx))
    return .redirect(to: "/manage/cohorts/\(k.id)")
  }

  static func attachForm(_ app: App, _ ctx: Context, cohortID: String) throws -> HTML {
    let options: [HTML] = try app.academy.staff().map {
      "<option value=\"\($0.id)\">\(HTML.isolate($0.displayName)) (\(ctx.t("role.\($0.role.rawValue)")))</option>"
    }
    guard !options.isEmpty else { return "<p>\(ctx.t("manage.cohort.noStaffAccounts"))</p>" }
    return """
      <form method="post" action="/manage/cohorts/\(cohortID)/staff">\(ctx.csrfField)
      <label for="s-user">\(ctx.t("manage.cohort.attach"))</label><select id="s-user" name="user">\(options)</select>
      <div class="actions"><button class="secondary">\(ctx.t("manage.cohort.attachSubmit"))</button></div>
      </form>
      """
  }

  static func attach(_ app: App, _ ctx: inout Context) throws -> HTTPResponse {
    let k = try cohort(app, ctx, for: .assignStaff)
    try app.academy.attachStaff(
      cohortID: k.id, userID: ctx.form["user"] ?? "", actor: try ManageRoutes.viewer(ctx))
    return .redirect(to: "/manage/cohorts/\(k.id)")
  }
}
