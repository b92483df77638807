import Testing
@testable import Crypto

@Test func moduleLinks() {
  #expect(Bool(true))
}
