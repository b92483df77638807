import Foundation
import Testing

@testable import HTTPServer

/// Inputs from the http fuzz target (Tests/Fuzz/http): the parser must give the same answer
/// whether a request arrives in one read or in pieces.
@Suite struct HTTPFuzzRegressionTests {
  /// Feeds `input` to a parser in pieces of the given sizes (all at once when empty) and
  /// returns what it reported: heads, complete requests, and the error status that ends it.
  static func outcome(_ input: [UInt8], pieces: [Int]) -> [String] {
    var parser = RequestParser()
    parser.maxRequestLine = 512
    parser.maxHeaderBytes = 1024
    parser.maxHeaderCount = 16
    var buffer: [UInt8] = []
    var start = 0
    var offset = 0
    var piece = 0
    var out: [String] = []
    while offset < input.count {
      let n = pieces.isEmpty ? input.count : pieces[piece % pieces.count]
      piece += 1
      let end = min(input.count, offset + n)
      buffer.append(contentsOf: input[offset..<end])
      offset = end
      loop: while true {
        switch buffer.withUnsafeBufferPointer({ parser.parse($0, &start) }) {
        case .needMore: break loop
        case .head(let h): out.append("head \(h.method)")
        case .complete: out.append("complete")
        case .error(let e):
          out.append("error \(e.status)")
          return out
        }
      }
    }
    return out
  }

  /// A 522-byte request line with a bad method and no line end, longer than the limit: read
  /// whole it was refused with 400, read in pieces with 414 (minimised from a fuzz crash).
  @Test func overlongRequestLineGetsTheSameStatusWholeOrInPieces() throws {
    let input = try #require(Data(base64Encoded: Self.overlongLine))
    let bytes = [UInt8](input)
    let whole = Self.outcome(bytes, pieces: [])
    #expect(whole == Self.outcome(bytes, pieces: [3, 2, 6, 10, 4, 9, 7, 2]))
    #expect(whole == Self.outcome(bytes, pieces: [1]))
    #expect(whole.count == 1 && whole[0].hasPrefix("error 4"))
  }

  static let overlongLine = """
    UE9TPXgvLU9wdGlvZENvb2tpZToxPW3//3RpcGF2dC9mO3jU1NTU1NTU1NTU1NTUdDMzMzPHMzMzMzNpb2RhdGEg
    YSA7YmE9MWF0YSBhIDtiYT0xOyBiYW5zb2VyLWNuRW9lci1jbkU6MT11bHRpcGF2dC9mOzoxPW11bHRpcGF2dC9m
    O3gvLU9wdGlvZENvb2tpZToxPW11LWx0aXBhdnQvZjt4/v/////////U1NTU1NRD1NTU1NTU1DMzMzMzMzMzaW9k
    YXRh/////yBhIDtiYT0xOyBiYW5zb2VyLWNuRW9lci1jbkU6MT1tdTsgYmFuYXBwbGljYXRuL3gtd3d3LWZvcm0t
    dXJsZW5jb2RlZG9raWU6oT1tdWx0aXBhdnQ/Zm9ybS1kdW5rZWTU1NTU1NTU1NTU1NTU1NTU1NTU1C8tT3B0MzMz
    MzMzMzMzM2lvZGF0YSBhIDtiYT0AAAAA/v////////9uRW9lci1jbkU6MT11bHRpcGF2dC9mOzoxPW11bHRpcGF2
    dC9mO3gvLVJhbmdlZENvb2tpZToxPW11LWx0aXBhdnQvZjt41NTU1NTU1NTU1NTU1NRD1NTU1NTU1DMzMzMzMzMz
    aW9kYXRh/////yBhIDtiYT0xOyBiYW5zb2VyLWNuRW9lci1jbkU6MT1tdWx0aXBhdnQvZgohSG9laWMK
    """.replacingOccurrences(of: "\n", with: "")
}
