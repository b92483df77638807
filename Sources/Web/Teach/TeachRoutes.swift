import Academy
import HTTPServer

/// Routes of this area (see DESIGN.md's URL map).
enum TeachRoutes {
  static func routes(_ app: App) -> [Route] { [] }
}
