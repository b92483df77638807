extension HTTPRequest {
  /// The query string's name/value pairs, decoded, in order (repeated names repeat).
  public var queryItems: [(String, String)] { FormDecoding.pairs(rawQuery) }

  /// The first value of a query parameter, or nil.
  public func query(_ name: String) -> String? {
    queryItems.first { $0.0 == name }?.1
  }
}
