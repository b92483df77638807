/// Compares two secrets without stopping at the first difference, so the time taken does not
/// tell an attacker how many leading bytes were right. Lengths are not secret: unequal lengths
/// return false at once.
public func constantTimeEqual(_ a: [UInt8], _ b: [UInt8]) -> Bool {
  guard a.count == b.count else { return false }
  var difference: UInt8 = 0
  for i in a.indices { difference |= a[i] ^ b[i] }
  return difference == 0
}

/// The same for tokens held as strings (compares their UTF-8 bytes).
public func constantTimeEqual(_ a: String, _ b: String) -> Bool {
  constantTimeEqual(Array(a.utf8), Array(b.utf8))
}
