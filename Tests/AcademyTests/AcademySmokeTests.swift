import Testing

@testable import Academy

@Test func moduleLinks() {
  #expect(Bool(true))
}
