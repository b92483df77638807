import CZlib
import Synchronization

/// gzip through the system zlib, for text responses to clients that accept it: a 12 KB
/// lesson page shrinks about fourfold, which matters most on metered phone data.
public enum Gzip {
  /// Compresses `bytes` into a gzip member, or nil if zlib fails.
  public static func compress(_ bytes: [UInt8], level: Int32 = 6) -> [UInt8]? {
    var stream = z_stream()
    // windowBits 15 + 16 asks zlib for a gzip header and trailer instead of zlib's.
    let rc = deflateInit2_(
      &stream, level, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY, ZLIB_VERSION,
      Int32(MemoryLayout<z_stream>.size))
    guard rc == Z_OK else { return nil }
    defer { deflateEnd(&stream) }
    var out = [UInt8](repeating: 0, count: Int(deflateBound(&stream, uLong(bytes.count))) + 32)
    let status = bytes.withUnsafeBufferPointer { input -> Int32 in
      out.withUnsafeMutableBufferPointer { output -> Int32 in
        stream.next_in = UnsafeMutablePointer(mutating: input.baseAddress)
        stream.avail_in = uInt(input.count)
        stream.next_out = output.baseAddress
        stream.avail_out = uInt(output.count)
        return deflate(&stream, Z_FINISH)
      }
    }
    guard status == Z_STREAM_END else { return nil }
    out.removeSubrange(Int(stream.total_out)...)
    return out
  }

  /// Decompresses a gzip member (for tests and tools).
  public static func decompress(_ bytes: [UInt8]) -> [UInt8]? {
    var stream = z_stream()
    guard inflateInit2_(&stream, 15 + 16, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK
    else { return nil }
    defer { inflateEnd(&stream) }
    var result: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 64 * 1024)
    var input = bytes
    return input.withUnsafeMutableBufferPointer { inp -> [UInt8]? in
      stream.next_in = inp.baseAddress
      stream.avail_in = uInt(inp.count)
      while true {
        let (rc, produced) = chunk.withUnsafeMutableBufferPointer { out -> (Int32, Int) in
          stream.next_out = out.baseAddress
          stream.avail_out = uInt(out.count)
          let rc = inflate(&stream, Z_NO_FLUSH)
          return (rc, out.count - Int(stream.avail_out))
        }
        result.append(contentsOf: chunk[0..<produced])
        if rc == Z_STREAM_END { return result }
        if rc != Z_OK { return nil }
      }
    }
  }

  /// True when `Accept-Encoding` allows gzip (a `q=0` refuses it).
  static func accepts(_ acceptEncoding: String?) -> Bool {
    guard let acceptEncoding else { return false }
    for item in acceptEncoding.split(separator: ",") {
      let pieces = item.split(separator: ";")
      let coding = HTTPSyntax.asciiLowercased(pieces.first?.trimmingSpaces ?? "")
      guard coding == "gzip" || coding == "x-gzip" || coding == "*" else { continue }
      let refused = pieces.dropFirst().contains { p in
        let t = p.trimmingSpaces.replacingSpaces
        return t == "q=0" || t == "q=0.0" || t == "q=0.00" || t == "q=0.000"
      }
      if !refused { return true }
    }
    return false
  }

  static let minimumSize = 1024

  /// Compressed bodies of responses that carry an ETag (static files): same ETag, same bytes,
  /// so each is compressed once.
  private static let byETag = Mutex<[String: [UInt8]]>([:])

  /// gzips a text response in place when worthwhile, adding `Content-Encoding` and `Vary`.
  static func apply(to response: inout HTTPResponse, acceptEncoding: String?) {
    guard response.status == 200, response.body.count >= minimumSize,
      let type = response.headers["Content-Type"], MIMETypes.isCompressible(type),
      response.headers["Content-Encoding"] == nil
    else { return }
    response.headers.add("Vary", "Accept-Encoding")
    guard accepts(acceptEncoding) else { return }
    let etag = response.headers["ETag"]
    var compressed = etag.flatMap { tag in byETag.withLock { $0[tag] } }
    if compressed == nil {
      compressed = compress(response.body)
      if let etag, let compressed {
        byETag.withLock { cache in
          if cache.count > 512 { cache.removeAll() }
          cache[etag] = compressed
        }
      }
    }
    guard let compressed, compressed.count < response.body.count else { return }
    response.body = compressed
    response.headers.set("Content-Encoding", "gzip")
    // A strong ETag names one representation; the gzipped one needs its own.
    if let etag, etag.hasSuffix("\"") {
      response.headers.set("ETag", String(etag.dropLast()) + "-gz\"")
    }
  }
}

extension StringProtocol {
  var replacingSpaces: String { String(self.filter { $0 != " " }) }
}
