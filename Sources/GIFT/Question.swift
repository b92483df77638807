/// The question model, shared by parser, grader, writer and the LMS.
public struct Question: Sendable, Equatable {
  /// The `::title::` (stable id across edits and translations); generated when absent.
  public var id: String
  public var hasExplicitID: Bool
  /// `$CATEGORY:` in force, if any.
  public var category: String?
  /// Question text (before the answer block), escapes resolved.
  public var text: String
  /// Text after the answer block, for missing-word questions ("The sun is {…} hot.").
  public var textAfter: String
  public var format: TextFormat
  public var kind: Kind
  /// `####` general feedback.
  public var generalFeedback: String
  /// 1-based line where the question starts, for errors and statistics.
  public var line: Int

  public enum TextFormat: String, Sendable, Equatable {
    case moodle, html, plain, markdown
  }

  public enum Kind: Sendable, Equatable {
    /// `=` right, `~` wrong; `multipleAnswers` when weights make it a checkbox question.
    case multipleChoice(answers: [Answer], multipleAnswers: Bool)
    case trueFalse(correct: Bool, feedbackWhenTrue: String, feedbackWhenFalse: String)
    case shortAnswer(answers: [Answer])
    case matching(pairs: [MatchPair])
    case numerical(answers: [NumericAnswer])
    case essay
    case description
  }

  /// Moodle's type name: multichoice, truefalse, shortanswer, matching, numerical, essay,
  /// description.
  public var moodleType: String {
    switch kind {
    case .multipleChoice: return "multichoice"
    case .trueFalse: return "truefalse"
    case .shortAnswer: return "shortanswer"
    case .matching: return "matching"
    case .numerical: return "numerical"
    case .essay: return "essay"
    case .description: return "description"
    }
  }

  public init(
    id: String, hasExplicitID: Bool = true, category: String? = nil, text: String,
    textAfter: String = "", format: TextFormat = .moodle, kind: Kind,
    generalFeedback: String = "", line: Int = 1
  ) {
    self.id = id
    self.hasExplicitID = hasExplicitID
    self.category = category
    self.text = text
    self.textAfter = textAfter
    self.format = format
    self.kind = kind
    self.generalFeedback = generalFeedback
    self.line = line
  }
}

public struct Answer: Sendable, Equatable {
  public var text: String
  /// 1 for `=`, 0 for `~`, or the `%n%` weight / 100 (may be negative).
  public var fraction: Double
  public var feedback: String
  public init(text: String, fraction: Double, feedback: String = "") {
    self.text = text
    self.fraction = fraction
    self.feedback = feedback
  }
}

public struct MatchPair: Sendable, Equatable {
  public var text: String
  public var match: String
  public init(text: String, match: String) {
    self.text = text
    self.match = match
  }
}

public struct NumericAnswer: Sendable, Equatable {
  public enum Target: Sendable, Equatable {
    case value(Double, tolerance: Double)
    case range(min: Double, max: Double)
  }
  public var target: Target
  public var fraction: Double
  public var feedback: String
  public init(target: Target, fraction: Double = 1, feedback: String = "") {
    self.target = target
    self.fraction = fraction
    self.feedback = feedback
  }
}
