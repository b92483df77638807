import Testing
@testable import GIFT

@Test func moduleLinks() {
  #expect(Bool(true))
}
