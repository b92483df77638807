import Catalog
import Foundation

/// Dates, always in UTC (the programme spans time zones; a certificate's date must read the
/// same everywhere): ISO `YYYY-MM-DD` for forms and tables (what `<input type="date">`
/// sends), ISO instants for exports and badges, and written out in the reader's language.
enum Dates {
  /// "23 November 2026", "1er novembre 2026". Month names come from the strings table, so
  /// no locale data is needed on the server.
  static func long(_ t: Int64, _ ui: Interface) -> String {
    let days = t >= 0 ? t / 86_400 : (t - 86_399) / 86_400
    let (y, m, d) = civil(days)
    let months = ui.text("date.months").split(separator: ",")
    let month = months.indices.contains(m - 1) ? String(months[m - 1]) : String(m)
    let day = d == 1 ? ui.text("date.firstDay") : String(d)
    return ui.format(
      "date.long", [day, String(month).trimmingCharacters(in: .whitespaces), String(y)])
  }

  static func day(_ t: Int64) -> String {
    let days = t >= 0 ? t / 86_400 : (t - 86_399) / 86_400
    let (y, m, d) = civil(days)
    return String(format4(y)) + "-" + two(m) + "-" + two(d)
  }

  /// `YYYY-MM-DDThh:mm:ssZ` (xAPI timestamps, CSV).
  static func instant(_ t: Int64) -> String {
    var b: [UInt8] = []
    writeInstant(t, into: &b)
    return String(decoding: b, as: UTF8.self)
  }

  /// The instant (or only its day) appended byte by byte: exports write hundreds of
  /// thousands of them.
  static func writeInstant(_ t: Int64, into b: inout [UInt8], dayOnly: Bool = false) {
    let days = t >= 0 ? t / 86_400 : (t - 86_399) / 86_400
    let s = Int(t - days * 86_400)
    let (y, m, d) = civil(days)
    func two(_ v: Int) {
      b.append(UInt8(48 + v / 10 % 10))
      b.append(UInt8(48 + v % 10))
    }
    two(y / 100)
    two(y)
    b.append(45)
    two(m)
    b.append(45)
    two(d)
    if dayOnly { return }
    b.append(84)
    two(s / 3600)
    b.append(58)
    two(s / 60 % 60)
    b.append(58)
    two(s % 60)
    b.append(90)
  }

  /// The years a date from a request may name: wide enough for any real due date or
  /// filter, narrow enough that arithmetic on the result never overflows.
  static let years = 1970...2200

  /// The one date parser for requests: `YYYY-MM-DD` (what `<input type="date">` sends) →
  /// Unix seconds at 00:00 UTC; nil for anything else, for impossible days (2026-02-30) and
  /// for years outside `years`.
  static func parseDayStart(_ s: String?) -> Int64? {
    guard let s else { return nil }
    let parts = s.utf8.split(separator: UInt8(ascii: "-"), omittingEmptySubsequences: false)
    guard parts.count == 3, parts[0].count == 4, (1...2).contains(parts[1].count),
      (1...2).contains(parts[2].count),
      let y = Numbers.integer(String(decoding: parts[0], as: UTF8.self), in: years),
      let m = Numbers.integer(String(decoding: parts[1], as: UTF8.self), in: 1...12),
      let d = Numbers.integer(String(decoding: parts[2], as: UTF8.self), in: 1...31)
    else { return nil }
    let days = daysFromCivil(y, m, d)
    // 31 April and 30 February name no day (the algorithm would roll them over).
    guard civil(days) == (y, m, d) else { return nil }
    return days * 86_400
  }

  /// The end of the given day (UTC), so a task due "on" a date is late only after it.
  static func parseDay(_ s: String?) -> Int64? {
    parseDayStart(s).map { $0 + 86_399 }
  }

  static func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
  static func format4(_ n: Int) -> String {
    String(repeating: "0", count: max(0, 4 - String(n).count)) + String(n)
  }

  // Howard Hinnant's days-from-civil algorithms (proleptic Gregorian).
  static func daysFromCivil(_ y0: Int, _ m: Int, _ d: Int) -> Int64 {
    let y = m <= 2 ? y0 - 1 : y0
    let era = (y >= 0 ? y : y - 399) / 400
    let yoe = y - era * 400
    let doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
    return Int64(era * 146_097 + doe - 719_468)
  }

  static func civil(_ z0: Int64) -> (Int, Int, Int) {
    let z = Int(z0) + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let doe = z - era * 146_097
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
    let mp = (5 * doy + 2) / 153
    let d = doy - (153 * mp + 2) / 5 + 1
    let m = mp < 10 ? mp + 3 : mp - 9
    return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
  }
}
