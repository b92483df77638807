/// A small PDF writer (contract; implementation lands beside it).
public struct PDFDocument: Sendable {
  public init() {}
}
