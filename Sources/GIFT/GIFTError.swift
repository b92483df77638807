/// A problem in a GIFT file, with its place: printed `path:line:column: message`.
public struct GIFTError: Error, Sendable, Equatable, CustomStringConvertible {
  public var path: String
  public var line: Int
  public var column: Int
  public var message: String

  public init(path: String, line: Int, column: Int, message: String) {
    self.path = path
    self.line = line
    self.column = column
    self.message = message
  }

  public var description: String { "\(path):\(line):\(column): \(message)" }
}

/// Every error of a file, as `GIFT.format` returns them; one per line when printed.
public struct GIFTErrors: Error, Sendable, Equatable, CustomStringConvertible {
  public var errors: [GIFTError]
  public init(_ errors: [GIFTError]) { self.errors = errors }
  public var description: String { errors.map(\.description).joined(separator: "\n") }
}
