extension Strings {
  static let me: [String: Entry] = [
    "me.title": ("My data", "Mes données"),
    "me.intro": (
      "This page shows everything Relais stores about you. You can download it, correct it, or ask for it to be deleted.",
      "Cette page montre tout ce que Relais conserve sur vous. Vous pouvez le télécharger, le corriger ou demander sa suppression."
    ),
    "me.export": ("Download all my data (JSON)", "Télécharger toutes mes données (JSON)"),
    "me.saved": ("Saved.", "Enregistré."),
    "me.profile": ("My profile", "Mon profil"),
    "me.name": ("Name shown on certificates", "Nom affiché sur les certificats"),
    "me.language": ("Language", "Langue"),
    "me.joined": ("Joined on", "Inscrit·e le"),
    "me.consent": ("Privacy notice accepted on", "Avis de confidentialité accepté le"),
    "me.notSaid": ("Not said", "Non indiqué"),
    "me.cohorts": ("Groups", "Groupes"),
    "me.none": ("None", "Aucun"),
    "me.editProfile": ("Change my profile", "Modifier mon profil"),
    "me.signin": ("Signing in on another device", "Se connecter sur un autre appareil"),
    "me.signin.explain": (
      "Without a passphrase, this browser is your key: if you lose it, ask your organisation for a new link. With a sign-in name and passphrase you can sign in anywhere.",
      "Sans phrase secrète, ce navigateur est votre clé : si vous le perdez, demandez un nouveau lien à votre organisation. Avec un identifiant et une phrase secrète, vous pouvez vous connecter partout."
    ),
    "me.signin.current": ("Your sign-in name: {1}", "Votre identifiant : {1}"),
    "me.signin.none": ("You have no passphrase yet.", "Vous n’avez pas encore de phrase secrète."),
    "me.signin.handle": (
      "Sign-in name (letters, numbers, . _ -)", "Identifiant (lettres, chiffres, . _ -)"
    ),
    "me.signin.passphrase": (
      "New passphrase (at least 12 characters)", "Nouvelle phrase secrète (au moins 12 caractères)"
    ),
    "me.signin.confirm": ("The same passphrase again", "La même phrase secrète, à nouveau"),
    "me.signin.mismatch": (
      "The two passphrases are different.", "Les deux phrases secrètes sont différentes."
    ),
    "me.signin.submit": ("Save my passphrase", "Enregistrer ma phrase secrète"),
    "me.sessions": ("Devices signed in: {1}", "Appareils connectés : {1}"),
    "me.signoutEverywhere": ("Sign out on every device", "Se déconnecter de tous les appareils"),
    "me.progress": ("My progress", "Ma progression"),
    "me.lessonsRead": ("{1} of {2} lessons read", "{1} leçon(s) lue(s) sur {2}"),
    "me.bestScore": ("best score {1}%", "meilleur score {1} %"),
    "me.attempts": ("My quiz attempts", "Mes tentatives aux quiz"),
    "me.attempt.module": ("Module", "Module"),
    "me.attempt.kind": ("Quiz", "Quiz"),
    "me.attempt.date": ("Date", "Date"),
    "me.attempt.score": ("Score", "Score"),
    "me.attempt.result": ("Result", "Résultat"),
    "me.attempt.open": ("Not submitted", "Non envoyé"),
    "me.attempt.passed": ("Passed", "Réussi"),
    "me.attempt.failed": ("Not passed", "Non réussi"),
    "me.attempt.view": ("See", "Voir"),
    "me.kind.certifying": ("Certifying quiz", "Quiz de certification"),
    "me.kind.pre": ("Pre-test", "Pré-test"),
    "me.kind.refresher": ("Refresher", "Rappel"),
    "me.certificates": ("My certificates", "Mes certificats"),
    "me.cert.until": ("valid until {1}", "valable jusqu’au {1}"),
    "me.cert.reason": ("Reason: {1}", "Motif : {1}"),
    "me.acks": ("Documents I acknowledged", "Documents dont j’ai pris connaissance"),
    "me.ack.item": (
      "{1}, version {2}, signed “{3}” on {4}", "{1}, version {2}, signé « {3} » le {4}"
    ),
    "me.nothing": ("Nothing yet.", "Rien pour l’instant."),
    "me.delete": ("Delete my account", "Supprimer mon compte"),
    "me.delete.explain": (
      "A manager confirms the deletion. Your name, sign-in name and personal details are then removed; your quiz results stay only as anonymous numbers, and your certificates show as withdrawn with no name.",
      "Un responsable confirme la suppression. Votre nom, votre identifiant et vos informations personnelles sont alors effacés ; vos résultats ne restent que sous forme de chiffres anonymes et vos certificats apparaissent retirés, sans nom."
    ),
    "me.delete.request": ("Ask to delete my account", "Demander la suppression de mon compte"),
    "me.delete.pending": (
      "You asked to delete your account on {1}. A manager will confirm it.",
      "Vous avez demandé la suppression de votre compte le {1}. Un responsable va la confirmer."
    ),
    "me.delete.cancel": ("Cancel my request", "Annuler ma demande"),
    "me.delete.cancelled": (
      "You cancelled your deletion request.", "Vous avez annulé votre demande de suppression."
    ),
    "me.delete.confirmed": (
      "Your deletion was confirmed on {1}.", "Votre suppression a été confirmée le {1}."
    ),
    "offline.title": ("You are offline", "Vous êtes hors ligne"),
    "offline.explain": (
      "There is no connection right now. The lessons you opened on this device are still available:",
      "Il n’y a pas de connexion pour l’instant. Les leçons que vous avez ouvertes sur cet appareil restent disponibles :"
    ),
    "offline.none": (
      "No lesson is saved on this device yet. Open lessons while connected, or use “Make this module available offline” on a module’s page.",
      "Aucune leçon n’est encore enregistrée sur cet appareil. Ouvrez des leçons quand vous êtes connecté·e, ou utilisez « Rendre ce module disponible hors ligne » sur la page d’un module."
    ),
    "offline.quiz": (
      "Quizzes need the network: your answers are checked and saved on the server. Come back to the quiz when you are connected.",
      "Les quiz ont besoin du réseau : vos réponses sont corrigées et enregistrées sur le serveur. Revenez au quiz quand vous serez connecté·e."
    ),
    "offline.quizTitle": ("This quiz needs the network", "Ce quiz a besoin du réseau"),
    "offline.save": (
      "Make this module available offline", "Rendre ce module disponible hors ligne"
    ),
    "offline.saving": ("Saving the lessons…", "Enregistrement des leçons…"),
    "offline.saved": (
      "All lessons of this module are saved on this device.",
      "Toutes les leçons de ce module sont enregistrées sur cet appareil."
    ),
    "offline.failed": (
      "Some lessons could not be saved. Try again when connected.",
      "Certaines leçons n’ont pas pu être enregistrées. Réessayez une fois connecté·e."
    ),
    "offline.retry": ("Try again", "Réessayer"),
  ]
}
