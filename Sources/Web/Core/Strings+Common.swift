extension Strings {
  static let common: [String: Entry] = [
    "site.name": ("Relais", "Relais"),
    "site.tagline": (
      "Training for community influencers", "Formation des influenceurs communautaires"
    ),
    "nav.home": ("Home", "Accueil"),
    "nav.modules": ("Modules", "Modules"),
    "nav.me": ("My data", "Mes données"),
    "nav.teach": ("Teach", "Enseigner"),
    "nav.manage": ("Manage", "Gérer"),
    "nav.admin": ("Admin", "Admin"),
    "nav.signin": ("Sign in", "Se connecter"),
    "nav.signout": ("Sign out", "Se déconnecter"),
    "nav.skip": ("Skip to content", "Aller au contenu"),
    "nav.main": ("Main menu", "Menu principal"),
    "lang.switch": ("Language", "Langue"),
    "footer.concern": ("Report a protection concern", "Signaler un problème de protection"),
    "footer.privacy": ("Privacy notice", "Avis de confidentialité"),
    "footer.certificates": ("Check a certificate", "Vérifier un certificat"),
    "error.title": ("Something went wrong", "Un problème est survenu"),
    "error.notFound": ("This page does not exist.", "Cette page n’existe pas."),
    "error.forbidden": (
      "You are not allowed to see this page.", "Vous n’avez pas accès à cette page."
    ),
    "error.csrf": (
      "This form has expired. Go back, reload the page and try again.",
      "Ce formulaire a expiré. Revenez en arrière, rechargez la page et réessayez."
    ),
    "error.server": (
      "The server had a problem. Your last saved answers are safe. Please try again.",
      "Le serveur a eu un problème. Vos dernières réponses enregistrées sont en sécurité. Réessayez."
    ),
    "error.badRequest": (
      "This request could not be understood.", "Cette demande n’a pas pu être comprise."
    ),
    "error.back": ("Back to the home page", "Retour à l’accueil"),
    "common.save": ("Save", "Enregistrer"),
    "common.minutes": ("{1} min", "{1} min"),
    "common.fallback": (
      "This text is not yet translated into your language; it is shown in English.",
      "Ce texte n’est pas encore traduit dans votre langue ; il s’affiche en anglais."
    ),
    "signin.title": ("Sign in", "Se connecter"),
    "signin.handle": ("Your sign-in name", "Votre identifiant"),
    "signin.passphrase": ("Passphrase", "Phrase secrète"),
    "signin.submit": ("Sign in", "Se connecter"),
    "signin.failed": (
      "That name and passphrase don’t match.",
      "Cet identifiant et cette phrase secrète ne correspondent pas."
    ),
    "signin.limited": (
      "Too many attempts. Wait {1} minutes and try again.",
      "Trop de tentatives. Attendez {1} minutes et réessayez."
    ),
    "signin.link.title": ("Your sign-in link", "Votre lien de connexion"),
    "signin.link.explain": (
      "This link works once. Press the button to sign in on this device.",
      "Ce lien ne fonctionne qu’une fois. Appuyez sur le bouton pour vous connecter sur cet appareil."
    ),
    "signin.link.invalid": (
      "This link has expired or was already used. Ask for a new one.",
      "Ce lien a expiré ou a déjà été utilisé. Demandez-en un nouveau."
    ),
    "signin.noAccount": (
      "Learners join with the invitation link their organisation sent them.",
      "Les participants rejoignent avec le lien d’invitation envoyé par leur organisation."
    ),
  ]
}
