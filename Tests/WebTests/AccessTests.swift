import Academy
import Testing

@testable import Web

@Test func accessRulesAllowExactlyTheirRoles() {
  #expect(Access.anyone.allows(nil))
  #expect(!Access.signedIn.allows(nil))
  #expect(Access.signedIn.allows(.learner))
  #expect(!Access.trainers.allows(.learner))
  #expect(!Access.trainers.allows(.manager))
  #expect(Access.trainers.allows(.trainer))
  #expect(Access.managers.allows(.admin))
  #expect(!Access.admins.allows(.manager))
}

@Test func formDecodingHandlesPlusPercentAndRepeats() {
  let f = FormFields(FormDecoding.decode(Array("a=1+2&b=%C3%A9t%C3%A9&c=x&c=y&d&bad=%zz".utf8)))
  #expect(f["a"] == "1 2")
  #expect(f["b"] == "été")
  #expect(f.all("c") == ["x", "y"])
  #expect(f["d"] == "")
  #expect(f["bad"] == "%zz")
}

@Test func safeBackAcceptsOnlyLocalPaths() {
  #expect(PublicRoutes.safeBack("/modules") == "/modules")
  #expect(PublicRoutes.safeBack("//evil.example") == "/")
  #expect(PublicRoutes.safeBack("https://evil.example") == "/")
  #expect(PublicRoutes.safeBack("/\\evil") == "/")
  #expect(PublicRoutes.safeBack(nil) == "/")
}
