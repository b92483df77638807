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
    if value < 0 { bytes.append(UInt8(ascii: "-")) }
    CSV.appendDecimal(value.magnitude, to: &bytes)
  }

  /// A score, rounded to three decimals and written as Swift prints it ("0.75", "1.0");
  /// empty when there is none. Digits are written directly: exports hold 100,000 scores.
  mutating func number(_ d: Double?) {
    separate()
    guard let d else { return }
    let thousandths = (d * 1000).rounded()
    guard thousandths.isFinite, abs(thousandths) < 1e15 else {
      bytes.append(contentsOf: String(thousandths / 1000).utf8)
      return
    }
    let n = Int(thousandths)
    if n < 0 { bytes.append(UInt8(ascii: "-")) }
    CSV.appendDecimal(n.magnitude / 1000, to: &bytes)
    bytes.append(UInt8(ascii: "."))
    var fraction = n.magnitude % 1000
    var width = 3
    while width > 1 && fraction % 10 == 0 {
      fraction /= 10
      width -= 1
    }
    var divisor: UInt = width == 3 ? 100 : width == 2 ? 10 : 1
    while divisor > 0 {
      bytes.append(UInt8(48 + fraction / divisor % 10))
      divisor /= 10
    }
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

  /// Digits of `n`, most significant first, with no array of them built.
  private static func appendDecimal(_ n: UInt, to out: inout [UInt8]) {
    var divisor: UInt = 1
    while divisor <= n / 10 { divisor *= 10 }
    repeat {
      out.append(UInt8(48 + n / divisor % 10))
      divisor /= 10
    } while divisor > 0
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
