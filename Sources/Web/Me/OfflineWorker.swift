/// The service worker (`/sw.js`): keeps the stylesheet, the script and the offline pages;
/// keeps each page the learner opens that can be read offline (network first) and the pages
/// of downloaded modules; serves them, or the offline page, when the network is gone; counts
/// the bytes it downloads (the data-use estimate on /me) and, with data saver on, holds back
/// lesson pictures until tapped. Quiz answers are sent by the page (see `OfflineAssets`).
enum OfflineWorker {
  static let source: String = {
    let version = OfflineAssets.version
    let list = OfflineAssets.precache.map { "'\($0)'" }.joined(separator: ", ")
    return #"""
      'use strict';
      var ASSETS = 'relais-assets-\#(version)';
      var PAGES = '\#(OfflineAssets.pagesCache)';
      var PRECACHE = [\#(list)];
      var PREFS = 'relais-prefs';
      var lang = null;

      function pref(key, fallback) {
        return caches.open(PREFS).then(function (c) { return c.match(key); })
          .then(function (r) { return r ? r.text() : fallback; });
      }
      function setPref(key, value) {
        return caches.open(PREFS).then(function (c) { return c.put(key, new Response(value)); });
      }
      function currentLang() {
        if (lang) return Promise.resolve(lang);
        return pref('/lang', 'en').then(function (l) { lang = l; return l; });
      }

      // Pages say which language the learner reads and whether data saver is on; kept across
      // restarts of the worker.
      self.addEventListener('message', function (e) {
        var d = e.data || {};
        if (typeof d.saver === 'boolean') e.waitUntil(setPref('/saver', d.saver ? '1' : '0'));
        var l = d.lang;
        if (typeof l !== 'string' || !/^[a-z]{2,3}$/.test(l) || l === lang) return;
        lang = l;
        e.waitUntil(setPref('/lang', l).then(function () { return caches.open(ASSETS); })
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

      // Data used this month, estimated from what came over the network (body and ~300 bytes of
      // headers); one running total on the phone, reset when the month changes.
      var counting = Promise.resolve();
      function count(res) {
        var n = Number(res.headers.get('Content-Length'));
        var size = n > 0 ? Promise.resolve(n) : res.clone().arrayBuffer().then(function (b) { return b.byteLength; });
        counting = counting.then(function () { return size; }).then(function (bytes) {
          var month = new Date().toISOString().slice(0, 7);
          return pref('/data-used', '{}').then(function (text) {
            var u = JSON.parse(text);
            if (u.month !== month) u = { month: month, bytes: 0 };
            u.bytes += bytes + 300;
            return setPref('/data-used', JSON.stringify(u));
          });
        }).catch(function () {});
        return counting;
      }
      function net(e, req) {
        return fetch(req).then(function (res) {
          try { e.waitUntil(count(res)); } catch (x) { count(res); }
          return res;
        });
      }

      // Pages kept for reading offline (lessons, modules, quiz forms, the referrals page, the
      // briefings opened and their archive), by path and query; results and everything else
      // need the server.
      function keptPage(p) { return /^\/modules\/[^\/]+(\/[^\/]+)?$/.test(p) || /^\/pages\/[^\/]+$/.test(p) || /^\/briefings(\/[^\/]+)?$/.test(p); }
      function needsNetwork(p) { return /\/quiz$/.test(p) || p.indexOf('/attempts/') === 0; }
      function offline(quiz) {
        return currentLang().then(function (l) { return caches.match('/offline?lang=' + l + (quiz ? '&quiz=1' : '')); });
      }
      function kept(key) { return caches.open(PAGES).then(function (c) { return c.match(key); }); }

      self.addEventListener('fetch', function (e) {
        var req = e.request;
        var url = new URL(req.url);
        if (url.origin !== self.location.origin || url.pathname === '/sw.js') return;
        var path = url.pathname, key = path + url.search;
        if (req.method !== 'GET') {
          // A form sent without network ("Done", a quiz without script): say so plainly instead
          // of the browser's error page; going back keeps what was typed.
          e.respondWith(req.mode === 'navigate' ? net(e, req).catch(function () { return offline(needsNetwork(path)); }) : net(e, req));
          return;
        }
        if (path.indexOf('/assets/') === 0 || path.indexOf('/js/') === 0) {
          // Fingerprinted: a saved copy is always right.
          e.respondWith(caches.match(req).then(function (hit) {
            return hit || net(e, req).then(function (res) {
              if (res.ok) { var copy = res.clone(); caches.open(ASSETS).then(function (c) { c.put(req, copy); }); }
              return res;
            });
          }));
          return;
        }
        if (path.indexOf('/media/') === 0) {
          // A downloaded picture is used as is; with data saver on, a lesson's pictures wait for
          // a tap (the page asks again with ?show=1).
          e.respondWith(kept(path).then(function (hit) {
            if (hit) return hit;
            return pref('/saver', '0').then(function (on) {
              if (on === '1' && req.destination === 'image' && !url.searchParams.has('show')) return new Response('', { status: 204 });
              return net(e, req);
            });
          }));
          return;
        }
        if (req.mode !== 'navigate') { e.respondWith(net(e, req)); return; }
        // Network first, so a connected learner always sees their latest progress.
        e.respondWith(net(e, req).then(function (res) {
          if (res.ok && !res.redirected && keptPage(path)) {
            var copy = res.clone();
            caches.open(PAGES).then(function (c) { c.put(key, copy); });
          }
          return res;
        }).catch(function () {
          return kept(key).then(function (hit) { return hit || offline(needsNetwork(path)); });
        }));
      });

      """#
  }()
}
