import Academy
import Catalog
import HTTPServer

/// What "My data" shows and exports of the after-training records: briefings opened and
/// shared, and the activity log.
enum MeOutreach {
  static func section(_ app: App, _ d: MyData, _ ctx: Context) -> HTML {
    let catalog = app.academy.catalog
    func title(_ slug: String) -> String {
      catalog.briefing(slug)?.text[ctx.language]?.title ?? slug
    }
    var out: HTML = "<h2 id=\"briefings\">\(ctx.t("me.briefings"))</h2>"
    if d.briefingReads.isEmpty && d.briefingShares.isEmpty {
      out += "<p>\(ctx.t("me.nothing"))</p>"
    } else {
      let reads: [HTML] = d.briefingReads.map {
        "<li>\(title($0.briefing)) · \(ctx.t("me.briefingsRead")) \(Dates.long($0.at, ctx.ui))</li>"
      }
      let shares: [HTML] = d.briefingShares.map { s in
        let link: HTML = s.link.map { " · <span dir=\"ltr\">\($0)</span>" } ?? .empty
        return
          "<li>\(title(s.briefing)) · \(ctx.t("platform.\(s.platform)")) · \(Dates.long(s.at, ctx.ui))\(link)</li>"
      }
      out += "<ul>\(reads)</ul>"
      if !shares.isEmpty { out += "<h3>\(ctx.t("me.shares"))</h3><ul>\(shares)</ul>" }
    }
    out += "<h2 id=\"activity\">\(ctx.t("me.activity"))</h2>"
    if d.activities.isEmpty {
      out += "<p>\(ctx.t("me.nothing"))</p>"
    } else {
      let now = app.academy.now
      for e in d.activities { out += ActivityPages.entryCard(app, e, now: now, ctx) }
    }
    out += "<p><a href=\"/me/activity\">\(ctx.t("activity.title"))</a></p>"
    return out
  }

  /// `briefingsRead` (`briefing`, `at`), `briefingShares` (`briefing`, `platform`, `link`,
  /// `at`), `activity` (`id`, `day`, `kind`, `platform`, `topic`, `link`, the six counts,
  /// `createdAt`, `updatedAt`).
  static func export(_ d: MyData) -> [String: Any] {
    [
      "briefingsRead": d.briefingReads.map {
        ["briefing": $0.briefing, "at": Dates.instant($0.at)] as [String: Any]
      },
      "briefingShares": d.briefingShares.map {
        [
          "briefing": $0.briefing, "platform": $0.platform, "link": MeExport.value($0.link),
          "at": Dates.instant($0.at),
        ] as [String: Any]
      },
      "activity": d.activities.map { e in
        let i = e.input
        return [
          "id": e.id, "day": Dates.day(i.day), "kind": i.kind.rawValue,
          "platform": i.platform.rawValue, "topic": i.topic.rawValue,
          "link": MeExport.value(i.link), "reach": i.reach, "reactions": i.reactions,
          "comments": i.comments, "shares": i.shares, "questions": i.questions,
          "protectionReferrals": i.referrals, "createdAt": Dates.instant(e.createdAt),
          "updatedAt": Dates.instant(e.updatedAt),
        ] as [String: Any]
      },
    ]
  }
}
