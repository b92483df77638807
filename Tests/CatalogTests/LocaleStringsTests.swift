import Testing

@testable import Catalog

/// Strings files: `key = text` per line, errors as `path:line: what is wrong`.
@Suite struct LocaleStringsTests {
  func parse(_ text: String) -> (LocaleStrings, [String]) {
    let (s, problems) = LocaleStrings.parse(
      Array(text.utf8), language: Language(rawValue: "ar")!, path: "Curriculum/locales/ar.strings")
    return (s, problems.map(\.description))
  }

  @Test func readsKeysCommentsEscapesAndMetadata() {
    let (s, problems) = parse(
      "\u{FEFF}# Arabic\r\nlanguage.name = العربية\n\nnav.home =  الرئيسية  \nmulti = a\\nb \\\\ c\n"
    )
    #expect(problems.isEmpty)
    #expect(s.values["nav.home"] == "الرئيسية")
    #expect(s.values["multi"] == "a\nb \\ c")
    #expect(s.name == "العربية")
    #expect(s.direction == "rtl")
    #expect(s.lines["nav.home"] == 4)
  }

  @Test func eachBadLineIsReportedWithItsNumberAndSkipped() {
    let (s, problems) = parse(
      """
      ok = fine
      no equals sign here
       = no key
      bad key = x
      ok = again
      esc = \\t
      empty =
      language.direction = sideways
      """)
    #expect(s.values["ok"] == "fine")
    #expect(
      problems == [
        "Curriculum/locales/ar.strings:2: expected 'key = text'",
        "Curriculum/locales/ar.strings:3: missing key before '='",
        "Curriculum/locales/ar.strings:4: 'bad key' is not a key (letters, digits, '.', '_' and '-' only)",
        "Curriculum/locales/ar.strings:5: 'ok' is already defined on line 1",
        "Curriculum/locales/ar.strings:6: 'esc': unknown escape (use \\n for a line break, \\\\ for \\)",
        "Curriculum/locales/ar.strings:7: warning: 'empty' has no text (remove the line to use English)",
        "Curriculum/locales/ar.strings:8: language.direction must be 'ltr' or 'rtl'",
      ])
  }

  @Test func invalidUTF8AndControlCharactersAreErrors() {
    var bytes = Array("a = ok\nb = ".utf8)
    bytes += [0xFF, 0x0A]
    bytes += Array("c = x\u{07}y\n".utf8)
    let (s, problems) = LocaleStrings.parse(
      bytes, language: .fr, path: "p")
    #expect(s.values["a"] == "ok")
    #expect(
      problems.map(\.description) == [
        "p:2: not valid UTF-8", "p:3: 'c': control character in the text",
      ])
  }

  @Test func placeholdersAreFound() {
    #expect(LocaleStrings.placeholders("{2} of {1}, {1} again, {x} {}") == ["{1}", "{2}"])
  }

  @Test func languageCodesAreTwoOrThreeLowercaseLetters() {
    #expect(Language(rawValue: "ar") != nil)
    #expect(Language(rawValue: "ckb") != nil)
    #expect(Language(rawValue: "") == nil)
    #expect(Language(rawValue: "AR") == nil)
    #expect(Language(rawValue: "arab") == nil)
    #expect(Language(rawValue: "a/") == nil)
    #expect(Language(rawValue: "fa")!.direction == "rtl")
    #expect(Language(rawValue: "es")!.direction == "ltr")
    #expect(Language.en < Language(rawValue: "ar")!)
  }
}
