import Storage

/// What one learner did in one module, summed up from lesson views, attempts and the
/// certificate.
public struct ModuleFacts: Sendable {
  public var lessonsOpened = 0
  public var lessonsRead = 0
  public var attemptsStarted = 0
  public var preTaken = false
  public var bestScore: Double?
  public var passed = false
  public var lastRefresherPass: Int64?
  public var certificateIssuedAt: Int64?
  public var certificateExpiresAt: Int64?
  public var certificateRevoked = false
  /// Submitted pre-tests and certifying quizzes, and the sums of their scores.
  public var preSubmitted = 0
  public var preScoreSum = 0.0
  public var postSubmitted = 0
  public var postScoreSum = 0.0

  public init() {}

  public var started: Bool { lessonsOpened > 0 || attemptsStarted > 0 }
  public var hasCertificate: Bool { certificateExpiresAt != nil && !certificateRevoked }
}

/// Facts per module for one learner.
struct LearnerFacts {
  var modules = PerModule<ModuleFacts>(slugs: [], values: [])

  subscript(module: String) -> ModuleFacts { modules[module] ?? ModuleFacts() }

  static func load(_ c: Connection, userIDs: [String]) throws -> [String: LearnerFacts] {
    var table = FactsTable(userIDs: userIDs, slugs: [])
    try table.load(c, scope: .users(userIDs))
    var out: [String: LearnerFacts] = [:]
    for (i, id) in userIDs.enumerated() { out[id] = LearnerFacts(modules: table.facts(of: i)) }
    return out
  }
}

/// One value per module, in the catalog's order (a small array per learner rather than a
/// dictionary: reports hold one for each of thousands of learners).
public struct PerModule<Value: Sendable>: Sendable {
  public let slugs: [String]
  public private(set) var values: [Value]

  init(slugs: [String], values: [Value]) {
    self.slugs = slugs
    self.values = values
  }

  public subscript(slug: String) -> Value? {
    guard let i = slugs.firstIndex(of: slug), i < values.count else { return nil }
    return values[i]
  }
}
