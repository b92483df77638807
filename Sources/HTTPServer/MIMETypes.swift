/// Content types by file extension, for static files.
public enum MIMETypes {
  static let byExtension: [String: String] = [
    "html": "text/html; charset=utf-8", "htm": "text/html; charset=utf-8",
    "css": "text/css; charset=utf-8", "js": "text/javascript; charset=utf-8",
    "mjs": "text/javascript; charset=utf-8", "json": "application/json",
    "map": "application/json", "webmanifest": "application/manifest+json",
    "txt": "text/plain; charset=utf-8", "md": "text/markdown; charset=utf-8",
    "csv": "text/csv; charset=utf-8", "xml": "application/xml", "svg": "image/svg+xml",
    "png": "image/png", "jpg": "image/jpeg", "jpeg": "image/jpeg", "gif": "image/gif",
    "webp": "image/webp", "avif": "image/avif", "ico": "image/x-icon",
    "woff": "font/woff", "woff2": "font/woff2", "ttf": "font/ttf", "otf": "font/otf",
    "pdf": "application/pdf", "wasm": "application/wasm", "mp4": "video/mp4",
    "webm": "video/webm", "mp3": "audio/mpeg", "ogg": "audio/ogg", "vtt": "text/vtt",
  ]

  /// The type for a file name; unknown extensions are `application/octet-stream`.
  public static func forPath(_ path: String) -> String {
    guard let dot = path.lastIndex(of: "."), !path[dot...].contains("/") else {
      return "application/octet-stream"
    }
    let ext = HTTPSyntax.asciiLowercased(String(path[path.index(after: dot)...]))
    return byExtension[ext] ?? "application/octet-stream"
  }

  /// Worth compressing: text, JSON, JavaScript, XML, SVG.
  static func isCompressible(_ contentType: String) -> Bool {
    let t = HTTPSyntax.asciiLowercased(contentType)
    return t.hasPrefix("text/") || t.hasPrefix("application/json")
      || t.hasPrefix("application/javascript") || t.hasPrefix("application/xml")
      || t.hasPrefix("image/svg+xml") || t.hasPrefix("application/manifest+json")
  }
}
