/// PDF numbers: no exponent notation (which PDF does not allow) and at most three decimals,
/// far below what a printer resolves.
enum PDFNumber {
  static func format(_ value: Double) -> String {
    guard value.isFinite else { return "0" }
    let thousandths = Int((value * 1000).rounded())
    let sign = thousandths < 0 ? "-" : ""
    let magnitude = thousandths.magnitude
    let whole = magnitude / 1000
    var fraction = magnitude % 1000
    guard fraction != 0 else { return sign + String(whole) }
    var digits = 3
    while fraction % 10 == 0 {
      fraction /= 10
      digits -= 1
    }
    let fractionText = String(fraction)
    let padding = String(repeating: "0", count: digits - fractionText.count)
    return sign + String(whole) + "." + padding + fractionText
  }
}
