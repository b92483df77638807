import Testing

@testable import Web

@Test func everyInterfaceStringHasBothLanguages() {
  for (key, entry) in Strings.table {
    #expect(!entry.en.isEmpty, "\(key) has no English")
    #expect(!entry.fr.isEmpty, "\(key) has no French")
  }
}

@Test func placeholdersMatchAcrossLanguages() {
  for (key, entry) in Strings.table {
    for n in 1...4 {
      #expect(
        entry.en.contains("{\(n)}") == entry.fr.contains("{\(n)}"), "\(key): placeholder {\(n)}")
    }
  }
}

@Test func formatReplacesPlaceholders() {
  #expect(Strings.format("lesson.position", .en, ["2", "5"]) == "Lesson 2 of 5")
  #expect(Strings.format("lesson.position", .fr, ["2", "5"]) == "Leçon 2 sur 5")
}
