import Testing
@testable import Web

@Test func moduleLinks() {
  #expect(Bool(true))
}
