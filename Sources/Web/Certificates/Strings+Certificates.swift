extension Strings {
  static let certificates: [String: Entry] = [
    "cert.lookup.title": ("Check a certificate", "Vérifier un certificat"),
    "cert.lookup.explain": (
      "Type the code printed on the certificate. Capitals, spaces and dashes don’t matter.",
      "Tapez le code imprimé sur le certificat. Majuscules, espaces et tirets n’ont pas d’importance."
    ),
    "cert.lookup.code": ("Certificate code", "Code du certificat"),
    "cert.lookup.submit": ("Check", "Vérifier"),
    "cert.lookup.invalid": (
      "This is not a certificate code. A code looks like RLX-7KQ4-M2PD (no 0, O, 1, I or L).",
      "Ce n’est pas un code de certificat. Un code ressemble à RLX-7KQ4-M2PD (sans 0, O, 1, I ni L)."
    ),
    "cert.lookup.unknown": ("No certificate has this code.", "Aucun certificat ne porte ce code."),
    "cert.title": ("Certificate {1}", "Certificat {1}"),
    "cert.holder": ("Awarded to", "Décerné à"),
    "cert.module": ("Module", "Module"),
    "cert.issued": ("Issued on", "Délivré le"),
    "cert.expires": ("Valid until", "Valable jusqu’au"),
    "cert.expired.on": ("Expired on", "Expiré le"),
    "cert.revoked.on": ("Revoked on", "Révoqué le"),
    "cert.status": ("Status", "Statut"),
    "cert.status.valid": ("Valid", "Valide"),
    "cert.status.expired": ("Expired", "Expiré"),
    "cert.status.revoked": ("Revoked", "Révoqué"),
    "cert.valid.explain": (
      "This certificate is genuine and currently valid.",
      "Ce certificat est authentique et actuellement valide."
    ),
    "cert.expired.explain": (
      "This certificate was genuine but is no longer valid: its holder needs a refresher.",
      "Ce certificat était authentique mais n’est plus valide : son titulaire doit suivre une remise à niveau."
    ),
    "cert.revoked.explain": (
      "This certificate was withdrawn by the organisation and is not valid.",
      "Ce certificat a été retiré par l’organisation et n’est pas valide."
    ),
    "cert.erased": (
      "(name removed at the holder’s request)", "(nom supprimé à la demande du titulaire)"
    ),
    "cert.pdf": ("Download the certificate (PDF)", "Télécharger le certificat (PDF)"),
    "cert.badge": (
      "Open Badge (for badge wallets)", "Open Badge (pour les portefeuilles de badges)"
    ),
    "cert.history": ("History", "Historique"),
    "cert.event.issued": ("Issued", "Délivré"),
    "cert.event.renewed": ("Renewed after a refresher", "Renouvelé après une remise à niveau"),
    "cert.event.revoked": ("Revoked", "Révoqué"),
    "cert.revoke.title": ("Revoke this certificate", "Révoquer ce certificat"),
    "cert.revoke.reason": ("Reason (kept in the history)", "Motif (conservé dans l’historique)"),
    "cert.revoke.submit": ("Revoke", "Révoquer"),
    "cert.revoke.noReason": ("Give a reason for revoking.", "Indiquez un motif de révocation."),
    "cert.revoke.done": ("The certificate was revoked.", "Le certificat a été révoqué."),
    "cert.pdf.heading": ("Certificate of completion", "Certificat de réussite"),
    "cert.pdf.awarded": ("This certifies that", "Nous certifions que"),
    "cert.pdf.completed": (
      "has completed the training module",
      "a suivi avec succès le module de formation"
    ),
    "cert.pdf.dates": ("Issued on {1} · valid until {2}", "Délivré le {1} · valable jusqu’au {2}"),
    "cert.pdf.verify": ("Check this certificate at", "Vérifiez ce certificat sur"),
    "cert.pdf.code": ("Code: {1}", "Code : {1}"),
    "cert.pdf.revoked": (
      "REVOKED: this certificate is not valid", "RÉVOQUÉ : ce certificat n’est pas valide"
    ),
    "cert.pdf.holderErased": ("(name removed)", "(nom supprimé)"),
    "cert.pdf.nameElsewhere": (
      "The holder’s name is written in a script this document cannot print: it is shown on the verification page below.",
      "Le nom du titulaire est écrit dans une écriture que ce document ne peut pas imprimer : il figure sur la page de vérification ci-dessous."
    ),
    "badge.description": (
      "Awarded to community influencers who read every lesson of “{1}” and passed its certifying quiz (pass mark {2}%).",
      "Décerné aux influenceurs communautaires qui ont lu toutes les leçons de « {1} » et réussi son quiz de certification (seuil {2} %)."
    ),
    "badge.criteria": (
      "Read every lesson of the module and pass its certifying quiz with at least {1}%. Valid {2} months; a refresher quiz renews it.",
      "Lire toutes les leçons du module et réussir son quiz de certification avec au moins {1} %. Valable {2} mois ; un quiz de remise à niveau le renouvelle."
    ),
    "date.months": (
      "January,February,March,April,May,June,July,August,September,October,November,December",
      "janvier,février,mars,avril,mai,juin,juillet,août,septembre,octobre,novembre,décembre"
    ),
  ]
}
