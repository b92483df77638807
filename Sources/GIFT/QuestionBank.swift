/// A quiz's questions and settings, and the random draws the LMS makes from them.
public struct QuestionBank: Sendable, Equatable {
  public var questions: [Question]
  public var settings: QuizSettings

  public init(questions: [Question], settings: QuizSettings = QuizSettings()) {
    self.questions = questions
    self.settings = settings
  }

  public init(_ result: ParseResult) {
    self.init(questions: result.questions, settings: result.settings)
  }

  /// Questions that are asked: descriptions only introduce others.
  public var gradable: [Question] { questions.filter { $0.kind != .description } }

  /// `count` gradable questions (default: `settings.draw`, else all) picked at random and
  /// kept in file order, since trainers order questions on purpose. Same seed, same draw.
  public func draw(count: Int? = nil, seed: UInt64) -> [Question] {
    var rng = SeededGenerator(seed: seed)
    return draw(count: count, using: &rng)
  }

  func draw(count: Int?, using rng: inout SeededGenerator) -> [Question] {
    let pool = gradable
    let n = min(max(count ?? settings.draw ?? pool.count, 0), pool.count)
    if n == pool.count { return pool }
    var indices = Array(pool.indices)
    stableShuffle(&indices, using: &rng)
    return indices.prefix(n).sorted().map { pool[$0] }
  }

  /// What one attempt shows: which questions, and for each one with choices, the order
  /// of its answers (multiple choice) or of its match choices (matching).
  public func layout(count: Int? = nil, seed: UInt64) -> AttemptLayout {
    var rng = SeededGenerator(seed: seed)
    let drawn = draw(count: count, using: &rng)
    let shuffle = settings.shufflesAnswers
    var orders: [String: [Int]] = [:]
    for q in drawn {
      if let order = GIFT.answerOrder(q, shuffle: shuffle, using: &rng) { orders[q.id] = order }
    }
    return AttemptLayout(questionIDs: drawn.map(\.id), answerOrders: orders)
  }

  /// The questions of a stored layout, in its order; ids no longer in the bank are skipped.
  public func questions(for layout: AttemptLayout) -> [Question] {
    var byID: [String: Question] = [:]
    for q in questions where byID[q.id] == nil { byID[q.id] = q }
    return layout.questionIDs.compactMap { byID[$0] }
  }
}

/// Exactly what a learner saw in one attempt, to store with it.
public struct AttemptLayout: Sendable, Equatable, Codable {
  public var questionIDs: [String]
  /// Question id → indices (as written in the file) in the order shown.
  public var answerOrders: [String: [Int]]

  public init(questionIDs: [String], answerOrders: [String: [Int]] = [:]) {
    self.questionIDs = questionIDs
    self.answerOrders = answerOrders
  }
}

extension GIFT {
  /// The order to show a question's answers in (indices as written), or nil when the
  /// question has no list to order. Matching orders its match choices (pair indices).
  public static func answerOrder<R: RandomNumberGenerator>(
    _ q: Question, shuffle: Bool = true, using rng: inout R
  ) -> [Int]? {
    let count: Int
    switch q.kind {
    case .multipleChoice(let answers, _): count = answers.count
    case .matching(let pairs): count = pairs.count
    default: return nil
    }
    var order = Array(0..<count)
    if shuffle { stableShuffle(&order, using: &rng) }
    return order
  }
}

/// Fisher–Yates written out here rather than the standard library's `shuffle`, whose
/// algorithm may change between releases: a seed must give the same order forever.
func stableShuffle<R: RandomNumberGenerator>(_ a: inout [Int], using rng: inout R) {
  var i = a.count - 1
  while i > 0 {
    let j = Int(rng.next().multipliedFullWidth(by: UInt64(i + 1)).high)
    a.swapAt(i, j)
    i -= 1
  }
}
