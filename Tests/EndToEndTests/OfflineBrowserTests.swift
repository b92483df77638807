import Foundation
import Testing

/// "With the network cut in the browser, an opened lesson still displays": a headless,
/// phone-sized Chromium opens a module and one lesson, downloads the module for offline
/// reading with the button the script adds; then the network is cut (the script reaches the server
/// through a relay that it closes, kept-alive connections included). The lessons, the
/// offline page listing them and the quiz's "needs the network" page must still show.
/// Runs where Chromium, chromedriver and Python's selenium are installed.
@Suite(.serialized) struct OfflineBrowserTests {
  static let available: Bool = {
    let fm = FileManager.default
    guard fm.isExecutableFile(atPath: "/usr/bin/chromium"),
      fm.isExecutableFile(atPath: "/usr/bin/chromedriver")
    else { return false }
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    p.arguments = ["python3", "-c", "import selenium"]
    p.standardError = Pipe()
    guard (try? p.run()) != nil else { return false }
    p.waitUntilExit()
    return p.terminationStatus == 0
  }()

  @Test(.enabled(if: available)) func openedAndSavedLessonsDisplayWhenTheNetworkIsCut() throws {
    let server = try TestServer()
    defer { server.stop() }
    let file = server.dataDirectory.appendingPathComponent("offline.py")
    try Data(Self.script.utf8).write(to: file)
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    p.arguments = ["timeout", "120", "python3", file.path, "http://127.0.0.1:\(server.port)"]
    let output = Pipe()
    p.standardOutput = output
    let log = server.dataDirectory.appendingPathComponent("offline.log")
    FileManager.default.createFile(atPath: log.path, contents: nil)
    p.standardError = try FileHandle(forWritingTo: log)
    try p.run()
    let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    p.waitUntilExit()
    let last = try #require(
      text.split(separator: "\n").last.map(String.init),
      "no result; browser log: \((try? String(contentsOf: log, encoding: .utf8))?.suffix(1500) ?? "")"
    )
    let r = try #require(try JSONSerialization.jsonObject(with: Data(last.utf8)) as? [String: Any])
    #expect(r["controlled"] as? Bool == true)
    #expect((r["button"] as? String)?.hasPrefix("Download this module (about ") == true)
    #expect(
      (r["saveStatus"] as? String)?.hasPrefix(
        "Downloaded: this module can be read without a connection") == true)
    #expect(r["cut"] as? Bool == true)
    #expect(r["frenchOnline"] as? String == "fr")
    #expect(r["offlinePost"] as? String == "Vous êtes hors ligne")
    // The downloaded module follows the language the learner read last (French, switched to
    // before the cut): the module page brought the stored copy up to date.
    let first = try #require(
      server.academy.catalog.module("fact-checking")?.lessons.first?.text[.fr]?.title)
    #expect(r["firstTitle"] as? String != first)
    #expect(r["offlineFirst"] as? String == first)
    #expect((r["offlineLast"] as? String)?.isEmpty == false)
    #expect(r["offlineQuiz"] as? String == "Ce quiz a besoin du réseau")
    #expect(r["offlineOther"] as? String == "Vous êtes hors ligne")
    let listed = try #require(r["offlineList"] as? [String])
    #expect(listed.count == (r["lessons"] as? [String])?.count)
    #expect(listed.contains(first))
    #expect(r["css"] as? String == "rgb(11, 61, 102)")  // the stylesheet came from the cache
  }

  static let script = #"""
    import json, sys, time
    from selenium import webdriver
    from selenium.webdriver.chrome.options import Options
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By

    import socket, threading

    class Proxy:
        """A TCP relay in front of the server: cutting it closes every connection at once, as
        a lost network does (the browser's kept-alive connections included)."""
        def __init__(self, port):
            self.target = port
            self.closed = False
            self.socks = []
            self.lock = threading.Lock()
            self.listener = socket.socket()
            self.listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            self.listener.bind(("127.0.0.1", 0))
            self.listener.listen(64)
            self.port = self.listener.getsockname()[1]
            threading.Thread(target=self.accept, daemon=True).start()

        def accept(self):
            while True:
                try:
                    c, _ = self.listener.accept()
                except OSError:
                    return
                if self.closed:
                    c.close()
                    return
                try:
                    u = socket.create_connection(("127.0.0.1", self.target))
                except OSError:
                    c.close()
                    continue
                with self.lock:
                    self.socks += [c, u]
                for a, b in ((c, u), (u, c)):
                    threading.Thread(target=self.pipe, args=(a, b), daemon=True).start()

        def pipe(self, a, b):
            try:
                while True:
                    data = a.recv(65536)
                    if not data:
                        break
                    b.sendall(data)
            except OSError:
                pass
            for x in (a, b):
                try:
                    x.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass

        def cut(self):
            self.closed = True
            try:
                self.listener.shutdown(socket.SHUT_RDWR)  # wakes the blocked accept()
            except OSError:
                pass
            self.listener.close()
            with self.lock:
                for x in self.socks:
                    try:
                        x.shutdown(socket.SHUT_RDWR)
                        x.close()
                    except OSError:
                        pass

    proxy = Proxy(int(sys.argv[1].rsplit(":", 1)[1]))
    base = "http://127.0.0.1:%d" % proxy.port
    o = Options()
    o.binary_location = "/usr/bin/chromium"
    for a in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=360,740", "--lang=" + (sys.argv[2] if len(sys.argv) > 2 else "en")]:
        o.add_argument(a)
    d = webdriver.Chrome(options=o, service=Service("/usr/bin/chromedriver"))
    d.set_page_load_timeout(20)
    out = {}


    def switch(lang):
        """Presses a language button and waits for the page it leads to."""
        d.find_element(By.CSS_SELECTOR, "form.lang button[value=%s]" % lang).click()
        for _ in range(100):
            try:
                if d.execute_script("return document.readyState") == "complete" and d.find_element(By.TAG_NAME, "html").get_attribute("lang") == lang:
                    return lang
            except Exception:
                pass
            time.sleep(0.1)
        return d.find_element(By.TAG_NAME, "html").get_attribute("lang")


    try:
        d.get(base + "/modules/fact-checking")
        out["controlled"] = d.execute_async_script("""
          var done = arguments[0];
          navigator.serviceWorker.ready.then(function () {
            if (navigator.serviceWorker.controller) return done(true);
            navigator.serviceWorker.addEventListener('controllerchange', function () { done(true); });
            setTimeout(function () { done(!!navigator.serviceWorker.controller); }, 5000);
          });""")
        links = [a.get_attribute("href") for a in d.find_elements(By.CSS_SELECTOR, "ol.lessons a")]
        out["lessons"] = links
        d.get(links[0])
        out["firstTitle"] = d.find_element(By.TAG_NAME, "h1").text
        time.sleep(0.5)
        d.get(base + "/modules/fact-checking")
        buttons = []
        for _ in range(100):  # shown once the module's size is known
            buttons = [b for b in d.find_elements(By.TAG_NAME, "button") if b.text.startswith("Download this module")]
            if buttons: break
            time.sleep(0.1)
        out["button"] = buttons[0].text if buttons else None
        if buttons:
            buttons[0].click()
            for _ in range(100):
                s = d.find_element(By.CSS_SELECTOR, "p[role=status]").text
                if s.startswith("Downloaded"): break
                time.sleep(0.1)
            out["saveStatus"] = s
        # A form POSTed through the worker still works online (the language switch).
        out["frenchOnline"] = switch("fr")
        switch("en")  # and back
        switch("fr")  # the learner reads French when the network goes
        time.sleep(0.5)  # the page tells the worker its language
        for _ in range(100):  # the module page brings the download to French
            lang = d.execute_async_script("""
              var done = arguments[0];
              caches.open('relais-pages').then(function (c) { return c.match('/offline/fact-checking'); })
                .then(function (r) { return r ? r.json() : null; }).then(function (m) { done(m && m.lang); });""")
            if lang == "fr": break
            time.sleep(0.1)
        proxy.cut()
        import urllib.request
        try:
            urllib.request.urlopen(base + "/healthz", timeout=3)
            out["cut"] = False
        except Exception:
            out["cut"] = True
        d.get(base + "/modules/fact-checking/quiz")
        out["offlineQuiz"] = d.find_element(By.TAG_NAME, "h1").text
        d.get(base + "/privacy")
        out["offlineOther"] = d.find_element(By.TAG_NAME, "h1").text
        # The offline pages follow the language of the last page shown.
        d.get(links[0])
        out["offlineFirst"] = d.find_element(By.TAG_NAME, "h1").text
        d.get(links[-1])
        out["offlineLast"] = d.find_element(By.TAG_NAME, "h1").text
        time.sleep(0.3)
        d.get(links[0])
        d.find_element(By.CSS_SELECTOR, "form.lang button[value=fr]").click()
        for _ in range(100):
            try:
                out["offlinePost"] = d.find_element(By.TAG_NAME, "h1").text
                if out["offlinePost"] != out["offlineFirst"]:
                    break
            except Exception:
                pass
            time.sleep(0.1)
        d.get(base + "/offline")
        time.sleep(0.5)
        out["offlineList"] = [li.text for li in d.find_elements(By.CSS_SELECTOR, "#offline-lessons li")]
        out["css"] = d.execute_script("return getComputedStyle(document.querySelector('header.top')).backgroundColor")
    finally:
        d.quit()
    print(json.dumps(out), flush=True)
    """#
}
