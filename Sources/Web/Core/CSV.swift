import HTTPServer

/// CSV as RFC 4180 describes it (CRLF line ends, fields with a comma, quote or line break
/// quoted, quotes doubled), UTF-8 with a header row. A cell that a spreadsheet would read
/// as a formula (starting with = + - @, tab or CR) is prefixed with ' so it stays text.
///
/// Written straight into bytes: exports run to hundreds of thousands of cells, and a string
/// per cell and per line cost more than the database reads behind them.
struct CSV {
  private(set) var bytes: [UInt8] = []
  private var atLineStart = true
  /// Where a streamed download's rows go, 64 KB at a time (nil: kept whole in `bytes`).
  private let output: ResponseWriter?
  static let flushSize = 1 << 16

  init(header: [String], output: ResponseWriter? = nil) {
    self.output = output
    bytes.reserveCapacity(CSV.flushSize + 1024)
    for c in header { cell(c) }
    bytes.append(contentsOf: [13, 10])
    atLineStart = true
  }

  mutating func row(_ cells: [String]) throws {
    for c in cells { cell(c) }
    try endRow()
  }

  /// Ends the line; a streamed download hands over what it holds once 64 KB are gathered
  /// (throwing, to stop the export, when the client has gone).
  mutating func endRow() throws {
    bytes.append(13)
    bytes.append(10)
    atLineStart = true
    if let output, bytes.count >= CSV.flushSize {
      try output.write(bytes)
      bytes.removeAll(keepingCapacity: true)
    }
  }

  /// A CSV download sent while it is written: the first rows leave at once, and an export
  /// of 100,000 rows never sits whole in memory. `write` runs on the stream's own thread
  /// after the response has started, so checks that may refuse it belong before.
  static func download(
    filename: String, header: [String], _ write: @escaping @Sendable (inout CSV) throws -> Void
  ) -> HTTPResponse {
    HTTPResponse(headers: headers(filename: filename)) { out in
      var csv = CSV(header: header, output: out)
      try write(&csv)
      try out.write(csv.bytes)
    }
  }

  mutating func cell(_ value: String) {
    separate()
    var value = value
    value.withUTF8 { CSV.escape($0, into: &bytes) }
  }

  mutating func cell(_ value: Int) {
    separate()
    CSV.appendDecimal(value, to: &bytes)
  }

  /// A score, rounded to three decimals; empty when there is none.
  mutating func number(_ d: Double?) {
    separate()
    guard let d else { return }
    bytes.append(contentsOf: String((d * 1000).rounded() / 1000).utf8)
  }

  /// `YYYY-MM-DDThh:mm:ssZ`, or empty.
  mutating func instant(_ t: Int64?) {
    separate()
    if let t { Dates.writeInstant(t, into: &bytes) }
  }

  /// `YYYY-MM-DD`, or empty.
  mutating func day(_ t: Int64?) {
    separate()
    if let t { Dates.writeInstant(t, into: &bytes, dayOnly: true) }
  }

  private mutating func separate() {
    if !atLineStart { bytes.append(UInt8(ascii: ",")) }
    atLineStart = false
  }

  private static func escape(_ u: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) {
    guard let first = u.first else { return }
    let formula =
      first == UInt8(ascii: "=") || first == UInt8(ascii: "+") || first == UInt8(ascii: "-")
      || first == UInt8(ascii: "@") || first == 9 || first == 13
    let quote = u.contains {
      $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 10 || $0 == 13
    }
    if quote { out.append(UInt8(ascii: "\"")) }
    if formula { out.append(UInt8(ascii: "'")) }
    if quote {
      for b in u {
        if b == UInt8(ascii: "\"") { out.append(b) }
        out.append(b)
      }
      out.append(UInt8(ascii: "\""))
    } else {
      out.append(contentsOf: u)
    }
  }

  private static func appendDecimal(_ n: Int, to out: inout [UInt8]) {
    if n < 0 { out.append(UInt8(ascii: "-")) }
    var v = n.magnitude
    var digits: [UInt8] = []
    repeat {
      digits.append(UInt8(48 + v % 10))
      v /= 10
    } while v > 0
    out.append(contentsOf: digits.reversed())
  }

  /// One cell as it appears in a file.
  static func cell(_ value: String) -> String {
    var out: [UInt8] = []
    var value = value
    value.withUTF8 { escape($0, into: &out) }
    return String(decoding: out, as: UTF8.self)
  }

  static func document(header: [String], rows: [[String]]) throws -> String {
    var csv = CSV(header: header)
    for r in rows { try csv.row(r) }
    return String(decoding: csv.bytes, as: UTF8.self)
  }

  func response(filename: String) -> HTTPResponse {
    HTTPResponse(status: 200, headers: CSV.headers(filename: filename), body: bytes)
  }

  static func headers(filename: String) -> HTTPHeaders {
    HTTPHeaders([
      ("Content-Type", "text/csv; charset=utf-8; header=present"),
      ("Content-Disposition", "attachment; filename=\"\(filename)\""),
      ("Cache-Control", "no-store"),
    ])
  }
}
