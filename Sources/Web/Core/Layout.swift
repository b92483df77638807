import Academy
import Catalog

/// The page shell: language, skip link, header and menu, language switch, footer with the
/// protection-concern link. One stylesheet, no script needed.
enum Layout {
  static func page(_ ctx: Context, title: String, _ body: HTML) -> HTML {
    return """
      <!doctype html>
      <html lang="\(ctx.language.rawValue)" dir="\(ctx.ui.direction)">
      <head>
      <meta charset="utf-8">
      <meta name="viewport" content="width=device-width,initial-scale=1">
      <title>\(title) · \(ctx.t("site.name"))</title>
      <link rel="stylesheet" href="\(Assets.cssPath)">
      <script src="\(OfflineAssets.scriptPath)" defer></script>
      </head>
      <body data-offline="\(OfflineAssets.labels(ctx, OfflineAssets.bodyKeys))">
      <a class="skip" href="#main">\(ctx.t("nav.skip"))</a>
      <header class="top">
      <a class="brand" href="/">\(ctx.t("site.name"))</a>
      \(navigation(ctx))
      \(languageSwitch(ctx))
      </header>
      <main id="main">
      \(body)
      </main>
      <footer>
      <ul>
      <li><a href="/pages/referrals">\(ctx.t("footer.concern"))</a></li>
      <li><a href="/privacy">\(ctx.t("footer.privacy"))</a></li>
      <li><a href="/certificates">\(ctx.t("footer.certificates"))</a></li>
      </ul>
      </footer>
      </body>
      </html>
      """
  }

  static func navigation(_ ctx: Context) -> HTML {
    var items: [HTML] = ["<li><a href=\"/\">\(ctx.t("nav.home"))</a></li>"]
    if let role = ctx.role {
      items.append("<li><a href=\"/me\">\(ctx.t("nav.me"))</a></li>")
      if Access.trainers.allows(role) {
        items.append("<li><a href=\"/teach\">\(ctx.t("nav.teach"))</a></li>")
      }
      if Access.managers.allows(role) {
        items.append("<li><a href=\"/manage\">\(ctx.t("nav.manage"))</a></li>")
      }
      if Access.admins.allows(role) {
        items.append("<li><a href=\"/admin\">\(ctx.t("nav.admin"))</a></li>")
      }
      items.append(
        """
        <li><form method="post" action="/signout" class="lang">\(ctx.csrfField)<button class="linkbtn">\(ctx.t("nav.signout"))</button></form></li>
        """)
    } else {
      items.append("<li><a href=\"/signin\">\(ctx.t("nav.signin"))</a></li>")
    }
    return "<nav aria-label=\"\(ctx.t("nav.main"))\"><ul>\(items)</ul></nav>"
  }

  static func languageSwitch(_ ctx: Context) -> HTML {
    let buttons: [HTML] = ctx.ui.offered.map { l, name in
      "<button name=\"lang\" value=\"\(l.rawValue)\" lang=\"\(l.rawValue)\" aria-label=\"\(name)\" title=\"\(name)\" aria-pressed=\"\(l == ctx.language ? "true" : "false")\">\(l.rawValue.uppercased())</button> "
    }
    return """
      <form method="post" action="/language" class="lang" aria-label="\(ctx.t("lang.switch"))">\(ctx.csrfField)<input type="hidden" name="back" value="\(ctx.request.path)">\(buttons)</form>
      """
  }

  static func error(_ ctx: Context, status: Int, messageKey: String) -> HTML {
    page(
      ctx, title: ctx.t("error.title"),
      """
      <h1>\(ctx.t("error.title"))</h1>
      <p>\(ctx.t(messageKey))</p>
      <p><a href="/">\(ctx.t("error.back"))</a></p>
      """)
  }

  /// A progress bar with its text equivalent.
  static func progress(_ fraction: Double, label: String) -> HTML {
    let pct = Int((fraction * 100).rounded())
    return "<progress max=\"100\" value=\"\(pct)\" aria-label=\"\(label)\">\(pct)%</progress>"
  }
}
