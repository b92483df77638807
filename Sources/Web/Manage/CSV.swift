/// CSV as RFC 4180 describes it (CRLF line ends, fields with a comma, quote or line break
/// quoted, quotes doubled), UTF-8 with a header row. A cell that a spreadsheet would read
/// as a formula (starting with = + - @, tab or CR) is prefixed with ' so it stays text.
enum CSV {
  static func cell(_ value: String) -> String {
    // One pass over the bytes: exports run to hundreds of thousands of cells.
    var formula = false
    var quote = false
    for (i, b) in value.utf8.enumerated() {
      if i == 0 {
        formula =
          b == UInt8(ascii: "=") || b == UInt8(ascii: "+") || b == UInt8(ascii: "-")
          || b == UInt8(ascii: "@") || b == 9 || b == 13
      }
      if b == UInt8(ascii: ",") || b == UInt8(ascii: "\"") || b == 10 || b == 13 {
        quote = true
        break
      }
    }
    let s = formula ? "'" + value : value
    guard quote else { return s }
    return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
  }

  static func line(_ cells: [String]) -> String {
    cells.map(cell).joined(separator: ",") + "\r\n"
  }

  static func document(header: [String], rows: [[String]]) -> String {
    var out = line(header)
    for r in rows { out += line(r) }
    return out
  }

  static func response(_ text: String, filename: String) -> HTTPResponseBox {
    var r = HTTPResponseBox(
      status: 200, contentType: "text/csv; charset=utf-8; header=present", body: text)
    r.headers.set("Content-Disposition", "attachment; filename=\"\(filename)\"")
    r.headers.set("Cache-Control", "no-store")
    return r
  }

  static func number(_ d: Double?) -> String {
    guard let d else { return "" }
    return String((d * 1000).rounded() / 1000)
  }
}
