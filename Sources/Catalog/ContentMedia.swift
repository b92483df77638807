import Foundation

/// Pictures uploaded for lessons, kept under the module's `media/` folder.
extension CatalogLoader {
  /// `Photo de la Gare (1).JPG` → `photo-de-la-gare-1.jpg`: lower-case ASCII, dashes, one
  /// extension from the allowed list, never a path.
  public static func mediaFileName(_ original: String, bytes: [UInt8]) -> String? {
    let base =
      original.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
    guard let ext = imageExtension(bytes) else { return nil }
    var stem = base
    if let dot = stem.lastIndex(of: ".") { stem = String(stem[..<dot]) }
    let slug = slugify(stem)
    return (slug.isEmpty ? "image" : slug) + "." + ext
  }

  /// The extension matching the bytes: only PNG, JPEG and GIF (an SVG can carry script).
  static func imageExtension(_ b: [UInt8]) -> String? {
    if b.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return "png" }
    if b.starts(with: [0xFF, 0xD8, 0xFF]) { return "jpg" }
    if b.starts(with: Array("GIF87a".utf8)) || b.starts(with: Array("GIF89a".utf8)) { return "gif" }
    return nil
  }

  /// Stores an uploaded picture and returns its name under `media/`. Refuses pictures over
  /// `maxImageBytes`, files that are not PNG/JPEG/GIF, and names already taken.
  @discardableResult
  public func saveMedia(module: String, originalName: String, bytes: [UInt8]) throws -> String {
    let folder = try moduleFolder(module)
    guard FileManager.default.fileExists(atPath: folder.appendingPathComponent("module.md").path)
    else {
      throw AuthoringError("teach.error.noModule", "no module '\(module)'")
    }
    guard bytes.count <= Self.maxImageBytes else {
      throw AuthoringError(
        "teach.error.tooBig",
        "the picture is \(bytes.count / 1024) KB; the limit is \(Self.maxImageBytes / 1024) KB")
    }
    guard let name = Self.mediaFileName(originalName, bytes: bytes) else {
      throw AuthoringError(
        "teach.error.notImage", "only PNG, JPEG and GIF pictures can be uploaded")
    }
    let media = folder.appendingPathComponent("media")
    try FileManager.default.createDirectory(at: media, withIntermediateDirectories: true)
    try Self.writeBytes(bytes, to: media.appendingPathComponent(name), mode: .create)
    return name
  }
}
