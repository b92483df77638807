import Academy
import Catalog
import Foundation
import HTTPServer

/// `/me/export.json`: everything Relais stores about the signed-in person, and nothing
/// about anyone else. Times are ISO 8601 in UTC; absent values are `null`.
///
/// Fields (format `relais-my-data/1`):
/// - `format`, `exportedAt`
/// - `profile`: `id`, `role`, `displayName`, `locale`, `ageBand`, `gender`, `disability`
///   (the optional self-declared details), `signInName`, `hasPassphrase` (the passphrase
///   itself is stored only as a PBKDF2 hash and never exported), `consentAt`, `createdAt`,
///   `lastSeenAt`
/// - `badgeRecipient`: the URL the Open Badges recipient hashes are made from (to claim a
///   badge in a wallet)
/// - `cohorts`: names of the groups the person belongs to
/// - `assignments`: `module`, `kind`, `dueAt`
/// - `progress`: per module `module`, `title`, `lessonsRead` (slugs), `lessonCount`,
///   `preTestDone`, `bestScore` (0–1), `passed`
/// - `lessonViews`: `module`, `lesson`, `openedAt`, `readAt`
/// - `attempts`: `id`, `url`, `module`, `kind`, `language`, `startedAt`, `submittedAt`,
///   `score` (0–1), `scorePercent`, `passed`, `answers` (`question`, `position`, `response`,
///   `fraction`)
/// - `certificates`: `code`, `url`, `module`, `issuedAt`, `expiresAt`, `status`,
///   `revokedAt`, `revokedReason`, `history` (`at`, `event`, `expiresAt`)
/// - `acknowledgements`: `document`, `version`, `name`, `at`
/// - `sessions`: `count`, `list` (`createdAt`, `expiresAt`; tokens are never stored)
/// - `deletionRequest`: `requestedAt`, `dueAt`, `state`, `decidedAt`, `reason` (why it was
///   declined), or `null`
/// - `events`: the audit log's entries by or about the person (`at`, `action`)
/// - `liveSessionsAttended`: live refresher sessions they were marked present at (`id`,
///   `title`, `startsAt`, `endsAt`, `modules`)
/// - `briefingsRead`, `briefingShares`, `activity`: see `MeOutreach.export`
enum MeExport {
  static func json(_ app: App, _ ctx: inout Context) throws -> HTTPResponse {
    guard let u = ctx.user else { throw AcademyError.forbidden }
    let d = try app.academy.myData(userID: u.id)
    let attended = try app.academy.attendance(userID: u.id)
    let data = try JSONSerialization.data(
      withJSONObject: document(d, app: app, request: ctx.request, attended: attended).merging(
        MeOutreach.export(d)
      ) { a, _ in a },
      options: [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes])
    var r = HTTPResponse(status: 200, headers: HTTPHeaders(), body: Array(data))
    r.headers.set("Content-Type", "application/json; charset=utf-8")
    r.headers.set("Content-Disposition", "attachment; filename=\"relais-my-data.json\"")
    r.headers.set("Cache-Control", "no-store")
    return r
  }

  static func time(_ t: Int64?) -> Any { t.map(Dates.instant) ?? NSNull() }
  static func value(_ v: Any?) -> Any { v ?? NSNull() }

  static func document(
    _ d: MyData, app: App, request: HTTPRequest, attended: [LiveSession] = []
  ) -> [String: Any] {
    let u = d.user
    let now = app.academy.now
    let base = OpenBadges.base(app, request)
    return [
      "format": "relais-my-data/1",
      "exportedAt": Dates.instant(now),
      "profile": [
        "id": u.id, "role": u.role.rawValue, "displayName": u.displayName,
        "locale": u.locale.rawValue,
        "ageBand": value(u.ageBand), "gender": value(u.gender), "disability": value(u.disability),
        "signInName": value(d.handle), "hasPassphrase": u.hasPassphrase,
        "consentAt": time(u.consentAt),
        "createdAt": time(u.createdAt), "lastSeenAt": time(d.lastSeenAt),
      ] as [String: Any],
      "badgeRecipient": OpenBadges.recipientURL(userID: u.id, base: base),
      "cohorts": d.cohorts,
      "assignments": d.assignments.map {
        ["module": $0.module, "kind": $0.kind, "dueAt": time($0.dueAt)] as [String: Any]
      },
      "progress": d.progress.map { p in
        [
          "module": p.module,
          "title": value(app.academy.catalog.module(p.module)?.text.resolve(u.locale)?.value.title),
          "lessonsRead": p.lessonsRead.sorted(), "lessonCount": p.lessonCount,
          "preTestDone": p.preTestDone,
          "bestScore": value(p.bestScore), "passed": p.passed,
        ] as [String: Any]
      },
      "lessonViews": d.lessonViews.map {
        [
          "module": $0.module, "lesson": $0.lesson, "openedAt": time($0.openedAt),
          "readAt": time($0.readAt),
        ] as [String: Any]
      },
      "attempts": d.attempts.map { a in
        [
          "id": a.id, "url": "\(base)/attempts/\(a.id)", "module": a.module, "kind": a.kind,
          "language": a.language,
          "startedAt": time(a.startedAt), "submittedAt": time(a.submittedAt),
          "score": value(a.score),
          "scorePercent": value(a.submittedAt == nil ? nil : Int(((a.score ?? 0) * 100).rounded())),
          "passed": value(a.passed),
          "answers": a.answers.map { x in
            [
              "question": x.questionID, "position": x.position, "fraction": value(x.fraction),
              "response":
                (try? JSONSerialization.jsonObject(
                  with: Data(x.response.utf8), options: [.fragmentsAllowed])) ?? x.response,
            ] as [String: Any]
          },
        ] as [String: Any]
      },
      "certificates": d.certificates.map { c in
        [
          "code": c.code, "url": "\(base)/certificates/\(c.code)", "module": c.module,
          "issuedAt": time(c.issuedAt),
          "expiresAt": time(c.expiresAt), "status": c.status(at: now).rawValue,
          "revokedAt": time(c.revokedAt),
          "revokedReason": value(c.revokedReason),
          "history": (d.certificateEvents[c.code] ?? []).map {
            ["at": time($0.at), "event": $0.event, "expiresAt": time($0.expiresAt)] as [String: Any]
          },
        ] as [String: Any]
      },
      "acknowledgements": d.acknowledgements.map {
        ["document": $0.document, "version": $0.version, "name": $0.name, "at": time($0.at)]
          as [String: Any]
      },
      "sessions": [
        "count": d.sessions.count,
        "list": d.sessions.map {
          ["createdAt": time($0.createdAt), "expiresAt": time($0.expiresAt)]
        },
      ] as [String: Any],
      "deletionRequest": d.deletionRequest.map {
        [
          "requestedAt": time($0.requestedAt), "dueAt": time($0.dueAt),
          "state": $0.state.rawValue, "decidedAt": time($0.decidedAt),
          "reason": $0.reason ?? NSNull(),
        ] as [String: Any]
      } ?? NSNull(),
      "events": d.events.map { ["at": time($0.at), "action": $0.action] as [String: Any] },
      "liveSessionsAttended": attended.map {
        [
          "id": $0.id, "title": $0.title, "startsAt": time($0.startsAt), "endsAt": time($0.endsAt),
          "modules": $0.modules,
        ] as [String: Any]
      },
    ]
  }
}
