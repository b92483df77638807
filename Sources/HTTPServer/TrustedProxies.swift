#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The reverse proxies (as CIDR blocks) whose `Forwarded` / `X-Forwarded-For` headers are
/// believed. Anyone can send those headers, so they count only when the connection comes from
/// a trusted proxy, and then only the hops trusted proxies appended: the client is the
/// right-most address that is not itself a trusted proxy.
public struct TrustedProxies: Sendable {
  struct Block: Sendable, Equatable {
    var bytes: [UInt8]  // 4 (IPv4) or 16 (IPv6)
    var prefix: Int

    func contains(_ address: [UInt8]) -> Bool {
      guard address.count == bytes.count else { return false }
      var left = prefix
      for i in bytes.indices where left > 0 {
        let bits = min(8, left)
        let mask = UInt8(truncatingIfNeeded: 0xFF << (8 - bits))
        if address[i] & mask != bytes[i] & mask { return false }
        left -= bits
      }
      return true
    }
  }

  public struct BadBlock: Error, CustomStringConvertible {
    public let text: String
    public var description: String {
      "'\(text)' is not an address or CIDR block (like 10.0.0.0/8 or ::1/128)"
    }
  }

  let blocks: [Block]
  public static let none = TrustedProxies(blocks: [])
  private init(blocks: [Block]) { self.blocks = blocks }
  public var isEmpty: Bool { blocks.isEmpty }

  /// `cidrs` like `127.0.0.1`, `10.0.0.0/8`, `fd00::/8` (no prefix: that one address).
  public init(_ cidrs: [String]) throws {
    blocks = try cidrs.map { text in
      let parts = text.split(separator: "/", omittingEmptySubsequences: false)
      guard parts.count <= 2, let bytes = Self.parse(String(parts[0])) else {
        throw BadBlock(text: text)
      }
      var prefix = bytes.count * 8
      if parts.count == 2 {
        guard parts[1].count <= 3, let n = Int(parts[1]), (0...bytes.count * 8).contains(n) else {
          throw BadBlock(text: text)
        }
        prefix = n
      }
      return Block(bytes: bytes, prefix: prefix)
    }
  }

  public func contains(_ address: String) -> Bool {
    guard let bytes = Self.parse(address) else { return false }
    return blocks.contains { $0.contains(bytes) }
  }

  /// The client's address: `peer` unless `peer` is a trusted proxy; then the right-most
  /// forwarded hop that is not trusted (or, if every hop is trusted, the left-most one).
  /// A hop that is not an address (`unknown`, an obfuscated name) ends the walk at the last
  /// proxy that vouched for it.
  public func client(peer: String, headers: HTTPHeaders) -> String {
    guard !blocks.isEmpty, contains(peer) else { return peer }
    let forwarded = headers.values("Forwarded")
    let hops =
      forwarded.isEmpty
      ? Self.forwardedFor(headers.values("X-Forwarded-For")) : Self.rfc7239For(forwarded)
    var client = peer
    for hop in hops.reversed() {
      guard let bytes = Self.parse(hop) else { return client }
      client = Self.format(bytes) ?? hop
      if !blocks.contains(where: { $0.contains(bytes) }) { return client }
    }
    return client
  }

  /// `X-Forwarded-For: a, b, c` (over one or several fields), in order.
  static func forwardedFor(_ values: [String]) -> [String] {
    values.flatMap { $0.split(separator: ",") }.map { Self.stripPort(trimmed($0)) }
  }

  /// The `for=` of each element of `Forwarded` (RFC 7239), in order; an element without one
  /// counts as an unknown hop.
  static func rfc7239For(_ values: [String]) -> [String] {
    var out: [String] = []
    for value in values {
      for element in value.split(separator: ",") {
        var found = "unknown"
        for pair in element.split(separator: ";") {
          let kv = pair.split(separator: "=", maxSplits: 1)
          guard kv.count == 2, trimmed(kv[0]).lowercased() == "for" else { continue }
          var v = trimmed(kv[1])
          if v.count >= 2, v.hasPrefix("\""), v.hasSuffix("\"") {
            v = String(v.dropFirst().dropLast())
          }
          found = stripPort(v)
        }
        out.append(found)
      }
    }
    return out
  }

  private static func trimmed(_ s: Substring) -> String {
    var t = s
    while let c = t.first, c == " " || c == "\t" { t = t.dropFirst() }
    while let c = t.last, c == " " || c == "\t" { t = t.dropLast() }
    return String(t)
  }

  /// `[2001:db8::1]:4711` → `2001:db8::1`; `192.0.2.1:80` → `192.0.2.1`.
  static func stripPort(_ s: String) -> String {
    if s.hasPrefix("["), let end = s.firstIndex(of: "]") {
      return String(s[s.index(after: s.startIndex)..<end])
    }
    if s.filter({ $0 == ":" }).count == 1, let colon = s.firstIndex(of: ":") {
      return String(s[..<colon])
    }
    return s
  }

  /// IPv4 as 4 bytes, IPv6 as 16 (an IPv4-mapped IPv6 address as its 4), else nil.
  static func parse(_ s: String) -> [UInt8]? {
    guard !s.isEmpty, s.utf8.count <= 64, !s.utf8.contains(0) else { return nil }
    var v4 = in_addr()
    if inet_pton(AF_INET, s, &v4) == 1 {
      return withUnsafeBytes(of: &v4) { Array($0) }
    }
    var v6 = in6_addr()
    guard inet_pton(AF_INET6, s, &v6) == 1 else { return nil }
    let bytes = withUnsafeBytes(of: &v6) { Array($0) }
    if bytes[0..<10].allSatisfy({ $0 == 0 }) && bytes[10] == 0xFF && bytes[11] == 0xFF {
      return Array(bytes[12..<16])
    }
    return bytes
  }

  /// The canonical text of an address from `parse`.
  static func format(_ bytes: [UInt8]) -> String? {
    var text = [CChar](repeating: 0, count: Int(INET6_ADDRSTRLEN) + 1)
    let ok = bytes.withUnsafeBytes { raw -> Bool in
      guard let base = raw.baseAddress else { return false }
      let family = bytes.count == 4 ? AF_INET : AF_INET6
      return inet_ntop(family, base, &text, socklen_t(text.count)) != nil
    }
    guard ok else { return nil }
    return text.withUnsafeBufferPointer { p in p.baseAddress.map { String(cString: $0) } }
  }
}
