import Catalog
import Foundation
import GIFT

/// One sitting of a quiz: exactly which questions were shown, in which answer order.
public struct Attempt: Sendable {
  public var id: String
  public var userID: String
  public var module: String
  public var kind: QuizKind
  public var language: Language
  public var quizHash: String
  public var shown: [ShownQuestion]
  public var startedAt: Int64
  public var submittedAt: Int64?
  /// 0…1 once submitted.
  public var score: Double?
  public var passed: Bool?
}

/// A question as shown: its id and the order of its answers (indices as written in the
/// file; for matching, the order of the match choices offered).
public struct ShownQuestion: Sendable, Codable, Equatable {
  public var id: String
  public var order: [Int]

  /// Also for the quiz editor's preview, which shows questions without an attempt.
  public init(id: String, order: [Int]) {
    self.id = id
    self.order = order
  }
}

/// An answered question in a submitted attempt, for the result page.
public struct AnsweredQuestion: Sendable {
  public var question: Question
  public var shown: ShownQuestion
  public var response: Response
  public var grade: Grade
}

public struct AttemptResult: Sendable {
  public var attempt: Attempt
  public var answers: [AnsweredQuestion]
  public var passMark: Int
  /// Set when this submission issued or renewed a certificate.
  public var certificateCode: String?
}

/// Stores a response as JSON text (the database's `answers.response`).
enum ResponseCodec {
  private struct Stored: Codable {
    var k: String
    var i: [Int]?
    var t: String?
    var n: Double?
    var m: [String: String]?
  }

  static func encode(_ r: Response) -> String {
    let s: Stored
    switch r {
    case .choice(let i): s = Stored(k: "choice", i: [i])
    case .choices(let set): s = Stored(k: "choices", i: set.sorted())
    case .trueFalse(let b): s = Stored(k: "tf", i: [b ? 1 : 0])
    case .text(let t): s = Stored(k: "text", t: t)
    case .number(let n): s = Stored(k: "number", n: n)
    case .matches(let m):
      s = Stored(
        k: "matches", m: Dictionary(uniqueKeysWithValues: m.map { (String($0.key), $0.value) }))
    case .none: s = Stored(k: "none")
    }
    // Only a non-finite number fails to encode, and `storable` turns it into no answer.
    guard let data = try? JSONEncoder().encode(s) else { return #"{"k":"none"}"# }
    return String(decoding: data, as: UTF8.self)
  }

  /// What may be stored: JSON has no `nan` or infinity, so such a number is no answer.
  static func storable(_ r: Response) -> Response {
    if case .number(let n) = r, !n.isFinite { return .none }
    return r
  }

  static func decode(_ text: String) -> Response {
    guard let s = try? JSONDecoder().decode(Stored.self, from: Data(text.utf8)) else {
      return .none
    }
    switch s.k {
    case "choice": return s.i?.first.map(Response.choice) ?? .none
    case "choices": return .choices(Set(s.i ?? []))
    case "tf": return .trueFalse(s.i?.first == 1)
    case "text": return .text(s.t ?? "")
    case "number": return s.n.map(Response.number) ?? .none
    case "matches":
      var m: [Int: String] = [:]
      for (k, v) in s.m ?? [:] { if let i = Int(k) { m[i] = v } }
      return .matches(m)
    default: return .none
    }
  }
}
