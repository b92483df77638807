import Academy
import HTTPServer

/// A live session as an iCalendar file (RFC 5545) a phone's calendar opens: one event, times
/// in UTC (`Z`), text values escaped (§3.3.11) and lines folded at 75 octets (§3.1)
/// without cutting a UTF-8 character.
enum SessionCalendar {
  static func ics(
    _ s: LiveSession, description: String, host: String, now: Int64
  ) -> String {
    var lines = [
      "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Relais//Live sessions//EN", "CALSCALE:GREGORIAN",
      "METHOD:PUBLISH", "BEGIN:VEVENT",
      "UID:\(s.id)@\(host.isEmpty ? "relais" : host)",
      "DTSTAMP:\(stamp(now))", "DTSTART:\(stamp(s.startsAt))", "DTEND:\(stamp(s.endsAt))",
      "SUMMARY:\(text(s.title))",
    ]
    if !s.place.isEmpty { lines.append("LOCATION:\(text(s.place))") }
    if !s.link.isEmpty { lines.append("URL:\(s.link)") }
    if !description.isEmpty { lines.append("DESCRIPTION:\(text(description))") }
    lines += ["END:VEVENT", "END:VCALENDAR"]
    return lines.map(fold).joined(separator: "\r\n") + "\r\n"
  }

  /// `YYYYMMDDTHHMMSSZ`.
  static func stamp(_ t: Int64) -> String {
    let instant = Dates.instant(t)  // YYYY-MM-DDThh:mm:ssZ
    return String(instant.filter { $0 != "-" && $0 != ":" })
  }

  /// TEXT escaping: backslash, semicolon and comma get a backslash; line breaks become `\n`.
  static func text(_ s: String) -> String {
    var out = ""
    var lastWasCR = false
    for ch in s.unicodeScalars {
      switch ch {
      case "\\": out += "\\\\"
      case ";": out += "\\;"
      case ",": out += "\\,"
      case "\r": out += "\\n"
      case "\n": if !lastWasCR { out += "\\n" }
      default:
        // Other control characters are not allowed in TEXT.
        if ch.value < 0x20 || ch.value == 0x7F { break }
        out.unicodeScalars.append(ch)
      }
      lastWasCR = ch == "\r"
    }
    return out
  }

  /// Lines longer than 75 octets continue on the next line after CRLF and one space.
  static func fold(_ line: String) -> String {
    var out = ""
    var used = 0
    for ch in line.unicodeScalars {
      let size = String(ch).utf8.count
      if used + size > 75 {
        out += "\r\n "
        used = 1
      }
      out.unicodeScalars.append(ch)
      used += size
    }
    return out
  }

  static func response(_ body: String) -> HTTPResponse {
    HTTPResponse(
      status: 200,
      headers: HTTPHeaders([
        ("Content-Type", "text/calendar; charset=utf-8"),
        ("Content-Disposition", "attachment; filename=\"relais-session.ics\""),
        ("Cache-Control", "no-store"),
      ]), body: Array(body.utf8))
  }
}
