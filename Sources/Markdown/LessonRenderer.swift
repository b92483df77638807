/// The lesson-only parts of rendering (placeholder hooks; filled in by the sanitizer step).
struct LessonRenderer {
  let options: LessonOptions
  var links: [SourceReference] = []
  var images: [SourceReference] = []
  var headings: [Heading] = []

  init(options: LessonOptions) { self.options = options }

  mutating func sanitize(_ html: ArraySlice<UInt8>, into out: inout [UInt8]) {
    HTMLRenderer.escape(html, into: &out)
  }
  mutating func link(_ node: Node) -> [UInt8] { node.destination }
  mutating func image(_ node: Node) -> [UInt8] { node.destination }
  mutating func imageAttributes(_ node: Node, into out: inout [UInt8]) {}
  mutating func headingID(_ node: Node) -> [UInt8]? { nil }
  mutating func closeOpenTags(into out: inout [UInt8]) {}
}
