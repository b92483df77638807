import Glibc
import Synchronization
import Testing

@testable import HTTPServer

/// The client's address behind a reverse proxy: forwarding headers count only from a
/// trusted peer, and only the hops trusted proxies added.
@Suite struct TrustedProxiesTests {
  let proxies: TrustedProxies
  init() throws { proxies = try TrustedProxies(["127.0.0.1", "10.0.0.0/8", "fd00::/8"]) }

  func headers(_ fields: [(String, String)]) -> HTTPHeaders { HTTPHeaders(fields) }

  @Test func anUntrustedPeerIsTheClientWhateverItClaims() {
    let h = headers([("X-Forwarded-For", "1.2.3.4"), ("Forwarded", "for=5.6.7.8")])
    #expect(proxies.client(peer: "203.0.113.9", headers: h) == "203.0.113.9")
    #expect(TrustedProxies.none.client(peer: "127.0.0.1", headers: h) == "127.0.0.1")
  }

  @Test func theRightMostUntrustedHopIsTheClient() {
    // The client sent a made-up first hop; our proxies appended the real ones.
    let h = headers([("X-Forwarded-For", "6.6.6.6, 198.51.100.7, 10.1.2.3")])
    #expect(proxies.client(peer: "127.0.0.1", headers: h) == "198.51.100.7")
    let split = headers([("X-Forwarded-For", "6.6.6.6"), ("X-Forwarded-For", "198.51.100.7")])
    #expect(proxies.client(peer: "10.0.0.1", headers: split) == "198.51.100.7")
  }

  @Test func forwardedWinsAndItsQuotedIPv6AndPortsAreRead() {
    let h = headers([
      ("X-Forwarded-For", "9.9.9.9"),
      ("Forwarded", "for=6.6.6.6, for=\"[2001:db8:cafe::17]:4711\";proto=https;by=10.0.0.2"),
    ])
    #expect(proxies.client(peer: "127.0.0.1", headers: h) == "2001:db8:cafe::17")
    let v4 = headers([("Forwarded", "For=\"192.0.2.60:8080\"")])
    #expect(proxies.client(peer: "127.0.0.1", headers: v4) == "192.0.2.60")
  }

  @Test func everyHopTrustedGivesTheLeftMost() {
    let h = headers([("X-Forwarded-For", "10.9.9.9, fd00::5")])
    #expect(proxies.client(peer: "127.0.0.1", headers: h) == "10.9.9.9")
  }

  @Test func aHopThatIsNotAnAddressStopsAtTheProxyThatVouchedForIt() {
    for value in ["unknown", "_hidden", "", "999.1.1.1", String(repeating: "a", count: 10_000)] {
      let h = headers([("X-Forwarded-For", value)])
      #expect(proxies.client(peer: "127.0.0.1", headers: h) == "127.0.0.1", "\(value.prefix(20))")
    }
    let f = headers([("Forwarded", "proto=https")])
    #expect(proxies.client(peer: "10.0.0.7", headers: f) == "10.0.0.7")
  }

  @Test func noHeaderMeansThePeer() {
    #expect(proxies.client(peer: "127.0.0.1", headers: headers([])) == "127.0.0.1")
  }

  @Test func blocksAreCheckedWhenGiven() {
    for bad in ["", "10.0.0.0/33", "10.0.0.0/", "nope", "::1/129", "1.2.3.4/8/8", "10.0.0.0/-1"] {
      #expect(throws: TrustedProxies.BadBlock.self, "\(bad)") { try TrustedProxies([bad]) }
    }
    let p = try? TrustedProxies(["192.168.0.0/16", "::1", "0.0.0.0/0"])
    #expect(p?.contains("203.0.113.1") == true)
    #expect(p?.contains("::1") == true)
    #expect(p?.contains("::2") == false)
    #expect(p?.contains("::ffff:192.168.4.4") == true)
  }

  /// Through a real server: the handler and the access log see the forwarded client.
  @Test func handlersAndTheAccessLogSeeTheForwardedClient() throws {
    let logged = Mutex<[String]>([])
    var router = Router()
    router.get("/who") { req in .text("\(req.remoteAddress) via \(req.peerAddress)") }
    try withServer(
      router,
      configure: {
        $0.trustedProxies = proxies
        $0.accessLog = { e in logged.withLock { $0.append(e.client) } }
      }
    ) { port, _ in
      let c = try RawClient(port: port)
      c.send("GET /who HTTP/1.1\r\nHost: x\r\nX-Forwarded-For: 6.6.6.6, 198.51.100.7\r\n\r\n")
      #expect(c.readResponse()?.text == "198.51.100.7 via 127.0.0.1")
      for _ in 0..<100 where logged.withLock({ $0.isEmpty }) { usleep(5_000) }
      #expect(logged.withLock { $0 } == ["198.51.100.7"])
    }
  }
}
