import GIFT
import Testing

@testable import Academy

@Test func responseCodecNeverTrapsOnNonFiniteNumbers() {
  // Academy stores what Web hands it; a caller that forgets to check still cannot trap it.
  for n in [Double.nan, .infinity, -.infinity] {
    #expect(ResponseCodec.decode(ResponseCodec.encode(.number(n))) == Response.none)
    #expect(ResponseCodec.storable(.number(n)) == Response.none)
  }
  #expect(ResponseCodec.decode(ResponseCodec.encode(.number(2.5))) == .number(2.5))
}
