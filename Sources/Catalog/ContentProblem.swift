/// Something wrong (or worth a look) in the content, with its place in the files.
public struct ContentProblem: Sendable, Equatable, CustomStringConvertible {
  public enum Severity: String, Sendable { case error, warning }

  /// Path relative to the content root's parent, e.g. `Curriculum/fact-checking/module.md`.
  public var path: String
  public var line: Int
  public var column: Int?
  public var message: String
  public var severity: Severity

  public init(
    path: String, line: Int, column: Int? = nil, message: String, severity: Severity = .error
  ) {
    self.path = path
    self.line = line
    self.column = column
    self.message = message
    self.severity = severity
  }

  public var description: String {
    let place = column.map { "\(path):\(line):\($0)" } ?? "\(path):\(line)"
    return severity == .error ? "\(place): \(message)" : "\(place): warning: \(message)"
  }
}
