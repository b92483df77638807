/// What a learner answered to one question, and its grade (as Moodle grades).
public enum Response: Sendable, Equatable {
  /// Index into the answers as written in the file (not as shown).
  case choice(Int)
  case choices(Set<Int>)
  case trueFalse(Bool)
  case text(String)
  case number(Double)
  /// Pair index (as written) → the chosen match text.
  case matches([Int: String])
  case none
}

public struct Grade: Sendable, Equatable {
  /// 0…1.
  public var fraction: Double
  /// Feedback for what was chosen (per-answer `#` feedback), may be empty.
  public var feedback: [String]
  /// Essays wait for a person.
  public var needsManualGrading: Bool
  public init(fraction: Double, feedback: [String] = [], needsManualGrading: Bool = false) {
    self.fraction = fraction
    self.feedback = feedback
    self.needsManualGrading = needsManualGrading
  }
}
