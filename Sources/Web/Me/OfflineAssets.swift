import Catalog
import Crypto
import Foundation

/// Offline reading and data saving, as a progressive enhancement: every page works without it.
///
/// `offline.js` (fingerprinted, loaded on every page with `defer`) registers the worker
/// (`OfflineWorker`) and:
/// - keeps quiz answers on the phone until the server has them (the attempt id is the
///   idempotency key; the server answers a resend with the same result), with the time they
///   were answered, and shows "sent", then the result;
/// - on a module page, offers "Download this module" with its size (from `/offline/:m`, see
///   `OfflineManifest`), shows progress, "Downloaded" and a way to remove it, and when
///   online refetches exactly the pages whose content hash changed;
/// - on /me, shows the data Relais used this month (counted by the worker) and the data
///   saver switch; with it on, pictures in lessons wait for a tap;
/// - lists the saved lessons on the offline page; forgets saved pages and unsent answers at
///   sign-out. Labels come from the page (`data-offline` on `<body>`, `data-labels` on the
///   lesson list), so the script is one file for every language.
enum OfflineAssets {
  /// Saved pages (they may show the learner's progress) live in one cache, dropped at sign-out.
  static let pagesCache = "relais-pages"

  static let bodyKeys = ["queued", "sent", "result", "changed", "showImage"]
  static let moduleKeys = ["save", "saving", "saved", "failed", "retry", "remove"]

  /// `{1}`, `{2}` stay in the labels: the script fills them in (sizes in KB).
  static func labels(_ ctx: Context, _ keys: [String]) -> String {
    keys.map { ctx.t("offline.\($0)", "{1}", "{2}").replacingOccurrences(of: "|", with: "/") }
      .joined(separator: "|")
  }

  static let script = #"""
    (function () {
      'use strict';
      if (!window.fetch || !window.localStorage) return;
      var PAGES = '\#(pagesCache)';
      var OUTBOX = 'relais-outbox';
      var main = document.getElementById('main');
      var t = words(document.body.getAttribute('data-offline'), ['queued', 'sent', 'result', 'changed', 'showImage']);

      function words(attr, keys) {
        var w = (attr || '').split('|'), o = {};
        keys.forEach(function (k, i) { o[k] = w[i] || k; });
        return o;
      }
      function fill(s) { var a = arguments; return s.replace(/\{(\d)\}/g, function (_, n) { return a[n]; }); }
      function kb(bytes) { return String(Math.max(1, Math.round(bytes / 1024))); }
      function el(tag, cls, text) {
        var e = document.createElement(tag);
        if (cls) e.className = cls;
        if (text) e.textContent = text;
        return e;
      }
      function status(after, cls) {
        var p = el('p', cls);
        p.setAttribute('role', 'status');
        if (after) after.parentNode.insertBefore(p, after.nextSibling);
        else main.insertBefore(p, main.firstChild);
        return p;
      }

      // ---- Quiz answers kept on the phone until they reach the server, exactly once: the
      // attempt id is the key, the server grades an attempt once and answers a resend with the
      // same result, so sending again after a lost reply is safe.
      function outbox() { try { return JSON.parse(localStorage.getItem(OUTBOX) || '{}'); } catch (e) { return {}; } }
      function keep(box) { localStorage.setItem(OUTBOX, JSON.stringify(box)); }
      var sending = {};

      // After a restart of the browser the form's CSRF token is stale: ask for a fresh one.
      function freshToken() {
        return fetch('/offline', { credentials: 'same-origin', cache: 'no-store' }).then(function (r) { return r.text(); })
          .then(function (html) { var m = /name="csrf" value="([^"]+)"/.exec(html); return m && m[1]; });
      }
      function post(item) {
        return fetch(item.action, { method: 'POST', credentials: 'same-origin', body: new URLSearchParams(item.body) });
      }
      function send(id) {
        var item = outbox()[id];
        if (!item || sending[id]) return Promise.resolve(null);
        sending[id] = true;
        return post(item).then(function (r) {
          if (r.status !== 403) return r;
          return freshToken().then(function (token) {
            if (!token) return r;
            var body = new URLSearchParams(item.body);
            body.set('csrf', token);
            item.body = body.toString();
            var box = outbox();
            if (box[id]) { box[id].body = item.body; keep(box); }
            return post(item);
          });
        }).then(function (r) {
          sending[id] = false;
          var done = r.ok && /^\/attempts\//.test(new URL(r.url).pathname);
          if (!done && [400, 404, 410].indexOf(r.status) < 0) return null;  // try again later
          var box = outbox();
          delete box[id];
          keep(box);
          return { url: done ? r.url : null, action: item.action };
        }, function () { sending[id] = false; return null; });  // still offline
      }
      function flush(where) {
        Object.keys(outbox()).forEach(function (id) {
          send(id).then(function (sent) {
            if (!sent) return;
            var p = where || status(null);
            p.className = sent.url ? 'ok' : 'bad';
            p.textContent = (sent.url ? t.sent : t.changed) + ' ';
            if (sent.url) { var a = el('a', '', t.result); a.href = sent.url; p.appendChild(a); }
            if (where && sent.url) setTimeout(function () { location.href = sent.url; }, 800);
          });
        });
      }

      var quiz = document.querySelector('form[data-outbox]');
      if (quiz) {
        var quizStatus = status(quiz);
        quiz.addEventListener('submit', function (e) {
          e.preventDefault();
          var body = new URLSearchParams(new FormData(quiz));
          body.set('answered_at', String(Math.floor(Date.now() / 1000)));
          var box = outbox();
          box[body.get('attempt')] = { action: quiz.getAttribute('action'), body: body.toString() };
          keep(box);
          quiz.querySelector('button').disabled = true;
          quizStatus.className = 'notice';
          quizStatus.textContent = t.queued;
          // This form is answered: a stored copy must not offer it again.
          if (window.caches) caches.open(PAGES).then(function (c) { c.delete(location.pathname + location.search); });
          flush(quizStatus);
        });
      }
      flush(quiz ? quizStatus : null);
      window.addEventListener('online', function () { flush(quiz ? quizStatus : null); });
      setInterval(function () { if (Object.keys(outbox()).length) flush(quiz ? quizStatus : null); }, 15000);

      // ---- Data saver: pictures in lessons wait for a tap (the worker holds back their download).
      var saver = localStorage.getItem('relais-saver') === '1';
      if (saver) document.querySelectorAll('article img').forEach(function (img) {
        var src = img.getAttribute('src') || '';
        (window.caches ? caches.match(src) : Promise.resolve(null)).then(function (hit) {
          if (hit) { if (!img.complete || !img.naturalWidth) img.src = src; return; }
          var b = el('button', 'secondary', t.showImage + (img.alt ? ': ' + img.alt : ''));
          b.type = 'button';
          img.replaceWith(b);
          b.addEventListener('click', function () {
            img.src = src + (src.indexOf('?') < 0 ? '?' : '&') + 'show=1';
            b.replaceWith(img);
          });
        });
      });

      if (!('serviceWorker' in navigator) || !window.caches) return;
      navigator.serviceWorker.register('/sw.js', { scope: '/' }).catch(function () {});
      // The worker can't read the language cookie or localStorage: tell it.
      navigator.serviceWorker.ready.then(function (reg) {
        if (reg.active) reg.active.postMessage({ lang: document.documentElement.lang, saver: saver });
      });

      // Signing out forgets saved pages and unsent answers: they are this person's.
      document.querySelectorAll('form[action="/signout"], form[action="/signout/everywhere"]').forEach(function (f) {
        f.addEventListener('submit', function () { caches.delete(PAGES); localStorage.removeItem(OUTBOX); });
      });

      // ---- Downloaded modules: a manifest (URLs, sizes, content hashes) per module, stored
      // with the pages. Online, a changed hash fetches that page again; nothing else moves.
      function manifestKey(slug) { return '/offline/' + slug; }
      function stored(slug) {
        return caches.open(PAGES).then(function (c) { return c.match(manifestKey(slug)); })
          .then(function (r) { return r ? r.json() : null; });
      }
      function latest(slug) {
        return fetch(manifestKey(slug), { credentials: 'same-origin', cache: 'no-store' })
          .then(function (r) { if (!r.ok) throw new Error('manifest'); return r.json(); });
      }
      function download(items, progress) {
        var done = 0, queue = items.slice();
        return caches.open(PAGES).then(function (cache) {
          function next() {
            var item = queue.shift();
            if (!item) return Promise.resolve();
            return fetch(item.url, { credentials: 'same-origin', cache: 'no-store' }).then(function (r) {
              if (!r.ok || r.redirected) throw new Error(item.url);
              return cache.put(item.url, r);
            }).then(function () { done += item.bytes; if (progress) progress(done); return next(); });
          }
          return Promise.all([next(), next(), next()]);  // three at a time, as a page loads
        });
      }
      function save(m) {
        return caches.open(PAGES).then(function (c) {
          return c.put(manifestKey(m.module), new Response(JSON.stringify(m), { headers: { 'Content-Type': 'application/json' } }));
        });
      }
      function refresh(slug) {
        return Promise.all([stored(slug), latest(slug)]).then(function (both) {
          var old = {}, now = both[1];
          if (!both[0]) return null;
          both[0].items.forEach(function (i) { old[i.url] = i.hash; });
          var changed = now.items.filter(function (i) { return old[i.url] !== i.hash; });
          return download(changed).then(function () { return save(now); }).then(function () { return now; });
        });
      }
      // Online again: bring every downloaded module up to date (a fixed lesson or quiz key).
      var last = Number(localStorage.getItem('relais-refreshed') || 0);
      var here = /^\/modules\/([^\/]+)$/.exec(location.pathname);
      if (navigator.onLine !== false && Date.now() - last > 300000) {
        localStorage.setItem('relais-refreshed', String(Date.now()));
        caches.open(PAGES).then(function (c) { return c.keys(); }).then(function (keys) {
          keys.forEach(function (k) {
            var m = /^\/offline\/([^\/?]+)$/.exec(new URL(k.url).pathname);
            if (m && !(here && here[1] === m[1])) refresh(m[1]).catch(function () {});
          });
        });
      }

      var list = document.querySelector('ol.lessons[data-labels]');
      if (list && here) {
        var slug = here[1];
        var l = words(list.getAttribute('data-labels'), ['save', 'saving', 'saved', 'failed', 'retry', 'remove']);
        var box = el('div', 'actions');
        var button = el('button', 'secondary');
        button.type = 'button';
        button.hidden = true;
        var bar = el('progress');
        bar.hidden = true;
        box.appendChild(button);
        list.parentNode.insertBefore(box, list.nextSibling);
        var line = status(box);
        box.parentNode.insertBefore(bar, line);
        var state = null;
        function show(m, downloaded) {
          state = { m: m, downloaded: downloaded };
          bar.hidden = true;
          line.textContent = downloaded ? fill(l.saved, kb(m.bytes)) : '';
          button.textContent = downloaded ? l.remove : fill(l.save, kb(m.bytes));
          button.hidden = false;
          button.disabled = false;
        }
        stored(slug).then(function (m) {
          if (m) show(m, true);
          // Online: the stored copy is brought up to date; else offer the download with its size.
          return (m ? refresh(slug) : latest(slug)).then(function (now) { if (now) show(now, !!m); });
        }).catch(function () {});
        button.addEventListener('click', function () {
          var m = state.m;
          button.disabled = true;
          if (state.downloaded) {
            // Keep what another downloaded module lists too (the referrals page).
            return caches.open(PAGES).then(function (c) {
              return c.keys().then(function (keys) {
                var others = keys.map(function (k) { return new URL(k.url).pathname; })
                  .filter(function (p) { return /^\/offline\//.test(p) && p !== manifestKey(slug); });
                return Promise.all(others.map(function (p) { return c.match(p).then(function (r) { return r.json(); }); }));
              }).then(function (ms) {
                var shared = {};
                ms.forEach(function (o) { o.items.forEach(function (i) { shared[i.url] = true; }); });
                return Promise.all(m.items.filter(function (i) { return !shared[i.url]; })
                  .map(function (i) { return c.delete(i.url); }).concat([c.delete(manifestKey(slug))]));
              });
            }).then(function () { show(m, false); });
          }
          bar.max = m.bytes;
          bar.value = 0;
          bar.hidden = false;
          line.textContent = fill(l.saving, '0', kb(m.bytes));
          latest(slug).then(function (now) {
            m = now;
            return download(m.items, function (done) {
              bar.value = done;
              line.textContent = fill(l.saving, kb(done), kb(m.bytes));
            });
          }).then(function () { return save(m); }).then(function () { show(m, true); }, function () {
            bar.hidden = true;
            line.textContent = l.failed;
            button.textContent = l.retry;
            button.disabled = false;
          });
        });
      }

      // ---- My data: what Relais downloaded this month (counted by the worker), and the saver.
      var data = document.getElementById('data-use');
      if (data) {
        var used = data.querySelector('[data-used]');
        caches.open('relais-prefs').then(function (c) { return c.match('/data-used'); })
          .then(function (r) { return r ? r.json() : null; }).then(function (u) {
            var month = new Date().toISOString().slice(0, 7);
            used.textContent = fill(used.getAttribute('data-used'), kb(u && u.month === month ? u.bytes : 0));
          });
        var toggle = document.getElementById('data-saver');
        toggle.checked = saver;
        toggle.addEventListener('change', function () {
          localStorage.setItem('relais-saver', toggle.checked ? '1' : '0');
          navigator.serviceWorker.ready.then(function (reg) { reg.active.postMessage({ saver: toggle.checked }); });
        });
        data.hidden = false;
      }

      // The offline page: list the lessons saved on this device.
      var saved = document.getElementById('offline-lessons');
      if (saved) {
        caches.open(PAGES).then(function (cache) {
          return cache.keys().then(function (requests) {
            var lessons = requests.map(function (r) { return new URL(r.url).pathname; }).filter(function (p) {
              return /^\/modules\/[^\/]+\/[^\/]+$/.test(p) && !/\/quiz$/.test(p);
            }).sort();
            return Promise.all(lessons.map(function (p) {
              return cache.match(p).then(function (r) { return r.text(); }).then(function (html) {
                var h1 = new DOMParser().parseFromString(html, 'text/html').querySelector('h1');
                return { path: p, title: (h1 && h1.textContent) || p };
              });
            }));
          });
        }).then(function (items) {
          if (!items.length) return;
          items.forEach(function (item) {
            var li = el('li');
            var a = el('a', '', item.title);
            a.href = item.path;
            li.appendChild(a);
            saved.appendChild(li);
          });
          saved.hidden = false;
          var none = document.getElementById('offline-none');
          if (none) none.hidden = true;
        }).catch(function () {});
      }
    })();

    """#

  static let scriptHash = String(Hex.encode(SHA256.hash(script)).prefix(12))
  static let scriptPath = "/js/offline.\(scriptHash).js"

  /// Precached at install; a new release (new CSS or script) gets a new asset cache.
  /// The offline pages of other languages are fetched when a page first says it speaks one.
  static var precache: [String] {
    [Assets.cssPath, scriptPath, "/offline?lang=en", "/offline?lang=en&quiz=1"]
  }
  static let version = String(Hex.encode(SHA256.hash(Assets.cssPath + scriptHash)).prefix(12))
}
