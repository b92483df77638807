import Academy
import Catalog
import Crypto
import HTTPServer

/// After the training: briefings an influencer receives, "I shared this", and their own
/// activity log. Every route acts on the signed-in person only; a briefing meant for
/// another cohort is not found.
enum BriefingRoutes {
  static func routes(_ app: App) -> [Route] {
    [
      Route("GET", "/briefings", .signedIn) { ctx in try BriefingPage.archive(app, &ctx) },
      Route("GET", "/briefings/:slug", .signedIn) { ctx in try BriefingPage.render(app, &ctx) },
      Route("POST", "/briefings/:slug/shared", .signedIn) { ctx in
        try BriefingPage.shared(app, &ctx)
      },
      Route("GET", BriefingScript.path, .anyone) { ctx in BriefingScript.response(ctx) },
      Route("GET", "/me/activity", .signedIn) { ctx in try ActivityPages.list(app, &ctx) },
      Route("POST", "/me/activity", .signedIn) { ctx in try ActivityPages.create(app, &ctx) },
      Route("GET", "/me/activity/:id", .signedIn) { ctx in try ActivityPages.edit(app, &ctx) },
      Route("POST", "/me/activity/:id", .signedIn) { ctx in try ActivityPages.update(app, &ctx) },
    ]
  }
}

/// The copy button: an enhancement only. Buttons start hidden, so without JavaScript the
/// text and the WhatsApp link are all there is, and both work.
enum BriefingScript {
  static let script = """
    document.querySelectorAll('button[data-copy]').forEach(function (b) {
      var src = document.getElementById(b.getAttribute('data-copy'));
      if (!src) return;
      b.hidden = false;
      b.addEventListener('click', function () {
        var text = src.textContent;
        var done = function () { b.textContent = b.getAttribute('data-done'); };
        if (navigator.clipboard && window.isSecureContext) {
          navigator.clipboard.writeText(text).then(done, function () {});
        } else {
          var r = document.createRange();
          r.selectNodeContents(src);
          var s = window.getSelection();
          s.removeAllRanges();
          s.addRange(r);
          try { if (document.execCommand('copy')) done(); } catch (e) {}
        }
      });
    });
    """
  static let hash = String(Hex.encode(SHA256.hash(script)).prefix(12))
  static let path = "/js/briefing.\(hash).js"

  static func response(_ ctx: Context) -> HTTPResponse {
    let etag = "\"\(hash)\""
    var r = HTTPResponse(status: 200, contentType: "text/javascript; charset=utf-8", body: script)
    r.headers.set("Cache-Control", "public, max-age=31536000, immutable")
    r.headers.set("ETag", etag)
    if ctx.request.headers["If-None-Match"] == etag {
      return HTTPResponse(status: 304, headers: r.headers, body: [])
    }
    return r
  }
}
