extension Strings {
  /// Deletion requests (managers and the learner's "My data") and sign-in changes.
  static let accounts: [String: String] = [
    "deletions.title": "Deletion requests",
    "deletions.link": "Deletion requests waiting: {1}",
    "deletions.overdueCount": "{1} overdue",
    "deletions.none": "No request is waiting.",
    "deletions.explain":
      "Learners of your groups who asked to be erased. Answer each by its due date, one month after the request: confirm to erase the learner now (this cannot be undone), or decline with a reason the learner will read.",
    "deletions.requested": "Asked on",
    "deletions.due": "answer due by",
    "deletions.overdue": "overdue",
    "deletions.confirmCheck": "I confirm: erase {1}",
    "deletions.confirm": "Erase now",
    "deletions.reason": "Or decline, with the reason (the learner will read it)",
    "deletions.decline": "Decline",
    "deletions.done.confirmed": "The learner was erased.",
    "deletions.done.declined": "The request was declined; the learner will see your reason.",
    "deletion.reasonNeeded": "Write the reason for declining (at most 1,000 characters).",
    "me.delete.pendingDue":
      "You asked to delete your account on {1}. A manager will answer by {2}.",
    "me.delete.declined": "Your request of {1} was declined on {2}. Reason given: {3}",
    "me.signin.currentPassphrase": "Your current passphrase",
    "me.signin.currentHint":
      "Needed unless you signed in less than 10 minutes ago. Saving signs you out on every other device.",
    "me.signin.othersEnd": "Saving signs you out on every other device.",
    "passphrase.currentWrong":
      "Type your current passphrase (or sign in again) to change your sign-in name or passphrase.",
  ]
}
