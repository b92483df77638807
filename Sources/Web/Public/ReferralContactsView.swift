import Catalog

/// The organisation's referral contacts at the top of the referrals page
/// (`Curriculum/referral-contacts.txt`), or, while they are not filled in, whom to contact
/// by default. Only what the file holds is shown; links were checked to be https, http,
/// mailto or tel when it was loaded, and every text is escaped.
enum ReferralContactsView {
  static func render(_ contacts: ReferralContacts, _ ctx: Context) -> HTML {
    var out: HTML = "<section class=\"card\" aria-labelledby=\"contacts\">"
    out += "<h2 id=\"contacts\">\(ctx.t("referrals.contacts"))</h2>"
    let filled = contacts.filled
    if !filled.isEmpty {
      out += "<dl>"
      for c in filled { out += entry(c, ctx) }
      out += "</dl>"
      if let date = contacts.lastVerified {
        out += "<p><small>\(ctx.t("referrals.verified", date))</small></p>"
      }
    }
    if !contacts.isComplete {
      // Said plainly, whatever is missing: nobody is left without someone to call.
      let key = filled.isEmpty ? "referrals.unfilled" : "referrals.someUnfilled"
      out += "<p class=\"notice\">\(ctx.t(key))</p>"
    }
    return out + "</section>"
  }

  static func entry(_ c: ReferralContacts.Contact, _ ctx: Context) -> HTML {
    var how: [HTML] = []
    if !c.phone.isEmpty {
      let tel = c.phone.filter { $0.isNumber || $0 == "+" }
      how.append("\(ctx.t("referrals.phone")) <a href=\"tel:\(tel)\">\(c.phone)</a>")
    }
    if let wa = c.whatsappLink {
      how.append("WhatsApp <a href=\"\(wa)\">\(c.whatsapp)</a>")
    }
    if !c.link.isEmpty { how.append("<a href=\"\(c.link)\">\(c.link)</a>") }
    var details: [String] = []
    if !c.hours.isEmpty { details.append(ctx.t("referrals.hours", c.hours)) }
    if !c.languages.isEmpty { details.append(ctx.t("referrals.languages", c.languages)) }
    let more: HTML =
      details.isEmpty ? .empty : "<br><small>\(details.joined(separator: " · "))</small>"
    return """
      <dt>\(ctx.t("referrals.service.\(c.service.rawValue)"))</dt>\
      <dd><strong>\(c.name)</strong><br>\(how.joined(separator: " · "))\(more)</dd>
      """
  }
}
