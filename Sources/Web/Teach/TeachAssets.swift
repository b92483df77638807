import HTTPServer

/// The editor's small stylesheet and script, served from this area (the CSP forbids inline
/// style and script). The page works without either.
enum TeachAssets {
  static let stylesheet = """
    main:has(.editor){max-width:80rem}
    .editor{display:grid;gap:1rem;grid-template-columns:1fr}
    @media (min-width:60rem){.editor{grid-template-columns:minmax(0,1fr) 360px}}
    .editor textarea{min-height:28rem;font:0.95rem/1.45 ui-monospace,monospace}
    .phone{width:100%;max-width:360px;border:1px solid #bbb;border-radius:12px;padding:.8rem;overflow-wrap:anywhere;max-height:40rem;overflow-y:auto}
    .tree ul{padding-inline-start:1.2rem}.tree li{margin:.25rem 0}.tree,.problems{overflow-wrap:anywhere}
    .problems{font-family:ui-monospace,monospace;font-size:.9rem;overflow-x:auto}
    .versions{display:grid;gap:1rem;grid-template-columns:1fr}
    @media (min-width:60rem){.versions{grid-template-columns:1fr 1fr}}
    .versions pre{max-height:30rem;white-space:pre-wrap}
    .num{text-align:end}
    dl.stats{display:grid;grid-template-columns:auto 1fr;gap:.2rem 1rem;margin:.5rem 0}
    dl.stats dt{font-weight:600}dl.stats dd{margin:0}
    """

  static let javascript = """
    (function () {
      var form = document.getElementById('editor');
      if (!form) return;
      var source = document.getElementById('source');
      var target = document.getElementById('preview-body');
      var url = form.getAttribute('data-preview');
      var csrf = form.querySelector('input[name=csrf]').value;
      var timer = null, sent = 0;
      function update() {
        var mine = ++sent;
        var body = new URLSearchParams();
        body.set('csrf', csrf);
        body.set('source', source.value);
        fetch(url, {method: 'POST', credentials: 'same-origin',
          headers: {'Content-Type': 'application/x-www-form-urlencoded'}, body: body.toString()})
          .then(function (r) { return r.ok ? r.text() : null; })
          .then(function (html) { if (html !== null && mine === sent) target.innerHTML = html; })
          .catch(function () {});
      }
      source.addEventListener('input', function () {
        clearTimeout(timer);
        timer = setTimeout(update, 300);
      });
    })();
    """

  static func css() -> HTTPResponse {
    var r = HTTPResponse(status: 200, contentType: "text/css; charset=utf-8", body: stylesheet)
    r.headers.set("Cache-Control", "private, max-age=3600")
    return r
  }

  static func script() -> HTTPResponse {
    var r = HTTPResponse(
      status: 200, contentType: "text/javascript; charset=utf-8", body: javascript)
    r.headers.set("Cache-Control", "private, max-age=3600")
    return r
  }
}
