extension Strings {
  static let staff: [String: Entry] = [
    "admin.title": ("Administration", "Administration"),
    "role.learner": ("Learner", "Participant"),
    "role.trainer": ("Trainer", "Formateur"),
    "role.manager": ("Manager", "Responsable"),
    "role.admin": ("Administrator", "Administrateur"),
    "invite.title": ("Invite someone", "Inviter quelqu’un"),
    "invite.explain": (
      "Each link works once and expires after 14 days. Send it by WhatsApp, SMS or email.",
      "Chaque lien ne fonctionne qu’une fois et expire après 14 jours. Envoyez-le par WhatsApp, SMS ou e-mail."
    ),
    "invite.role": ("Role", "Rôle"),
    "invite.name": (
      "Name (optional, the person can change it)", "Nom (facultatif, la personne peut le modifier)"
    ),
    "invite.locale": ("Language", "Langue"),
    "invite.create": ("Create the link", "Créer le lien"),
    "invite.created": (
      "Invitation link created. Copy it now: it is shown only once.",
      "Lien d’invitation créé. Copiez-le maintenant : il ne sera plus affiché."
    ),
    "invite.link": ("Invitation link", "Lien d’invitation"),
    "join.title": ("Join the training", "Rejoindre la formation"),
    "join.intro": (
      "Welcome! Tell us the name to show on your certificates. Everything else is optional.",
      "Bienvenue ! Indiquez le nom à afficher sur vos certificats. Tout le reste est facultatif."
    ),
    "join.invalid": (
      "This invitation has expired or was already used. Ask the person who sent it for a new one.",
      "Cette invitation a expiré ou a déjà été utilisée. Demandez-en une nouvelle à la personne qui vous l’a envoyée."
    ),
    "join.name": ("Your name or nickname", "Votre nom ou pseudonyme"),
    "join.nameHint": (
      "Shown on your certificates. You don’t have to use your legal name.",
      "Affiché sur vos certificats. Ce n’est pas forcément votre nom officiel."
    ),
    "join.nameInvalid": (
      "Please give a name of 1 to 80 characters.", "Indiquez un nom de 1 à 80 caractères."
    ),
    "join.locale": ("Language", "Langue"),
    "join.optional": ("About you (optional)", "À propos de vous (facultatif)"),
    "join.optionalWhy": (
      "Used only for anonymous group statistics, so the programme reaches everyone. Groups smaller than 5 people are never shown.",
      "Utilisé seulement pour des statistiques de groupe anonymes, afin que le programme touche tout le monde. Les groupes de moins de 5 personnes ne sont jamais affichés."
    ),
    "join.preferNot": ("Prefer not to say", "Je préfère ne pas répondre"),
    "join.age": ("Age", "Âge"),
    "join.age.under-18": ("Under 18", "Moins de 18 ans"),
    "join.age.18-24": ("18 to 24", "18 à 24 ans"),
    "join.age.25-34": ("25 to 34", "25 à 34 ans"),
    "join.age.35-49": ("35 to 49", "35 à 49 ans"),
    "join.age.50-plus": ("50 or more", "50 ans ou plus"),
    "join.gender": ("Gender", "Genre"),
    "join.gender.woman": ("Woman", "Femme"),
    "join.gender.man": ("Man", "Homme"),
    "join.gender.other": ("Another gender", "Autre genre"),
    "join.disability": ("Do you have a disability?", "Avez-vous un handicap ?"),
    "join.disability.yes": ("Yes", "Oui"),
    "join.disability.no": ("No", "Non"),
    "join.consent": ("I have read and accept the", "J’ai lu et j’accepte l’"),
    "join.consentNeeded": (
      "Please accept the privacy notice to join.",
      "Veuillez accepter l’avis de confidentialité pour rejoindre."
    ),
    "join.submit": ("Join", "Rejoindre"),
    "passphrase.tooShort": (
      "A passphrase needs at least 12 characters.",
      "Une phrase secrète doit compter au moins 12 caractères."
    ),
    "passphrase.badHandle": (
      "A sign-in name has 3 to 40 letters, digits, dots, dashes or underscores.",
      "Un identifiant compte de 3 à 40 lettres, chiffres, points, tirets ou soulignés."
    ),
    "passphrase.handleTaken": ("That sign-in name is taken.", "Cet identifiant est déjà pris."),
  ]
}
