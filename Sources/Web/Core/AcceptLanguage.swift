import Catalog

/// `Accept-Language` (RFC 9110 §12.5.4), read leniently: `fr-CA;q=0.8, ar, *;q=0.1`. Parts
/// that don't parse are skipped, so no header can fail a request.
enum AcceptLanguage {
  /// The offered language with the highest weight (the first of equals); nil if none.
  static func best(_ header: String, offered: (Language) -> Bool) -> Language? {
    var best: (language: Language, q: Double)?
    for part in header.split(separator: ",").prefix(32) {
      let bits = part.split(separator: ";")
      guard let first = bits.first else { continue }
      let tag = first.trimmingCharacters(in: " \t").lowercased()
      let primary = String(tag.prefix { $0 != "-" && $0 != "_" })
      guard let language = Language(rawValue: primary), offered(language) else { continue }
      var q = 1.0
      for param in bits.dropFirst() {
        let p = param.trimmingCharacters(in: " \t")
        if p.hasPrefix("q=") || p.hasPrefix("Q=") {
          // Only 0…1 is a weight (the one number parser); anything else counts as 0.
          q = Numbers.decimal(String(p.dropFirst(2)), in: 0...1) ?? 0
        }
      }
      if q > 0, q > (best?.q ?? 0) { best = (language, q) }
    }
    return best?.language
  }
}
