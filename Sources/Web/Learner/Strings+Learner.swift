extension Strings {
  static let learner: [String: Entry] = [
    "home.title": ("Your modules", "Vos modules"),
    "home.welcome": ("Welcome to Relais", "Bienvenue sur Relais"),
    "home.intro": (
      "Short training modules for community content creators working with humanitarian organisations. Learners join with an invitation link.",
      "De courts modules de formation pour les créateurs de contenu communautaires qui travaillent avec des organisations humanitaires. Les participants rejoignent avec un lien d’invitation."
    ),
    "home.continue": ("Continue where you stopped", "Reprendre là où vous vous êtes arrêté"),
    "home.modules": ("All modules", "Tous les modules"),
    "home.assigned": ("Assigned to you", "Modules qui vous sont assignés"),
    "home.due": ("Due {1}", "À terminer avant le {1}"),
    "home.others": ("Other modules", "Autres modules"),
    "home.refresher": ("Take the refresher", "Faire la session de rappel"),
    "home.lessonCount": ("{1} lessons", "{1} leçons"),
    "progress.label": ("Progress in {1}", "Progression dans {1}"),
    "status.notStarted": ("Not started", "Pas commencé"),
    "status.inProgress": ("In progress", "En cours"),
    "status.quizPassed": ("Quiz passed", "Quiz réussi"),
    "status.passed": ("Certified", "Certifié"),
    "status.expiring": ("Certificate expiring", "Certificat bientôt expiré"),
    "status.refresherDue": ("Refresher due", "Session de rappel à faire"),
    "status.overdue": ("Overdue", "En retard"),
    "status.revoked": ("Certificate revoked", "Certificat révoqué"),
    "module.progress": ("{1} of {2} lessons read", "{1} leçon(s) lue(s) sur {2}"),
    "module.lessons": ("Lessons", "Leçons"),
    "module.pretest": ("Before you start", "Avant de commencer"),
    "module.pretestExplain": (
      "A short quiz on what you already know. It does not count; it helps the programme see what you learn. You may skip it.",
      "Un court quiz sur ce que vous savez déjà. Il ne compte pas ; il aide le programme à mesurer ce que vous apprenez. Vous pouvez le passer."
    ),
    "module.pretestStart": ("Take the pre-test", "Faire le pré-test"),
    "module.quiz": ("Quiz", "Quiz"),
    "module.quizExplain": (
      "Pass with {1}% or more to earn the certificate.",
      "Réussissez avec {1} % ou plus pour obtenir le certificat."
    ),
    "module.quizStart": ("Take the quiz", "Faire le quiz"),
    "module.certified": (
      "You are certified for this module:", "Vous êtes certifié pour ce module :"
    ),
    "lesson.position": ("Lesson {1} of {2}", "Leçon {1} sur {2}"),
    "lesson.objectives": ("In this lesson you will", "Dans cette leçon, vous allez"),
    "lesson.doneNext": ("Done, next lesson", "Terminé, leçon suivante"),
    "lesson.doneQuiz": ("Done, go to the quiz", "Terminé, aller au quiz"),
    "lesson.read": ("read", "lue"),
    "lesson.pager": ("Lessons", "Leçons"),
    "ack.title": ("Your commitment", "Votre engagement"),
    "ack.explain": (
      "By typing your name you confirm that you have read this code of conduct (version {1}) and will follow it.",
      "En tapant votre nom, vous confirmez avoir lu ce code de conduite (version {1}) et vous engagez à le respecter."
    ),
    "ack.name": ("Your name", "Votre nom"),
    "ack.submit": ("I acknowledge the code of conduct", "J’accepte le code de conduite"),
    "ack.done": (
      "You acknowledged version {1} on {2}.", "Vous avez accepté la version {1} le {2}."
    ),
    "ack.nameNeeded": ("Please type your name to acknowledge.", "Tapez votre nom pour accepter."),
    "privacy.title": ("Privacy notice", "Avis de confidentialité"),
    "privacy.h1": ("What we store", "Ce que nous conservons"),
    "privacy.p1": (
      "The name you choose (it can be a nickname), your language, the lessons you read, your quiz answers and scores, your certificates and the code of conduct you acknowledged. If you choose to, your age band, gender and whether you have a disability.",
      "Le nom que vous choisissez (ce peut être un pseudonyme), votre langue, les leçons lues, vos réponses et scores aux quiz, vos certificats et le code de conduite que vous avez accepté. Si vous le choisissez, votre tranche d’âge, votre genre et si vous avez un handicap."
    ),
    "privacy.h2": ("Why", "Pourquoi"),
    "privacy.p2": (
      "To run your training, give you certificates, and help the programme improve. Age, gender and disability are used only for anonymous group statistics; groups smaller than 5 people are never shown.",
      "Pour suivre votre formation, vous délivrer des certificats et aider le programme à s’améliorer. L’âge, le genre et le handicap servent seulement à des statistiques de groupe anonymes ; les groupes de moins de 5 personnes ne sont jamais affichés."
    ),
    "privacy.h3": ("Who sees it", "Qui les voit"),
    "privacy.p3": (
      "You, and the programme staff (trainers and managers) of your group. Anyone with your certificate code sees only your chosen name, the module and the dates.",
      "Vous, et l’équipe du programme (formateurs et responsables) de votre groupe. Toute personne qui a le code de votre certificat voit seulement le nom choisi, le module et les dates."
    ),
    "privacy.h4": ("How long", "Combien de temps"),
    "privacy.p4": (
      "While you take part, and until your account has been inactive for the retention period set by the operation (by default two years). Then it is erased.",
      "Pendant votre participation, puis jusqu’à ce que votre compte soit inactif pendant la durée fixée par l’opération (deux ans par défaut). Ensuite il est effacé."
    ),
    "privacy.h5": ("Your rights", "Vos droits"),
    "privacy.p5": (
      "On “My data” you see everything stored about you and can download it. You can ask for your account to be deleted.",
      "Sur « Mes données », vous voyez tout ce qui est conservé sur vous et pouvez le télécharger. Vous pouvez demander la suppression de votre compte."
    ),
    "privacy.h6": ("Security", "Sécurité"),
    "privacy.p6": (
      "Sign-in secrets are stored only as hashes. No tracking, no advertising, no third-party scripts.",
      "Les secrets de connexion sont conservés seulement sous forme d’empreintes. Pas de pistage, pas de publicité, pas de scripts tiers."
    ),
  ]
}
