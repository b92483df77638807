extension Strings {
  /// The contacts block of the referrals page (`ReferralContactsView`).
  static let referrals: [String: Entry] = [
    "referrals.contacts": ("Whom to contact", "Qui contacter"),
    "referrals.verified": ("Last verified on {1}.", "Dernière vérification le {1}."),
    "referrals.unfilled": (
      "Your organisation has not filled in the contacts for your area yet. Until it does, contact the staff member who deployed you (your organisation’s focal point) about any concern. If someone is in immediate danger, call the local emergency number first.",
      "Votre organisation n’a pas encore renseigné les contacts de votre zone. En attendant, pour toute inquiétude, contactez la personne de l’organisation qui vous a déployé·e (son point focal). Si quelqu’un est en danger immédiat, appelez d’abord le numéro d’urgence local."
    ),
    "referrals.someUnfilled": (
      "For anything not listed here, contact the staff member who deployed you (your organisation’s focal point). If someone is in immediate danger, call the local emergency number first.",
      "Pour tout ce qui n’est pas listé ici, contactez la personne de l’organisation qui vous a déployé·e (son point focal). Si quelqu’un est en danger immédiat, appelez d’abord le numéro d’urgence local."
    ),
    "referrals.phone": ("Phone", "Téléphone"),
    "referrals.hours": ("Hours: {1}", "Horaires : {1}"),
    "referrals.languages": ("Languages: {1}", "Langues : {1}"),
    "referrals.service.emergency": (
      "First contact in an emergency", "Premier contact en cas d’urgence"
    ),
    "referrals.service.protection": ("Protection", "Protection"),
    "referrals.service.gbv": (
      "Gender-based violence (GBV)", "Violences basées sur le genre (VBG)"
    ),
    "referrals.service.child_protection": ("Child protection", "Protection de l’enfance"),
    "referrals.service.psea": (
      "Sexual exploitation and abuse by aid workers (PSEA)",
      "Exploitation et abus sexuels par du personnel humanitaire (PEAS)"
    ),
    "referrals.service.mental_health": (
      "Mental health, self-harm and suicide", "Santé mentale, automutilation et suicide"
    ),
    "referrals.service.trafficking": ("Trafficking in persons", "Traite des personnes"),
    "referrals.service.family_tracing": (
      "Missing persons and family tracing",
      "Personnes disparues et rétablissement des liens familiaux"
    ),
    "referrals.service.platform_reporting": (
      "Reporting accounts and posts to platforms",
      "Signaler des comptes et des publications aux plateformes"
    ),
  ]
}
