/// Charts drawn on the server as inline SVG. No style attributes (the CSP forbids inline
/// style): sizes and colours are SVG presentation attributes. Each chart is an image with
/// a text label, and the page puts the same numbers in a table next to it. Right to left, a
/// chart is drawn mirrored (labels on the right, bars growing leftwards, time running
/// right to left); the geometry is explicit, so the SVG itself stays `direction="ltr"`.
enum Charts {
  static let blue = "#0b5394"
  static let ink = "#1a1a1a"

  /// Horizontal bars, one per item, longest = `maxValue`.
  static func bars(
    label: String, _ items: [(String, Int)], maxValue: Int? = nil, rtl: Bool = false
  ) -> HTML {
    let top = max(1, maxValue ?? items.map(\.1).max() ?? 1)
    let rowHeight = 28
    let width = 320
    let labelWidth = 130
    var shapes: [HTML] = []
    for (i, item) in items.enumerated() {
      let y = i * rowHeight
      let fraction = max(0, min(1, Double(item.1) / Double(top)))
      let w = max(1, Int(fraction * Double(width - labelWidth - 50)))
      let name = String(item.0.prefix(22))
      if rtl {
        shapes.append(
          """
          <text x="\(width)" y="\(y + 18)" font-size="12" fill="\(ink)" text-anchor="end">\(name)</text>\
          <rect x="\(width - labelWidth - w)" y="\(y + 5)" width="\(w)" height="18" fill="\(blue)"></rect>\
          <text x="\(width - labelWidth - w - 4)" y="\(y + 18)" font-size="12" fill="\(ink)" text-anchor="end">\(item.1)</text>
          """)
      } else {
        shapes.append(
          """
          <text x="0" y="\(y + 18)" font-size="12" fill="\(ink)">\(name)</text>\
          <rect x="\(labelWidth)" y="\(y + 5)" width="\(w)" height="18" fill="\(blue)"></rect>\
          <text x="\(labelWidth + w + 4)" y="\(y + 18)" font-size="12" fill="\(ink)">\(item.1)</text>
          """)
      }
    }
    let height = max(rowHeight, items.count * rowHeight)
    return """
      <svg role="img" aria-label="\(label)" viewBox="0 0 \(width) \(height)" width="\(width)" height="\(height)" direction="ltr" xmlns="http://www.w3.org/2000/svg">\(shapes)</svg>
      """
  }

  /// A line over time (weeks), with a dot per point and the first and last labels. With
  /// `partialLast`, the last point is a period still running: its segment is dashed, its dot
  /// hollow, and it carries that label.
  static func line(
    label: String, _ points: [(String, Int)], partialLast: String? = nil, rtl: Bool = false
  ) -> HTML {
    let width = 320
    let height = 140
    let pad = 24
    let top = max(1, points.map(\.1).max() ?? 1)
    let step = points.count > 1 ? Double(width - 2 * pad) / Double(points.count - 1) : 0
    func x(_ i: Int) -> Int {
      rtl ? width - pad - Int(Double(i) * step) : pad + Int(Double(i) * step)
    }
    func y(_ v: Int) -> Int {
      height - pad - Int(Double(v) / Double(top) * Double(height - 2 * pad))
    }
    let partial = partialLast != nil && points.count > 1
    let solid = partial ? Array(points.dropLast()) : points
    let coords = solid.enumerated().map { "\(x($0.offset)),\(y($0.element.1))" }.joined(
      separator: " ")
    var shapes: [HTML] = [
      "<line x1=\"\(pad)\" y1=\"\(height - pad)\" x2=\"\(width - pad)\" y2=\"\(height - pad)\" stroke=\"#767676\" stroke-width=\"1\"></line>",
      "<polyline points=\"\(coords)\" fill=\"none\" stroke=\"\(blue)\" stroke-width=\"2\"></polyline>",
    ]
    let last = points.count - 1
    if partial, let label = partialLast {
      let a = last - 1
      shapes.append(
        "<line x1=\"\(x(a))\" y1=\"\(y(points[a].1))\" x2=\"\(x(last))\" y2=\"\(y(points[last].1))\" stroke=\"\(blue)\" stroke-width=\"2\" stroke-dasharray=\"4 3\"></line>"
      )
      // Above the point, towards the inside of the chart.
      shapes.append(
        "<text x=\"\(x(last))\" y=\"\(max(12, y(points[last].1) - 8))\" font-size=\"10\" fill=\"\(ink)\" text-anchor=\"\(rtl ? "start" : "end")\">\(label)</text>"
      )
    }
    for (i, p) in points.enumerated() {
      let hollow = partial && i == last
      shapes.append(
        "<circle cx=\"\(x(i))\" cy=\"\(y(p.1))\" r=\"\(hollow ? 4 : 3)\" fill=\"\(hollow ? "#fff" : blue)\" stroke=\"\(blue)\" stroke-width=\"\(hollow ? 2 : 0)\"></circle>"
      )
    }
    if let first = points.first, let last = points.last {
      let (start, end) = rtl ? ("end", "start") : ("start", "end")
      shapes.append(
        "<text x=\"\(x(0))\" y=\"\(height - 6)\" font-size=\"11\" fill=\"\(ink)\" text-anchor=\"\(start)\">\(first.0)</text>"
      )
      shapes.append(
        "<text x=\"\(rtl ? pad : width - pad)\" y=\"\(height - 6)\" font-size=\"11\" fill=\"\(ink)\" text-anchor=\"\(end)\">\(last.0)</text>"
      )
      shapes.append(
        "<text x=\"\(rtl ? width - pad : pad)\" y=\"14\" font-size=\"11\" fill=\"\(ink)\" text-anchor=\"\(start)\">\(top)</text>"
      )
    }
    return """
      <svg role="img" aria-label="\(label)" viewBox="0 0 \(width) \(height)" width="\(width)" height="\(height)" direction="ltr" xmlns="http://www.w3.org/2000/svg">\(shapes)</svg>
      """
  }
}
