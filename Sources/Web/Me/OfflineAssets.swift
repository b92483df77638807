import Catalog
import Crypto
import Foundation

/// Offline reading, as a progressive enhancement: every page works without it.
///
/// - `/sw.js`, the service worker: keeps the stylesheet, this script and the offline pages;
///   saves each lesson (and module page) the learner opens, network first; when the network
///   is gone it serves the saved copy, or the offline page listing what is saved. Quiz and
///   result pages are never saved: they need the server, and the offline page says so.
/// - `offline.js` (fingerprinted, loaded on every page with `defer`): registers the worker,
///   adds "Make this module available offline" to module pages (only when it can work, so
///   nobody sees a dead button), lists the saved lessons on the offline page, and forgets
///   saved pages when the person signs out. Each page tells the worker its language, so the
///   offline page (precached once per language) speaks the language of the last page shown.
enum OfflineAssets {
  /// Saved pages (they may show the learner's progress) live in one cache, dropped at sign-out.
  static let pagesCache = "relais-pages"

  /// The labels the script shows come from the page (`data-labels` on the module page's
  /// lesson list, in the page's language), so the script stays one file for every language.
  static let labelKeys = ["save", "saving", "saved", "failed", "retry"]

  static func labels(_ ctx: Context) -> String {
    labelKeys.map { ctx.t("offline.\($0)").replacingOccurrences(of: "|", with: "/") }
      .joined(separator: "|")
  }

  static let script = """
    (function () {
      'use strict';
      if (!('serviceWorker' in navigator) || !window.caches || !window.fetch) return;
      var PAGES = '\(pagesCache)';
      navigator.serviceWorker.register('/sw.js', { scope: '/' }).catch(function () {});
      // The worker can't read the language cookie: tell it, so its offline page speaks it.
      navigator.serviceWorker.ready.then(function (reg) {
        if (reg.active) reg.active.postMessage({ lang: document.documentElement.lang });
      });

      // Signing out forgets the saved pages: they may show this person's progress.
      document.querySelectorAll('form[action="/signout"], form[action="/signout/everywhere"]').forEach(function (f) {
        f.addEventListener('submit', function () { caches.delete(PAGES); });
      });

      function lessonPath(p) { return /^\\/modules\\/[^\\/]+\\/[^\\/]+$/.test(p) && !/\\/quiz$/.test(p); }

      // A module page: offer to save all its lessons at once.
      var list = document.querySelector('ol.lessons');
      if (list && /^\\/modules\\/[^\\/]+$/.test(location.pathname)) {
        var words = (list.getAttribute('data-labels') || '').split('|');
        var t = { save: words[0] || 'Save', saving: words[1] || '…', saved: words[2] || '✓',
          failed: words[3] || '!', retry: words[4] || '↻' };
        var box = document.createElement('div');
        box.className = 'actions';
        var button = document.createElement('button');
        button.type = 'button';
        button.className = 'secondary';
        button.textContent = t.save;
        var status = document.createElement('p');
        status.setAttribute('role', 'status');
        box.appendChild(button);
        list.parentNode.insertBefore(box, list.nextSibling);
        box.parentNode.insertBefore(status, box.nextSibling);
        button.addEventListener('click', function () {
          var urls = [location.pathname];
          list.querySelectorAll('a[href]').forEach(function (a) {
            var u = new URL(a.href, location.href);
            if (u.origin === location.origin && lessonPath(u.pathname)) urls.push(u.pathname);
          });
          button.disabled = true;
          status.textContent = t.saving;
          caches.open(PAGES).then(function (cache) {
            return Promise.all(urls.map(function (u) {
              return fetch(u, { credentials: 'same-origin' }).then(function (r) {
                if (!r.ok) throw new Error(u);
                return cache.put(u, r);
              });
            }));
          }).then(function () {
            status.textContent = t.saved;
          }).catch(function () {
            status.textContent = t.failed;
            button.textContent = t.retry;
            button.disabled = false;
          });
        });
      }

      // The offline page: list the lessons saved on this device.
      var saved = document.getElementById('offline-lessons');
      if (saved) {
        caches.open(PAGES).then(function (cache) {
          return cache.keys().then(function (requests) {
            var lessons = requests.map(function (r) { return new URL(r.url).pathname; }).filter(lessonPath).sort();
            return Promise.all(lessons.map(function (p) {
              return cache.match(p).then(function (r) { return r.text(); }).then(function (html) {
                var doc = new DOMParser().parseFromString(html, 'text/html');
                var h1 = doc.querySelector('h1');
                return { path: p, title: (h1 && h1.textContent) || p };
              });
            }));
          });
        }).then(function (items) {
          if (!items.length) return;
          items.forEach(function (item) {
            var li = document.createElement('li');
            var a = document.createElement('a');
            a.href = item.path;
            a.textContent = item.title;
            li.appendChild(a);
            saved.appendChild(li);
          });
          saved.hidden = false;
          var none = document.getElementById('offline-none');
          if (none) none.hidden = true;
        }).catch(function () {});
      }
    })();

    """

  static let scriptHash = String(Hex.encode(SHA256.hash(script)).prefix(12))
  static let scriptPath = "/js/offline.\(scriptHash).js"

  /// Precached at install; a new release (new CSS or script) gets a new asset cache.
  /// The offline pages of other languages are fetched when a page first says it speaks one.
  static var precache: [String] {
    [Assets.cssPath, scriptPath, "/offline?lang=en", "/offline?lang=en&quiz=1"]
  }
  static let version = String(Hex.encode(SHA256.hash(Assets.cssPath + scriptHash)).prefix(12))

  static let serviceWorker: String = {
    let list = precache.map { "'\($0)'" }.joined(separator: ", ")
    return """
      'use strict';
      var ASSETS = 'relais-assets-\(version)';
      var PAGES = '\(pagesCache)';
      var PRECACHE = [\(list)];
      var PREFS = 'relais-prefs';
      var lang = null;

      function currentLang() {
        if (lang) return Promise.resolve(lang);
        return caches.open(PREFS).then(function (c) { return c.match('/lang'); })
          .then(function (r) { return r ? r.text() : 'en'; }).then(function (l) { lang = l; return l; });
      }

      // Pages say which language the learner reads; kept across restarts of the worker.
      self.addEventListener('message', function (e) {
        var l = e.data && e.data.lang;
        if (typeof l !== 'string' || !/^[a-z]{2,3}$/.test(l) || l === lang) return;
        lang = l;
        e.waitUntil(caches.open(PREFS).then(function (c) { return c.put('/lang', new Response(l)); })
          .then(function () { return caches.open(ASSETS); })
          .then(function (c) { return c.addAll(['/offline?lang=' + l, '/offline?lang=' + l + '&quiz=1']); })
          .catch(function () {}));
      });

      self.addEventListener('install', function (e) {
        e.waitUntil(caches.open(ASSETS).then(function (c) { return c.addAll(PRECACHE); }).then(function () { return self.skipWaiting(); }));
      });

      self.addEventListener('activate', function (e) {
        e.waitUntil(caches.keys().then(function (keys) {
          return Promise.all(keys.filter(function (k) { return k.indexOf('relais-assets-') === 0 && k !== ASSETS; })
            .map(function (k) { return caches.delete(k); }));
        }).then(function () { return self.clients.claim(); }));
      });

      // Lessons and modules, and briefings (a kit read once is there again without network).
      function savedPage(p) { return (/^\\/modules\\/[^\\/]+(\\/[^\\/]+)?$/.test(p) && !/\\/quiz$/.test(p)) || /^\\/briefings(\\/[^\\/]+)?$/.test(p); }
      function needsNetwork(p) { return /\\/quiz$/.test(p) || p.indexOf('/attempts/') === 0; }
      function offline(quiz) {
        return currentLang().then(function (l) { return caches.match('/offline?lang=' + l + (quiz ? '&quiz=1' : '')); });
      }

      self.addEventListener('fetch', function (e) {
        var req = e.request;
        var url = new URL(req.url);
        if (url.origin !== self.location.origin) return;
        var path = url.pathname;
        if (req.method !== 'GET') {
          // A form sent without network (a quiz, "Done"): say so plainly instead of the
          // browser's error page; going back keeps what was typed.
          if (req.mode === 'navigate') e.respondWith(fetch(req).catch(function () { return offline(needsNetwork(path)); }));
          return;
        }
        if (path.indexOf('/assets/') === 0 || path.indexOf('/js/') === 0) {
          // Fingerprinted: a saved copy is always right.
          e.respondWith(caches.match(req).then(function (hit) {
            return hit || fetch(req).then(function (res) {
              if (res.ok) { var copy = res.clone(); caches.open(ASSETS).then(function (c) { c.put(req, copy); }); }
              return res;
            });
          }));
          return;
        }
        if (req.mode !== 'navigate') return;
        if (savedPage(path)) {
          // Network first, so a connected learner always sees their latest progress.
          e.respondWith(fetch(req).then(function (res) {
            if (res.ok) { var copy = res.clone(); caches.open(PAGES).then(function (c) { c.put(path, copy); }); }
            return res;
          }).catch(function () {
            return caches.open(PAGES).then(function (c) { return c.match(path); }).then(function (hit) { return hit || offline(false); });
          }));
          return;
        }
        e.respondWith(fetch(req).catch(function () { return offline(needsNetwork(path)); }));
      });

      """
  }()
}
