import Testing
@testable import PDF

@Test func moduleLinks() {
  #expect(Bool(true))
}
