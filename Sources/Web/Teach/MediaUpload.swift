import Academy
import Catalog
import Foundation
import HTTPServer

/// Picture uploads for a module's lessons (`multipart/form-data`): at most 60 KB, PNG, JPEG
/// or GIF, stored under `Curriculum/m/media/` with a sanitised name. The route accepts
/// bodies up to 1 MB so that a too-large picture gets a clear message instead of a 413.
enum MediaUpload {
  static func upload(_ app: App, _ ctx: inout Context) throws -> HTTPResponse {
    let m = try TeachRoutes.moduleSlug(app, ctx)
    guard let parts = ctx.request.multipartParts(),
      let file = parts.first(where: { $0.name == "file" && $0.filename != nil }),
      !file.bytes.isEmpty
    else { return page(ctx, m, ok: false, message: ctx.t("teach.error.noFile")) }
    do {
      let name = try app.academy.content.loader.saveMedia(
        module: m, originalName: file.filename ?? "", bytes: file.bytes)
      try app.academy.audit(
        actor: ctx.user?.id, action: "content.media", subject: "Curriculum/\(m)/media/\(name)",
        detail: "\(file.bytes.count) bytes")
      return .redirect(to: "/teach?done=uploaded#m-\(m)")
    } catch let e as AuthoringError {
      let message: String
      switch e.key {
      case "teach.error.tooBig":
        message = ctx.t(
          e.key, String((file.bytes.count + 1023) / 1024),
          String(CatalogLoader.maxImageBytes / 1024))
      default: message = ctx.t(e.key)
      }
      return page(
        ctx, m, ok: false, message: message, status: e.key == "teach.error.tooBig" ? 413 : 400)
    }
  }

  /// Why the picture was refused (a stored picture goes back to the tree, which lists it).
  static func page(_ ctx: Context, _ m: String, ok: Bool, message: String, status: Int = 400)
    -> HTTPResponse
  {
    let body: HTML = """
      <h1>\(ctx.t("teach.upload"))</h1>
      <div class="\(ok ? "ok" : "bad")" role="\(ok ? "status" : "alert")"><p>\(message)</p></div>
      <p><a href="/teach#m-\(m)">\(ctx.t("teach.back"))</a></p>
      """
    return .page(Layout.page(ctx, title: ctx.t("teach.upload"), body), status: status)
  }
}
