import Academy
import Testing

@testable import Web

/// The calendar file's text rules (RFC 5545 §3.1 folding, §3.3.11 TEXT escaping).
@Suite struct SessionCalendarTests {
  @Test func textIsEscapedAndControlCharactersDropped() {
    #expect(SessionCalendar.text("a,b;c\\d") == "a\\,b\\;c\\\\d")
    #expect(SessionCalendar.text("one\r\ntwo\nthree\rfour") == "one\\ntwo\\nthree\\nfour")
    #expect(SessionCalendar.text("bell\u{07}tab\there") == "belltabhere")
  }

  @Test func longLinesFoldAt75OctetsWithoutSplittingACharacter() {
    let line = "LOCATION:" + String(repeating: "é", count: 80)  // 2 octets each
    let folded = SessionCalendar.fold(line)
    let parts = folded.components(separatedBy: "\r\n")
    #expect(parts.count > 1)
    #expect(parts.allSatisfy { $0.utf8.count <= 75 })
    #expect(parts.dropFirst().allSatisfy { $0.hasPrefix(" ") })
    // Unfolding gives back the line, character for character.
    #expect(folded.replacingOccurrences(of: "\r\n ", with: "") == line)
    #expect(SessionCalendar.fold("SHORT:x") == "SHORT:x")
  }

  @Test func eventHasUTCTimesAndCRLFLines() {
    let s = LiveSession(
      id: "abc", title: "Meet, then quiz", startsAt: 1_923_143_400, minutes: 90, place: "",
      link: "https://meet.example.org/x", capacity: nil, modules: ["m"], cohortIDs: ["k"],
      quizOpenedAt: nil, attended: 0)
    let ics = SessionCalendar.ics(s, description: "Modules: m", host: "relais", now: 0)
    #expect(ics.hasPrefix("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"))
    #expect(ics.hasSuffix("END:VEVENT\r\nEND:VCALENDAR\r\n"))
    #expect(ics.contains("DTSTART:20301210T143000Z\r\nDTEND:20301210T160000Z\r\n"))
    #expect(ics.contains("SUMMARY:Meet\\, then quiz\r\n"))
    #expect(!ics.contains("LOCATION:"))
    #expect(ics.contains("UID:abc@relais\r\n"))
  }
}
