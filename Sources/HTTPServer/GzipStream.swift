import CZlib

/// A gzip member compressed piece by piece, for streamed bodies: the whole body never exists
/// at once, so `Gzip.compress` cannot be used. Used by one producer thread only.
final class GzipStream {
  /// zlib keeps a pointer back to its `z_stream`, so the stream must not move: it lives on
  /// the heap rather than in a stored property.
  private let stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
  private var output = [UInt8](repeating: 0, count: 16 * 1024)
  private var ended = false

  init?(level: Int32 = 6) {
    stream.initialize(to: z_stream())
    // windowBits 15 + 16: a gzip header and trailer instead of zlib's.
    let rc = deflateInit2_(
      stream, level, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY, ZLIB_VERSION,
      Int32(MemoryLayout<z_stream>.size))
    guard rc == Z_OK else {
      stream.deallocate()
      return nil
    }
  }

  deinit {
    deflateEnd(stream)
    stream.deallocate()
  }

  /// Compresses `input`, handing compressed bytes to `sink` as zlib produces them.
  /// - Parameter mode: `Z_NO_FLUSH` (zlib may keep what it has), `Z_SYNC_FLUSH` (everything
  ///   so far becomes decodable now, at a few bytes' cost) or `Z_FINISH` (the member's end).
  func compress(
    _ input: UnsafeRawBufferPointer, mode: Int32,
    into sink: (UnsafeRawBufferPointer) throws -> Void
  ) throws {
    guard !ended else { return }
    stream.pointee.next_in = UnsafeMutablePointer(
      mutating: input.baseAddress?.assumingMemoryBound(to: Bytef.self))
    stream.pointee.avail_in = uInt(input.count)
    while true {
      let (rc, produced) = output.withUnsafeMutableBytes { out -> (Int32, Int) in
        stream.pointee.next_out = out.baseAddress?.assumingMemoryBound(to: Bytef.self)
        stream.pointee.avail_out = uInt(out.count)
        let rc = deflate(stream, mode)
        return (rc, out.count - Int(stream.pointee.avail_out))
      }
      if produced > 0 {
        try output.withUnsafeBytes { try sink(UnsafeRawBufferPointer(rebasing: $0[0..<produced])) }
      }
      if rc == Z_STREAM_END {
        ended = true
        return
      }
      // Z_BUF_ERROR only says no progress was possible: with all input taken, that is done.
      guard rc == Z_OK || rc == Z_BUF_ERROR else { throw GzipStreamFailed(code: rc) }
      // A full output buffer may mean more is waiting; otherwise all input is consumed.
      if produced < output.count && stream.pointee.avail_in == 0 && mode != Z_FINISH { return }
    }
  }
}

struct GzipStreamFailed: Error {
  let code: Int32
}

extension Gzip {
  /// Marks a streamed text response for gzip when the client accepts it; its producer then
  /// writes through a `GzipStream`. Streams are compressed whatever their size: it is unknown,
  /// and the ones worth streaming are large.
  static func apply(toStream response: inout HTTPResponse, acceptEncoding: String?) {
    guard let produce = response.stream, response.status == 200,
      let type = response.headers["Content-Type"], MIMETypes.isCompressible(type),
      response.headers["Content-Encoding"] == nil
    else { return }
    response.headers.add("Vary", "Accept-Encoding")
    guard accepts(acceptEncoding) else { return }
    response.headers.set("Content-Encoding", "gzip")
    if let etag = response.headers["ETag"], etag.hasSuffix("\"") {
      response.headers.set("ETag", String(etag.dropLast()) + "-gz\"")
    }
    response.stream = { writer in
      try writer.compressing()
      try produce(writer)
    }
  }
}

extension Gzip {
  /// Decompresses as much of an unfinished gzip member as can be decoded (for tests: what a
  /// client can read of a stream so far).
  static func decompressPrefix(_ bytes: [UInt8]) -> [UInt8]? {
    var stream = z_stream()
    guard inflateInit2_(&stream, 15 + 16, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK
    else { return nil }
    defer { inflateEnd(&stream) }
    var out = [UInt8](repeating: 0, count: 64 * 1024)
    var input = bytes
    let (rc, produced) = input.withUnsafeMutableBufferPointer { inp in
      out.withUnsafeMutableBufferPointer { o -> (Int32, Int) in
        stream.next_in = inp.baseAddress
        stream.avail_in = uInt(inp.count)
        stream.next_out = o.baseAddress
        stream.avail_out = uInt(o.count)
        let rc = inflate(&stream, Z_SYNC_FLUSH)
        return (rc, o.count - Int(stream.avail_out))
      }
    }
    guard rc == Z_OK || rc == Z_STREAM_END || rc == Z_BUF_ERROR else { return nil }
    return Array(out[0..<produced])
  }
}
