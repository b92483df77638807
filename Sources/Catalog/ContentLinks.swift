/// How a link or image written in a lesson maps to a URL of the site, and whether it points
/// at something that exists.
enum ContentLink {
  case external
  case anchor
  case lesson(module: String, lesson: String, fragment: String)
  case page(slug: String, fragment: String)
  case media(module: String, file: String)
  case unknown

  /// Classifies `destination` as written in a file of module `module` (nil for top-level pages).
  static func classify(_ destination: String, module: String?) -> ContentLink {
    let d = destination
    if d.hasPrefix("#") { return .anchor }
    if let colon = d.firstIndex(of: ":"), !d[..<colon].contains("/") { return .external }
    if d.hasPrefix("//") { return .external }
    var path = d
    var fragment = ""
    if let hash = d.firstIndex(of: "#") {
      path = String(d[..<hash])
      fragment = String(d[hash...])
    }
    var parts = path.split(separator: "/").map(String.init)
    var inModule = module
    if parts.first == "." { parts.removeFirst() }
    if parts.first == ".." {
      parts.removeFirst()
      inModule = nil
    }
    if inModule == nil, parts.count == 2, parts[1].hasSuffix(".md") {
      inModule = parts.removeFirst()
    }
    if let m = inModule {
      if parts.count == 2, parts[0] == "media" { return .media(module: m, file: parts[1]) }
      if parts.count == 1, parts[0].hasSuffix(".md") {
        return .lesson(module: m, lesson: lessonSlug(parts[0]), fragment: fragment)
      }
      return .unknown
    }
    if parts.count == 1, parts[0].hasSuffix(".md") {
      return .page(slug: lessonSlug(parts[0]), fragment: fragment)
    }
    return .unknown
  }

  /// `02-lateral-reading.fr.md` → `02-lateral-reading`.
  static func lessonSlug(_ file: String) -> String {
    let stem = String(file.dropLast(3))
    guard let dot = stem.lastIndex(of: "."),
      Language(rawValue: String(stem[stem.index(after: dot)...])) != nil
    else { return stem }
    return String(stem[..<dot])
  }

  /// The site URL, or nil to leave the destination as written.
  var url: String? {
    switch self {
    case .lesson(let m, let l, let f): return "/modules/\(m)/\(l)\(f)"
    case .page(let s, let f): return "/pages/\(s)\(f)"
    case .media(let m, let file): return "/media/\(m)/\(file)"
    case .external, .anchor, .unknown: return nil
    }
  }
}
