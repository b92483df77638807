extension Strings {
  static let certificates: [String: String] = [
    "cert.lookup.title": "Check a certificate",
    "cert.lookup.explain":
      "Type the code printed on the certificate. Capitals, spaces and dashes don’t matter.",
    "cert.lookup.code": "Certificate code",
    "cert.lookup.submit": "Check",
    "cert.lookup.invalid":
      "This is not a certificate code. A code looks like RLX-7KQ4-M2PD (no 0, O, 1, I or L).",
    "cert.lookup.unknown": "No certificate has this code.",
    "cert.title": "Certificate {1}",
    "cert.holder": "Awarded to",
    "cert.module": "Module",
    "cert.issued": "Issued on",
    "cert.expires": "Valid until",
    "cert.expired.on": "Expired on",
    "cert.revoked.on": "Revoked on",
    "cert.status": "Status",
    "cert.status.valid": "Valid",
    "cert.status.expired": "Expired",
    "cert.status.revoked": "Revoked",
    "cert.valid.explain": "This certificate is genuine and currently valid.",
    "cert.expired.explain":
      "This certificate was genuine but is no longer valid: its holder needs a refresher.",
    "cert.revoked.explain": "This certificate was withdrawn by the organisation and is not valid.",
    "cert.erased": "(name removed at the holder’s request)",
    "cert.pdf": "Download the certificate (PDF)",
    "cert.badge": "Open Badge (for badge wallets)",
    "cert.history": "History",
    "cert.event.issued": "Issued",
    "cert.event.renewed": "Renewed after a refresher",
    "cert.event.revoked": "Revoked",
    "cert.revoke.title": "Revoke this certificate",
    "cert.revoke.reason": "Reason (kept in the history)",
    "cert.revoke.submit": "Revoke",
    "cert.revoke.noReason": "Give a reason for revoking.",
    "cert.revoke.done": "The certificate was revoked.",
    "cert.pdf.heading": "Certificate of completion",
    "cert.pdf.awarded": "This certifies that",
    "cert.pdf.completed": "has completed the training module",
    "cert.pdf.dates": "Issued on {1} · valid until {2}",
    "cert.pdf.verify": "Check this certificate at",
    "cert.pdf.code": "Code: {1}",
    "cert.pdf.revoked": "REVOKED: this certificate is not valid",
    "cert.pdf.holderErased": "(name removed)",
    "badge.description":
      "Awarded to community influencers who read every lesson of “{1}” and passed its certifying quiz (pass mark {2}%).",
    "badge.criteria":
      "Read every lesson of the module and pass its certifying quiz with at least {1}%. Valid {2} months; a refresher quiz renews it.",
    "date.months":
      "January,February,March,April,May,June,July,August,September,October,November,December",
    // {1} day, {2} month name, {3} year: "23 November 2026", "23 de noviembre de 2026".
    "date.long": "{1} {2} {3}",
    // How the first day of a month is written ("1er" in French).
    "date.firstDay": "1",
    "cert.revoked.reason": "Reason",
    "cert.revoked.regraded":
      "An answer was marked again and the result no longer reaches the pass mark.",
    "cert.pdf.nameElsewhere":
      "The holder’s name is written in a script this document cannot print: it is shown on the verification page below.",
  ]
}
