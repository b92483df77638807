import Academy
import Catalog
import Foundation
import HTTPServer

/// `GET /media/:m/:file`: the pictures lessons show (links are rewritten to this address
/// by the catalog), read from `Curriculum/m/media/`. Served here because uploads and the
/// editor's preview need them; the names are checked so no other file can be read.
enum MediaFiles {
  static let types = [
    "png": "image/png", "jpg": "image/jpeg", "jpeg": "image/jpeg", "gif": "image/gif",
    "svg": "image/svg+xml",
  ]

  static func serve(_ app: App, _ ctx: inout Context) throws -> HTTPResponse {
    guard let m = ctx.request.parameters["m"], let file = ctx.request.parameters["file"],
      let folder = try? app.academy.content.loader.moduleFolder(m),
      let dot = file.lastIndex(of: "."),
      let type = types[file[file.index(after: dot)...].lowercased()],
      !file.hasPrefix("."),
      file.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "-_.".contains($0)) }),
      let data = FileManager.default.contents(
        atPath: folder.appendingPathComponent("media").appendingPathComponent(file).path)
    else { throw AcademyError.notFound }
    var r = HTTPResponse(status: 200, headers: HTTPHeaders(), body: [UInt8](data))
    r.headers.set("Content-Type", type)
    r.headers.set("Cache-Control", "public, max-age=3600")
    return r
  }
}
