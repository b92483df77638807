extension Strings {
  /// Deletion requests (managers and the learner's "My data") and sign-in changes.
  static let accounts: [String: Entry] = [
    "deletions.title": ("Deletion requests", "Demandes de suppression"),
    "deletions.link": (
      "Deletion requests waiting: {1}", "Demandes de suppression en attente : {1}"
    ),
    "deletions.overdueCount": ("{1} overdue", "{1} en retard"),
    "deletions.none": ("No request is waiting.", "Aucune demande en attente."),
    "deletions.explain": (
      "Learners of your groups who asked to be erased. Answer each by its due date, one month after the request: confirm to erase the learner now (this cannot be undone), or decline with a reason the learner will read.",
      "Participants de vos groupes qui ont demandé à être effacés. Répondez à chaque demande avant son échéance, un mois après la demande : confirmez pour effacer le participant maintenant (c’est définitif), ou refusez en donnant un motif que le participant lira."
    ),
    "deletions.requested": ("Asked on", "Demandé le"),
    "deletions.due": ("answer due by", "réponse due le"),
    "deletions.overdue": ("overdue", "en retard"),
    "deletions.confirmCheck": ("I confirm: erase {1}", "Je confirme : effacer {1}"),
    "deletions.confirm": ("Erase now", "Effacer maintenant"),
    "deletions.reason": (
      "Or decline, with the reason (the learner will read it)",
      "Ou refusez, avec le motif (le participant le lira)"
    ),
    "deletions.decline": ("Decline", "Refuser"),
    "deletions.done.confirmed": ("The learner was erased.", "Le participant a été effacé."),
    "deletions.done.declined": (
      "The request was declined; the learner will see your reason.",
      "La demande a été refusée ; le participant verra votre motif."
    ),
    "deletion.reasonNeeded": (
      "Write the reason for declining (at most 1,000 characters).",
      "Indiquez le motif du refus (1 000 caractères au plus)."
    ),
    "me.delete.pendingDue": (
      "You asked to delete your account on {1}. A manager will answer by {2}.",
      "Vous avez demandé la suppression de votre compte le {1}. Un responsable vous répondra au plus tard le {2}."
    ),
    "me.delete.declined": (
      "Your request of {1} was declined on {2}. Reason given: {3}",
      "Votre demande du {1} a été refusée le {2}. Motif indiqué : {3}"
    ),
    "me.signin.currentPassphrase": ("Your current passphrase", "Votre phrase secrète actuelle"),
    "me.signin.currentHint": (
      "Needed unless you signed in less than 10 minutes ago. Saving signs you out on every other device.",
      "Nécessaire sauf si vous vous êtes connecté il y a moins de 10 minutes. L’enregistrement vous déconnecte de tous vos autres appareils."
    ),
    "me.signin.othersEnd": (
      "Saving signs you out on every other device.",
      "L’enregistrement vous déconnecte de tous vos autres appareils."
    ),
    "passphrase.currentWrong": (
      "Type your current passphrase (or sign in again) to change your sign-in name or passphrase.",
      "Saisissez votre phrase secrète actuelle (ou reconnectez-vous) pour modifier votre identifiant ou votre phrase secrète."
    ),
  ]
}
