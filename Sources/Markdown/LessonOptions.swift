/// How a lesson is rendered for learners (the safe path).
public struct LessonOptions: Sendable {
  /// Called for every link destination and image source (percent-decoded, as written);
  /// return a replacement (e.g. `02-lateral-reading.md` →
  /// `/modules/fact-checking/02-lateral-reading`) or nil to keep it. A kept destination with
  /// an unsafe scheme (`javascript:`, `data:` except raster images) is neutralized.
  public var rewriteLink: (@Sendable (String) -> String?)?
  /// Called for every image source; return its pixel size when the file is local.
  public var imageSize: (@Sendable (String) -> (width: Int, height: Int)?)?
  /// Hosts whose `<iframe>` embeds survive sanitizing (none by default).
  public var allowedIframeHosts: [String] = []

  public init(
    rewriteLink: (@Sendable (String) -> String?)? = nil,
    imageSize: (@Sendable (String) -> (width: Int, height: Int)?)? = nil,
    allowedIframeHosts: [String] = []
  ) {
    self.rewriteLink = rewriteLink
    self.imageSize = imageSize
    self.allowedIframeHosts = allowedIframeHosts
  }
}

/// A rendered lesson and what it points at (for `relais check`).
public struct RenderedLesson: Sendable {
  public var html: String
  /// Link destinations as written, with the 1-based source line.
  public var links: [SourceReference]
  public var images: [SourceReference]
  public var headings: [Heading]

  public init(
    html: String, links: [SourceReference], images: [SourceReference], headings: [Heading]
  ) {
    self.html = html
    self.links = links
    self.images = images
    self.headings = headings
  }
}

public struct SourceReference: Sendable, Equatable {
  public var destination: String
  public var line: Int
  public init(destination: String, line: Int) {
    self.destination = destination
    self.line = line
  }
}

public struct Heading: Sendable, Equatable {
  public var level: Int
  public var text: String
  public var id: String
  public init(level: Int, text: String, id: String) {
    self.level = level
    self.text = text
    self.id = id
  }
}
