import Catalog
import Foundation

/// Dates on certificates: written out in the reader's language ("23 novembre 2026"), and as
/// ISO 8601 in UTC for badges. Month names come from the strings table, so no locale data
/// is needed on the server.
enum CertificateDates {
  static func components(_ t: Int64) -> DateComponents {
    var cal = Calendar(identifier: .gregorian)
    cal.timeZone = TimeZone(identifier: "UTC")!
    return cal.dateComponents(
      [.year, .month, .day, .hour, .minute, .second],
      from: Date(timeIntervalSince1970: TimeInterval(t)))
  }

  static func long(_ t: Int64, _ language: Language) -> String {
    let c = components(t)
    let months = Strings.text("date.months", language).split(separator: ",")
    let month =
      months.indices.contains((c.month ?? 1) - 1)
      ? String(months[(c.month ?? 1) - 1]) : String(c.month ?? 1)
    switch language {
    case .en: return "\(c.day ?? 1) \(month) \(c.year ?? 1970)"
    case .fr: return "\(c.day == 1 ? "1er" : String(c.day ?? 1)) \(month) \(c.year ?? 1970)"
    }
  }

  /// `2026-11-23T20:30:00Z`
  static func iso(_ t: Int64) -> String {
    let c = components(t)
    func two(_ n: Int?) -> String { (n ?? 0) < 10 ? "0\(n ?? 0)" : String(n ?? 0) }
    return
      "\(c.year ?? 1970)-\(two(c.month))-\(two(c.day))T\(two(c.hour)):\(two(c.minute)):\(two(c.second))Z"
  }
}
