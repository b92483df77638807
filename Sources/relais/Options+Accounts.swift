import Academy
import Foundation
import Storage

/// The data directory's permissions and the session lifetimes, shared by the commands
/// that open the database.
extension Options {
  static let sessionOptions: Set<String> = [
    "learner-idle-days", "learner-session-days", "staff-idle-hours", "staff-session-days",
  ]

  static let sessionHelp = """
      --learner-idle-days N   a learner's session ends after N days unused
                              (env RELAIS_LEARNER_IDLE_DAYS; default 90)
      --learner-session-days N  and N days after sign-in at most (env RELAIS_LEARNER_SESSION_DAYS; default 365)
      --staff-idle-hours N    a staff session ends after N hours unused
                              (env RELAIS_STAFF_IDLE_HOURS; default 12)
      --staff-session-days N  and N days after sign-in at most (env RELAIS_STAFF_SESSION_DAYS; default 7)
    """

  /// The academy's policy with the session lifetimes from options, then environment.
  func academyPolicy() throws -> Academy.Policy {
    var p = Academy.Policy()
    let env = ProcessInfo.processInfo.environment
    func number(_ name: String, _ variable: String, _ range: ClosedRange<Int>) throws -> Int? {
      guard let text = extra[name] ?? env[variable] else { return nil }
      guard let n = Int(text), range.contains(n) else {
        throw CLIError(
          "--\(name) (\(variable)) takes a number from \(range.lowerBound) to \(range.upperBound)")
      }
      return n
    }
    if let n = try number("learner-idle-days", "RELAIS_LEARNER_IDLE_DAYS", 1...3650) {
      p.learnerIdleSeconds = Int64(n) * 86_400
    }
    if let n = try number("learner-session-days", "RELAIS_LEARNER_SESSION_DAYS", 1...3650) {
      p.learnerSessionDays = n
    }
    if let n = try number("staff-idle-hours", "RELAIS_STAFF_IDLE_HOURS", 1...24 * 365) {
      p.staffIdleSeconds = Int64(n) * 3_600
    }
    if let n = try number("staff-session-days", "RELAIS_STAFF_SESSION_DAYS", 1...365) {
      p.staffSessionDays = n
    }
    return p
  }

  /// Creates the data directory 0700, or tightens an existing one, saying so on stderr.
  func prepareDataDirectory() throws {
    if let note = try FileModes.prepareDataDirectory(dataDirectory) {
      FileHandle.standardError.write(Data("relais: \(note)\n".utf8))
    }
  }
}
