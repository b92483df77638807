import Academy
import HTTPServer

/// Routes of this area (see DESIGN.md's URL map).
enum ManageRoutes {
  static func routes(_ app: App) -> [Route] { [] }
}
