/// The public face of the GIFT module.
///
/// Reading follows Moodle's `qformat_gift` step by step (blank lines separate questions,
/// lines are trimmed, `//` lines dropped, type chosen in Moodle's order, `=` in feedback
/// starts a new answer unless escaped, `=%50%` in multiple choice is text, true/false
/// feedback is `#if wrong#if right`). Where Moodle would import something broken or fail
/// later when saving, Relais reports an error with its place instead: a second `{…}` block,
/// an unclosed `::title`, a duplicate id, a bad weight or number, multiple-answer weights
/// that do not add up to 100%, no 100% answer, fewer than 2 choices or 3 matching pairs.
/// One leniency: a question written right under a `$CATEGORY:` line is read as a question
/// (Moodle would fold it into the category name).
public enum GIFT {
  /// Parses a whole file. Questions that parse are returned even when others fail;
  /// `errors` lists every problem, not only the first.
  public static func parse(_ text: String, path: String = "<input>") -> ParseResult {
    var parser = Parser(text, path: path)
    parser.run()
    return ParseResult(
      questions: parser.questions, errors: parser.errors, settings: parser.settings)
  }

  /// Grades one response as Moodle does.
  public static func grade(_ question: Question, _ response: Response) -> Grade {
    Grader.grade(question, response)
  }

  /// Writes questions back as GIFT in canonical layout; parse(write(q)) == q.
  public static func write(_ questions: [Question]) -> String {
    Writer.write(questions, settings: QuizSettings())
  }
}

public struct ParseResult: Sendable {
  public var questions: [Question]
  public var errors: [GIFTError]
  /// Settings read from a header comment block (`// @draw: 5` …), if any.
  public var settings: QuizSettings
  public init(questions: [Question], errors: [GIFTError], settings: QuizSettings) {
    self.questions = questions
    self.errors = errors
    self.settings = settings
  }
}

/// Bank settings: how many questions to draw per attempt, shuffling, attempts and wait.
public struct QuizSettings: Sendable, Equatable {
  public var draw: Int?
  /// As written (`// @shuffle:` or the module's `shuffle_answers`); nil when not said.
  public var shuffleAnswers: Bool?
  /// Whether answers are shown in a random order: yes unless a file turns it off, as in
  /// Moodle. A fixed order lets a quiz be passed by tapping the same position every time.
  public var shufflesAnswers: Bool { shuffleAnswers ?? true }
  public var maxAttempts: Int?
  public var waitMinutes: Int?
  public init(
    draw: Int? = nil, shuffleAnswers: Bool? = nil, maxAttempts: Int? = nil, waitMinutes: Int? = nil
  ) {
    self.draw = draw
    self.shuffleAnswers = shuffleAnswers
    self.maxAttempts = maxAttempts
    self.waitMinutes = waitMinutes
  }
}

extension GIFT {
  /// The questions as a JSON array for `relais quiz inspect --json`: each object has `id`,
  /// `type` (Moodle's names), `text`, `answers` (`text`, `fraction`, `feedback`; matching adds
  /// `match`; numerical carries `value`+`tolerance` or `min`+`max`) and `generalfeedback`.
  public static func json(_ questions: [Question]) -> String {
    JSONWriter.questions(questions)
  }
}
