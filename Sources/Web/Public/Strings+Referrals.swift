extension Strings {
  /// The contacts block of the referrals page (`ReferralContactsView`).
  static let referrals: [String: String] = [
    "referrals.contacts": "Whom to contact",
    "referrals.verified": "Last verified on {1}.",
    "referrals.unfilled":
      "Your organisation has not filled in the contacts for your area yet. Until it does, contact the staff member who deployed you (your organisation’s focal point) about any concern. If someone is in immediate danger, call the local emergency number first.",
    "referrals.someUnfilled":
      "For anything not listed here, contact the staff member who deployed you (your organisation’s focal point). If someone is in immediate danger, call the local emergency number first.",
    "referrals.phone": "Phone",
    "referrals.hours": "Hours: {1}",
    "referrals.languages": "Languages: {1}",
    "referrals.service.emergency": "First contact in an emergency",
    "referrals.service.protection": "Protection",
    "referrals.service.gbv": "Gender-based violence (GBV)",
    "referrals.service.child_protection": "Child protection",
    "referrals.service.psea": "Sexual exploitation and abuse by aid workers (PSEA)",
    "referrals.service.mental_health": "Mental health, self-harm and suicide",
    "referrals.service.trafficking": "Trafficking in persons",
    "referrals.service.family_tracing": "Missing persons and family tracing",
    "referrals.service.platform_reporting": "Reporting accounts and posts to platforms",
  ]
}
