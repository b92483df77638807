import Catalog
import Foundation

/// Dates as people read them, in their language (UTC: the programme spans time zones and a
/// certificate's date must read the same everywhere).
enum Dates {
  static func day(_ t: Int64, _ language: Language) -> String {
    let f = DateFormatter()
    f.locale = Locale(identifier: language == .fr ? "fr_FR" : "en_GB")
    f.timeZone = TimeZone(identifier: "UTC")
    f.dateStyle = .long
    f.timeStyle = .none
    return f.string(from: Date(timeIntervalSince1970: TimeInterval(t)))
  }

  /// `2026-11-23`, for forms and exports.
  static func iso(_ t: Int64) -> String {
    let f = DateFormatter()
    f.locale = Locale(identifier: "en_US_POSIX")
    f.timeZone = TimeZone(identifier: "UTC")
    f.dateFormat = "yyyy-MM-dd"
    return f.string(from: Date(timeIntervalSince1970: TimeInterval(t)))
  }
}
