import Foundation
import Storage

/// A learner's acknowledgement of a versioned document (the code of conduct): the name they
/// typed, the date and the version of the text.
public struct Acknowledgement: Sendable, Equatable {
  public var userID: String
  public var document: String
  public var version: String
  public var name: String
  public var at: Int64
}

extension Academy {
  public func acknowledge(userID: String, document: String, version: String, name: String) throws {
    let typed = name.trimmingCharacters(in: .whitespacesAndNewlines)
    guard !typed.isEmpty, typed.count <= 80 else { throw AcademyError("ack.nameNeeded") }
    let now = self.now
    try database.write { c in
      try c.execute(
        "INSERT OR IGNORE INTO acknowledgements(user_id, document, version, name, acknowledged_at) VALUES (?,?,?,?,?)",
        [userID, document, version, typed, now])
      try Audit.record(
        c, at: now, actor: userID, action: "acknowledge", subject: document, detail: version)
    }
  }

  public func acknowledgements(userID: String) throws -> [Acknowledgement] {
    try database.read { c in
      try c.query(
        "SELECT * FROM acknowledgements WHERE user_id = ? ORDER BY acknowledged_at", [userID]
      ).map {
        Acknowledgement(
          userID: userID, document: $0.string("document") ?? "",
          version: $0.string("version") ?? "",
          name: $0.string("name") ?? "", at: Int64($0.int("acknowledged_at") ?? 0))
      }
    }
  }
}
