import Testing

@testable import Academy

@Suite struct IDIndexTests {
  func find(_ index: IDIndex, _ key: String) -> Int? {
    var key = key
    return key.withUTF8 { index.position(of: $0) }
  }

  @Test func findsEveryIdAtItsPositionAmongThousands() {
    let ids = (0..<5_000).map { _ in RandomID.make() } + ["", "a", "short", "é-accent"]
    let index = IDIndex(ids)
    #expect(index.count == ids.count)
    for (i, id) in ids.enumerated() { #expect(find(index, id) == i) }
  }

  @Test func unknownIdsAndPrefixesAreNotFound() {
    let index = IDIndex(["learner-one", "learner-two"])
    #expect(find(index, "learner-three") == nil)
    #expect(find(index, "learner-on") == nil)
    #expect(find(index, "learner-one ") == nil)
    #expect(find(index, "") == nil)
    #expect(IDIndex([]).position(of: "x") == nil)
  }

  @Test func aRepeatedIdKeepsItsFirstPosition() {
    let index = IDIndex(["a", "b", "a"])
    #expect(find(index, "a") == 0)
    #expect(find(index, "b") == 1)
  }

  @Test func idsOfEveryLengthAroundTheEightByteStepsHashApart() {
    let ids = (0..<40).map { String(repeating: "x", count: $0) }
    let index = IDIndex(ids)
    for (i, id) in ids.enumerated() { #expect(find(index, id) == i) }
  }
}
