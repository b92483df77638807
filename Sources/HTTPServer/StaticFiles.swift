import Synchronization

#if canImport(Glibc)
  import Glibc
#endif

/// Serves files under one root directory. No request path can leave the root: dot segments,
/// hidden names, backslashes and NUL are refused before touching the disk, and the resolved
/// path (symlinks followed) must still lie under the root.
///
/// Fingerprinted names (`app.3f2a9c1b07de.css` for `app.css`, see `fingerprintedPath`) are
/// cached by browsers for a year as `immutable`; other files get `maxAgeSeconds` and revalidate
/// with `ETag`/`If-None-Match` → 304.
public final class StaticFiles: Sendable {
  public let root: String
  public let maxAgeSeconds: Int
  private let cache = Mutex<(files: [String: CachedFile], bytes: Int)>(([:], 0))
  static let maxCachedFile = 1 << 20
  static let maxCacheBytes = 16 << 20

  struct CachedFile: Sendable {
    var bytes: [UInt8]
    var modified: Int
    var size: Int
    var hash: String
  }

  /// - Parameter root: an existing directory; it is resolved once, symlinks included.
  public init(root: String, maxAgeSeconds: Int = 300) {
    var resolved = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
    if realpath(root, &resolved) != nil {
      self.root = resolved.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
    } else {
      self.root = root
    }
    self.maxAgeSeconds = maxAgeSeconds
  }

  /// The response for `relativePath` (what a `*path` route parameter captured).
  public func response(for request: HTTPRequest, path relativePath: String) -> HTTPResponse {
    guard request.method == "GET" || request.method == "HEAD" else {
      var r = HTTPResponse.text("Method not allowed\n", status: 405)
      r.headers.add("Allow", "GET, HEAD")
      return r
    }
    guard let safe = Self.safeRelativePath(relativePath) else { return Self.notFound }
    var immutable = false
    var file = load(safe)
    if file == nil, let (original, hash) = Self.splitFingerprint(safe) {
      file = load(original)
      immutable = file.map { $0.hash.hasPrefix(hash) } ?? false
    }
    guard let file else { return Self.notFound }
    let etag = "\"\(file.hash)\""
    var headers = HTTPHeaders()
    headers.add("ETag", etag)
    headers.add(
      "Cache-Control",
      immutable ? "public, max-age=31536000, immutable" : "public, max-age=\(maxAgeSeconds)")
    if let inm = request.headers["If-None-Match"], Self.matches(inm, etag: etag) {
      return HTTPResponse(status: 304, headers: headers, body: [])
    }
    headers.add("Content-Type", MIMETypes.forPath(safe))
    return HTTPResponse(status: 200, headers: headers, body: file.bytes)
  }

  /// `css/app.css` → `css/app.3f2a9c1b07de.css` (a hash of its content), or nil when the file
  /// does not exist. Pages link to this name; the browser never asks twice.
  public func fingerprintedPath(_ relativePath: String) -> String? {
    guard let safe = Self.safeRelativePath(relativePath), let file = load(safe) else { return nil }
    let short = String(file.hash.prefix(12))
    let slash = safe.lastIndex(of: "/").map { safe.index(after: $0) } ?? safe.startIndex
    if let dot = safe[slash...].lastIndex(of: "."), dot != slash {
      return String(safe[..<dot]) + "." + short + String(safe[dot...])
    }
    return safe + "." + short
  }

  /// Size and content hash of a file under the root (for manifests listing files to fetch),
  /// nil when there is no such file.
  public func fileInfo(_ relativePath: String) -> (bytes: Int, hash: String)? {
    guard let safe = Self.safeRelativePath(relativePath), let file = load(safe) else { return nil }
    return (file.size, file.hash)
  }

  static let notFound = HTTPResponse.text("Not found\n", status: 404)

  /// Nil for anything that is not a plain path of visible names under the root.
  static func safeRelativePath(_ path: String) -> String? {
    if path.utf8.contains(0) || path.contains("\\") || path.utf8.count > 1024 { return nil }
    let parts = path.split(separator: "/", omittingEmptySubsequences: true)
    if parts.isEmpty { return nil }
    for part in parts where part.hasPrefix(".") || part.contains(":") { return nil }
    return parts.joined(separator: "/")
  }

  /// `app.3f2a9c1b07de.css` → (`app.css`, `3f2a9c1b07de`).
  static func splitFingerprint(_ path: String) -> (String, String)? {
    let slash = path.lastIndex(of: "/").map { path.index(after: $0) } ?? path.startIndex
    let name = path[slash...]
    let pieces = name.split(separator: ".", omittingEmptySubsequences: false)
    guard pieces.count >= 2 else { return nil }
    let hashIndex = pieces.count >= 3 ? pieces.count - 2 : pieces.count - 1
    let hash = pieces[hashIndex]
    guard hash.count == 12, hash.utf8.allSatisfy({ HTTPSyntax.hexValue($0) != nil }) else {
      return nil
    }
    var rest = Array(pieces)
    rest.remove(at: hashIndex)
    return (String(path[..<slash]) + rest.joined(separator: "."), String(hash))
  }

  static func matches(_ ifNoneMatch: String, etag: String) -> Bool {
    for candidate in ifNoneMatch.split(separator: ",") {
      var c = candidate.trimmingSpaces
      if c == "*" { return true }
      if c.hasPrefix("W/") { c.removeFirst(2) }
      // The gzipped representation's tag (see Gzip.apply) names the same file.
      if c.hasSuffix("-gz\"") { c = String(c.dropLast(4)) + "\"" }
      if c == etag { return true }
    }
    return false
  }

  /// Reads a regular file under the root, from the cache while its size and mtime hold.
  private func load(_ relative: String) -> CachedFile? {
    let full = root + "/" + relative
    var resolved = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
    guard realpath(full, &resolved) != nil else { return nil }
    let real = resolved.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
    guard real.hasPrefix(root + "/") else { return nil }
    var st = stat()
    guard stat(real, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG else { return nil }
    let modified = Int(st.st_mtim.tv_sec) &* 1_000_000_000 &+ Int(st.st_mtim.tv_nsec)
    let size = Int(st.st_size)
    if let hit = cache.withLock({ $0.files[real] }), hit.modified == modified, hit.size == size {
      return hit
    }
    guard let bytes = Self.readFile(real, size: size) else { return nil }
    let file = CachedFile(
      bytes: bytes, modified: modified, size: size, hash: Self.contentHash(bytes))
    if size <= Self.maxCachedFile {
      cache.withLock { c in
        let total = c.bytes - (c.files[real]?.size ?? 0) + size
        if total <= Self.maxCacheBytes {
          c.files[real] = file
          c.bytes = total
        }
      }
    }
    return file
  }

  private static func readFile(_ path: String, size: Int) -> [UInt8]? {
    let fd = open(path, O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else { return nil }
    defer { close(fd) }
    var bytes = [UInt8](repeating: 0, count: size)
    var done = 0
    while done < size {
      let n = bytes.withUnsafeMutableBytes { read(fd, $0.baseAddress! + done, size - done) }
      if n <= 0 { return nil }
      done += n
    }
    return bytes
  }

  /// Two FNV-1a 64-bit hashes with different seeds: not cryptographic, but 128 bits make an
  /// accidental collision between versions of one file negligible.
  static func contentHash(_ bytes: [UInt8]) -> String {
    var a: UInt64 = 0xcbf2_9ce4_8422_2325
    var b: UInt64 = 0x6c62_272e_07bb_0142
    for byte in bytes {
      a = (a ^ UInt64(byte)) &* 0x100_0000_01b3
      b = (b ^ UInt64(byte)) &* 0x100_0000_01b3
    }
    func hex(_ v: UInt64) -> String {
      let s = String(v, radix: 16)
      return String(repeating: "0", count: 16 - s.count) + s
    }
    return hex(a) + hex(b)
  }
}
