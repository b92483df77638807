/// A moment in UTC written as a PDF date, `D:YYYYMMDDHHmmSSZ`.
///
/// Passed in rather than read from the clock, so the same certificate always gives the same
/// bytes (and the same ETag).
public struct PDFDate: Sendable, Hashable {
  public let secondsSince1970: Int64

  public init(secondsSince1970: Int64) {
    self.secondsSince1970 = secondsSince1970
  }

  /// The date as PDF writes it.
  public var pdfString: String {
    let days =
      secondsSince1970 >= 0
      ? secondsSince1970 / 86_400 : (secondsSince1970 - 86_399) / 86_400
    let seconds = secondsSince1970 - days * 86_400
    let (year, month, day) = Self.civil(daysSince1970: days)
    func two(_ n: Int64) -> String { n < 10 ? "0\(n)" : "\(n)" }
    let yyyy = String(repeating: "0", count: max(0, 4 - String(year).count)) + String(year)
    return "D:" + yyyy + two(month) + two(day) + two(seconds / 3600) + two(seconds % 3600 / 60)
      + two(seconds % 60) + "Z"
  }

  /// Proleptic Gregorian date of a day count (Howard Hinnant's days-to-civil algorithm).
  static func civil(daysSince1970 days: Int64) -> (year: Int64, month: Int64, day: Int64) {
    let z = days + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let dayOfEra = z - era * 146_097
    let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
    let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
    let shiftedMonth = (5 * dayOfYear + 2) / 153
    let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
    let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
    return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
  }
}
