#!/usr/bin/env python3
"""A learner on a phone-sized headless Chromium with a broken connection.

    offline_module.py SERVER_URL [--signin PATH] [--lesson-file FILE] [--measure]

The browser reaches the server through a relay (below) that can cut the network (every
connection closed, new ones refused, as a lost signal does), lose the replies while the
server still gets the requests, and throttle to slow 3G. With --signin (a one-time sign-in
path for a learner) and --lesson-file (the source of the module's first lesson, which this
script corrects on the server midway):

  1. download the module (bytes on the wire counted by the relay);
  2. restart the browser, cut the network, read every lesson, the referrals page and the
     quiz, answer the quiz and send it (kept on the phone);
  3. reconnect with replies lost (the server grades, the phone doesn't know), cut again,
     reconnect: the answers go again and the result shows;
  4. online, the corrected lesson replaces the stored one; cut: the correction reads offline.

With --measure (anonymous, fresh profile): the module page and the download over an
emulated slow 3G link (2 s latency per request, 400 kbit/s down), timed.
Prints one JSON line; the Swift test (OfflineModuleBrowserTests) and offline.sh read it.
"""
import json, os, shutil, socket, sys, tempfile, threading, time, urllib.request

os.environ.setdefault("SE_OFFLINE", "true")
from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By


class Relay:
    """TCP relay in front of the server: up, cut, deaf (requests pass, the reply to a
    successful form post is lost) or
    slow (slow 3G: latency before each reply, bytes paced to a shared rate)."""

    def __init__(self, port):
        self.target, self.mode, self.socks = port, "up", []
        self.down_bytes, self.quiz_posts, self.paths = 0, 0, []
        self.latency, self.rate, self.next_slot = 2.0, 50_000, 0.0  # DevTools' "Slow 3G"
        self.lock = threading.Lock()
        self.listener = socket.socket()
        self.listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.listener.bind(("127.0.0.1", 0))
        self.listener.listen(64)
        self.port = self.listener.getsockname()[1]
        threading.Thread(target=self.accept, daemon=True).start()

    def accept(self):
        while True:
            c, _ = self.listener.accept()
            if self.mode == "cut":
                c.close()
                continue
            try:
                u = socket.create_connection(("127.0.0.1", self.target))
            except OSError:
                c.close()
                continue
            with self.lock:
                self.socks += [c, u]
            state = {"reply_started": False}
            threading.Thread(target=self.upstream, args=(c, u, state), daemon=True).start()
            threading.Thread(target=self.downstream, args=(u, c, state), daemon=True).start()

    def upstream(self, c, u, state):
        try:
            while True:
                data = c.recv(65536)
                if not data:
                    break
                line = data.split(b"\r\n", 1)[0].split(b" ")
                if len(line) == 3 and line[2].startswith(b"HTTP/"):
                    self.paths.append(line[1].decode("latin-1"))
                if data.startswith(b"POST /modules/") and b"/quiz " in data.split(b"\r\n", 1)[0]:
                    with self.lock:
                        self.quiz_posts += 1
                state["reply_started"] = False
                u.sendall(data)
        except OSError:
            pass
        self.close(c, u)

    def downstream(self, u, c, state):
        try:
            while True:
                data = u.recv(65536)
                if not data:
                    break
                if self.mode == "deaf" and data.startswith(b"HTTP/1.1 303"):
                    break  # the server took the answers; the phone never hears it
                if self.mode == "slow":
                    if not state["reply_started"]:
                        time.sleep(self.latency)
                    for i in range(0, len(data), 1024):
                        piece = data[i:i + 1024]
                        with self.lock:
                            self.next_slot = max(time.time(), self.next_slot) + len(piece) / self.rate
                            wait = self.next_slot - time.time()
                        if wait > 0:
                            time.sleep(wait)
                        c.sendall(piece)
                else:
                    c.sendall(data)
                state["reply_started"] = True
                with self.lock:
                    self.down_bytes += len(data)
        except OSError:
            pass
        self.close(u, c)

    def close(self, *socks):
        for x in socks:
            try:
                x.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass

    def set(self, mode):
        self.mode = mode
        if mode == "cut":
            with self.lock:
                socks, self.socks = self.socks, []
            self.close(*socks)


def browser(profile):
    o = Options()
    o.binary_location = os.environ.get("CHROME_BIN", "/usr/bin/chromium")
    for a in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
              "--window-size=360,740", "--lang=en", "--user-data-dir=" + profile]:
        o.add_argument(a)
    d = webdriver.Chrome(options=o, service=Service(os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver")))
    d.set_page_load_timeout(60)
    d.set_script_timeout(60)
    return d


def controlled(d):
    return d.execute_async_script("""
      var done = arguments[0];
      navigator.serviceWorker.ready.then(function () {
        if (navigator.serviceWorker.controller) return done(true);
        navigator.serviceWorker.addEventListener('controllerchange', function () { done(true); });
        setTimeout(function () { done(!!navigator.serviceWorker.controller); }, 8000);
      });""")


def wait_for(fn, seconds=30):
    end = time.time() + seconds
    while time.time() < end:
        try:
            v = fn()
            if v:
                return v
        except Exception:
            pass
        time.sleep(0.1)
    return None


def h1(d):
    return d.find_element(By.TAG_NAME, "h1").text


def download(d, base, module, relay):
    """Opens the module page, presses the download button, waits for "Downloaded".
    Returns the offer, the final status, seconds and bytes on the wire from the press."""
    d.get(base + "/modules/" + module)
    controlled(d)
    d.get(base + "/modules/" + module)  # now through the worker
    button = wait_for(lambda: next(b for b in d.find_elements(By.CSS_SELECTOR, ".actions button")
                                   if b.is_displayed() and b.text.startswith("Download")), 60)
    offered = button.text if button else None
    start, before = time.time(), relay.down_bytes
    if button:
        button.click()
    status = wait_for(lambda: (lambda s: s if s.startswith("Downloaded") else None)(
        d.find_element(By.CSS_SELECTOR, ".actions + progress + p[role=status]").text), 300)
    return offered, status, round(time.time() - start, 2), relay.down_bytes - before


def stored_hash(d, module, url):
    """The hash the phone's stored manifest has for one page."""
    text = d.execute_async_script("""
      var key = arguments[0], done = arguments[1];
      caches.open('relais-pages').then(function (c) { return c.match(key); })
        .then(function (r) { return r ? r.text() : null; }).then(done, function () { done(null); });""",
                                  "/offline/" + module)
    return next((i["hash"] for i in json.loads(text)["items"] if i["url"] == url), None) if text else None


def main():
    args = sys.argv[1:]
    server = args[0]
    opt = lambda name: args[args.index(name) + 1] if name in args else None
    relay = Relay(int(server.rsplit(":", 1)[1]))
    if opt("--latency"):
        relay.latency = float(opt("--latency"))
    base = "http://127.0.0.1:%d" % relay.port
    module = opt("--module") or "fact-checking"
    profile = tempfile.mkdtemp(prefix="relais-phone-")
    out = {}
    d = browser(profile)
    try:
        if "--measure" in args:
            relay.set("slow")
            t = time.time()
            d.get(base + "/modules/" + module + "/" + (opt("--lesson") or "01-why-verify"))
            out["coldLessonSeconds"] = round(time.time() - t, 2)
            out["coldLessonBytes"] = relay.down_bytes
            out["offered"], out["status"], out["slow3gDownloadSeconds"], out["downloadWireBytes"] = \
                download(d, base, module, relay)
            return

        # 1. Signed in, online: download the module.
        d.get(base + opt("--signin"))
        d.find_element(By.CSS_SELECTOR, "main form button").click()
        wait_for(lambda: "/signin" not in d.current_url)
        d.get(base + "/modules/" + module)
        controlled(d)
        d.get(base + "/modules/" + module)
        lessons = [a.get_attribute("href") for a in d.find_elements(By.CSS_SELECTOR, "ol.lessons a")]
        titles = []
        for href in lessons:
            d.get(href)
            titles.append(h1(d))
        d.get(base + "/modules/" + module)
        out["offered"], out["status"], _, out["downloadWireBytes"] = download(d, base, module, relay)
        out["titles"] = titles
        out["stored"] = [i["url"] for i in json.loads(d.execute_async_script("""
          var done = arguments[0];
          caches.open('relais-pages').then(function (c) { return c.match('/offline/""" + module + """'); })
            .then(function (r) { return r.text(); }).then(done);"""))["items"]]

        # Data saver on: a lesson not downloaded shows its picture only when tapped.
        if opt("--saver-lesson"):
            d.get(base + "/me")
            box = wait_for(lambda: d.find_element(By.ID, "data-saver") if d.find_element(By.ID, "data-saver").is_displayed() else None)
            box.click()
            time.sleep(0.5)
            d.get(base + opt("--saver-lesson"))
            tap = wait_for(lambda: next(b for b in d.find_elements(By.CSS_SELECTOR, "article button")
                                        if b.text.startswith("Show the picture")))
            out["saverButton"] = tap.text if tap else None
            media = "/media/" + opt("--saver-lesson").split("/")[2] + "/"
            out["saverFetchedBeforeTap"] = [p for p in relay.paths if p.startswith(media) and "show=1" not in p]
            if tap:
                tap.click()
            out["saverTapLoaded"] = bool(wait_for(lambda: d.execute_script(
                "var i = document.querySelector('article img'); return i && i.complete && i.naturalWidth > 0")))
            d.get(base + "/me")
            box = wait_for(lambda: d.find_element(By.ID, "data-saver") if d.find_element(By.ID, "data-saver").is_displayed() else None)
            out["saverKept"] = box.is_selected()

        # The lesson is corrected on the server (the phone's copy is now stale).
        lesson_file = opt("--lesson-file")
        manifest = lambda: urllib.request.urlopen(server + "/offline/" + module, timeout=5).read()
        old = manifest()
        with open(lesson_file, "a") as f:
            f.write("\nCorrected on the server.\n")
        out["serverChanged"] = bool(wait_for(lambda: manifest() != old, 10))

        # 2. The browser restarts with no network: everything reads from the phone.
        d.quit()
        relay.set("cut")
        d = browser(profile)
        d.get(base + "/modules/" + module)
        out["offlineModule"] = h1(d)
        out["offlineTitles"] = []
        for href in lessons:
            d.get(href)
            out["offlineTitles"].append(h1(d))
        d.get(lessons[0])
        out["staleWhileOffline"] = "Corrected on the server." not in d.find_element(By.TAG_NAME, "article").text
        d.get(lessons[1])
        out["offlinePicture"] = bool(wait_for(lambda: d.execute_script(  # pictures load lazily
            "var i = document.querySelector('article img'); i.scrollIntoView(); return i.complete && i.naturalWidth > 0"), 5))
        d.get(base + "/pages/referrals")
        out["offlineReferrals"] = h1(d)
        d.get(base + "/modules/" + module + "/quiz")
        out["offlineQuizForm"] = len(d.find_elements(By.CSS_SELECTOR, "form[data-outbox] fieldset"))
        for fs in d.find_elements(By.CSS_SELECTOR, "form[data-outbox] fieldset"):
            choice = fs.find_elements(By.CSS_SELECTOR, "input[type=radio], input[type=checkbox]")
            if choice:
                d.execute_script("arguments[0].click()", choice[0])
            for t in fs.find_elements(By.CSS_SELECTOR, "input[type=text], textarea"):
                t.send_keys("1")
        d.find_element(By.CSS_SELECTOR, "form[data-outbox] button.primary").click()
        out["queued"] = wait_for(lambda: d.find_element(By.CSS_SELECTOR, "form[data-outbox] + p[role=status]").text)
        outbox = lambda: d.execute_script("return Object.keys(JSON.parse(localStorage.getItem('relais-outbox') || '{}')).length")
        out["keptOnPhone"] = outbox()

        # 3. Reconnect, but the reply is lost: the server graded it, the phone still has it.
        relay.set("deaf")
        d.execute_script("window.dispatchEvent(new Event('online'))")
        # First the stale form's token (the restart dropped the CSRF cookie): refused; then
        # with a fresh one: graded, and the reply lost.
        wait_for(lambda: relay.quiz_posts >= 2, 15)
        time.sleep(1)
        out["keptAfterLostReply"] = outbox()
        relay.set("cut")
        time.sleep(0.5)
        # Reconnect again: sent again, the same result comes back.
        # What the learner sees, kept across the move to the result page.
        d.execute_script("""
          var p = document.querySelector('form[data-outbox] + p[role=status]');
          new MutationObserver(function () { sessionStorage.setItem('seen', p.textContent); })
            .observe(p, { childList: true, characterData: true, subtree: true });""")
        relay.set("up")
        t = time.time()
        d.execute_script("window.dispatchEvent(new Event('online'))")
        out["resultURL"] = wait_for(lambda: d.current_url if "/attempts/" in d.current_url else None, 20)
        out["resultSeconds"] = round(time.time() - t, 2)
        out["resultTitle"] = h1(d)
        out["sent"] = d.execute_script("return sessionStorage.getItem('seen')")
        out["keptAfterResult"] = outbox()
        # A second reconnection (a reload) sends nothing more.
        d.get(base + "/modules/" + module)
        time.sleep(1)
        out["quizPosts"] = relay.quiz_posts

        # 4. Online: the stale lesson is replaced (the module page compares the hashes).
        first = "/" + lessons[0].split("/", 3)[3]
        fresh = next(i["hash"] for i in json.loads(manifest())["items"] if i["url"] == first)
        out["refreshed"] = bool(wait_for(lambda: stored_hash(d, module, first) == fresh, 20))
        d.get(base + "/me")
        out["dataUsed"] = wait_for(lambda: d.find_element(By.CSS_SELECTOR, "[data-used]").text)
        relay.set("cut")
        d.get(lessons[0])
        out["correctedOffline"] = "Corrected on the server." in d.find_element(By.TAG_NAME, "article").text
    finally:
        try:
            d.quit()
        finally:
            shutil.rmtree(profile, ignore_errors=True)
            print(json.dumps(out), flush=True)


main()
