import Academy
import HTTPServer

/// Who came to a live session: one button per invited learner, each its own small form, so
/// a trainer marks the room on a phone with one tap per person and no script (a tap that
/// fails on a bad connection is simply tapped again: marking is idempotent).
enum SessionAttendance {
  static func section(_ app: App, _ ctx: Context, session s: LiveSession, viewer: User) throws
    -> HTML
  {
    var out: HTML = .empty
    if try s.cohortIDs.contains(where: { try app.academy.may(viewer, .markAttendance, .cohort($0)) }
    ) {
      let people = try app.academy.invitees(of: s)
      let present = people.filter(\.present).count
      let items: [HTML] = people.map { p in
        let state: HTML =
          p.present
          ? "<span class=\"status good\">\(ctx.t("session.present"))</span>"
          : "<span class=\"status\">\(ctx.t("session.markPresent"))</span>"
        return """
          <li id="p-\(p.userID)"><form method="post" action="/sessions/\(s.id)/attendance">\(ctx.csrfField)\
          <input type="hidden" name="user" value="\(p.userID)"><input type="hidden" name="present" value="\(p.present ? "0" : "1")">\
          <button class="attendee" aria-pressed="\(p.present ? "true" : "false")">\(HTML.isolated(p.name)) \(state)</button></form></li>
          """
      }
      let capacity = s.capacity.map { " " + ctx.t("session.capacityOf", String($0)) } ?? ""
      out += """
        <h2 id="attendance">\(ctx.t("session.attendance"))</h2>
        <p role="status">\(ctx.t("session.presentCount", String(present), String(people.count)))\(capacity)</p>
        <p class="hint">\(ctx.t("session.attendanceHint"))</p>
        <ul class="attend">\(items)</ul>
        """
    }
    if try s.cohortIDs.contains(where: {
      try app.academy.may(viewer, .scheduleSession, .cohort($0))
    }) {
      let opened: HTML =
        s.quizOpenedAt.map {
          "<p class=\"ok\">\(ctx.t("session.quizOpened", Dates.long($0, ctx.ui)))</p>"
        }
        ?? .empty
      out += """
        <h2>\(ctx.t("session.quiz"))</h2>
        <p class="hint">\(ctx.t("session.quizHint"))</p>\(opened)
        <form method="post" action="/sessions/\(s.id)/quiz">\(ctx.csrfField)
        <label for="q-due">\(ctx.t("manage.due"))</label><input type="date" id="q-due" name="due" required value="\(Dates.day(app.academy.now + 14 * 86_400))">
        <div class="actions"><button class="primary">\(ctx.t("session.quizSubmit"))</button></div>
        </form>
        """
    }
    return out
  }

  static func mark(_ app: App, _ ctx: inout Context) throws -> HTTPResponse {
    let viewer = try SessionPages.user(ctx)
    let id = ctx.request.parameters["id"] ?? ""
    let user = ctx.form["user"] ?? ""
    try app.academy.setAttendance(
      sessionID: id, userID: user, present: ctx.form["present"] != "0", actor: viewer)
    return .redirect(to: "/sessions/\(id)#p-\(ManageRoutes.percentEncode(user))")
  }

  static func openQuiz(_ app: App, _ ctx: inout Context) throws -> HTTPResponse {
    let viewer = try ManageRoutes.viewer(ctx)
    let id = ctx.request.parameters["id"] ?? ""
    guard let due = Dates.parseDay(ctx.form["due"]) else {
      throw AcademyError("manage.dateInvalid")
    }
    try app.academy.openRefresherQuiz(sessionID: id, dueAt: due, actor: viewer)
    return .redirect(to: "/sessions/\(ManageRoutes.percentEncode(id))")
  }
}
