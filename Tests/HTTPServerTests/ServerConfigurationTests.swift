import Testing

@testable import HTTPServer

@Suite struct LoopCount {
  @Test func oneLoopPerCoreButOneAndNeverNone() {
    #expect(ServerConfiguration.defaultLoopCount(cores: 1) == 1)
    #expect(ServerConfiguration.defaultLoopCount(cores: 2) == 1)
    #expect(ServerConfiguration.defaultLoopCount(cores: 8) == 7)
    #expect(ServerConfiguration.defaultLoopCount(cores: 0) == 1)
  }
}
