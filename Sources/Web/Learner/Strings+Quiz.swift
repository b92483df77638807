extension Strings {
  static let quiz: [String: Entry] = [
    "quiz.title.certifying": ("Quiz: {1}", "Quiz : {1}"),
    "quiz.title.pre": ("Pre-test: {1}", "Pré-test : {1}"),
    "quiz.title.refresher": ("Refresher: {1}", "Rappel : {1}"),
    "quiz.intro": (
      "{1} questions. Answer all of them, then press the button at the end.",
      "{1} questions. Répondez à toutes, puis appuyez sur le bouton à la fin."
    ),
    "quiz.needsNetwork": (
      "Sending your answers needs a connection. If it fails, your answers stay on this page: try again when you are back online.",
      "L’envoi de vos réponses demande une connexion. En cas d’échec, vos réponses restent sur cette page : réessayez quand vous êtes de nouveau en ligne."
    ),
    "quiz.questionN": ("Question {1}", "Question {1}"),
    "quiz.chooseAll": ("Choose every answer that is right.", "Cochez toutes les bonnes réponses."),
    "quiz.choose": ("Choose…", "Choisir…"),
    "quiz.true": ("True", "Vrai"),
    "quiz.false": ("False", "Faux"),
    "quiz.submit": ("Send my answers", "Envoyer mes réponses"),
    "quiz.backToModule": ("Back to the module", "Retour au module"),
    "quiz.noAttemptsLeft": (
      "You have used all {1} attempts for this quiz. Ask your trainer.",
      "Vous avez utilisé vos {1} tentatives pour ce quiz. Adressez-vous à votre formateur."
    ),
    "quiz.waitBeforeRetry": (
      "Take time to reread the lessons. You can try again in {1} minutes.",
      "Prenez le temps de relire les leçons. Vous pourrez réessayer dans {1} minutes."
    ),
    "result.title": ("Your result: {1}", "Votre résultat : {1}"),
    "result.passed": ("Passed with {1}%. Well done!", "Réussi avec {1} %. Bravo !"),
    "result.failed": (
      "{1}% — you need {2}% to pass. Read the feedback below and try again.",
      "{1} % — il faut {2} % pour réussir. Lisez les explications ci-dessous et réessayez."
    ),
    "result.score": ("Your score: {1}%", "Votre score : {1} %"),
    "result.certificate": ("See your certificate", "Voir votre certificat"),
    "result.readLessons": (
      "Read every lesson of the module (press “Done” at the end of each) to receive your certificate.",
      "Lisez toutes les leçons du module (appuyez sur « Terminé » à la fin de chacune) pour recevoir votre certificat."
    ),
    "result.retry": ("Try again", "Réessayer"),
    "result.right": ("Right", "Juste"),
    "result.wrong": ("Not right", "Pas juste"),
    "result.partly": ("Partly right ({1}%)", "En partie juste ({1} %)"),
    "result.pending": ("A trainer will mark this", "Un formateur corrigera"),
    "result.marked": ("Marked by a trainer: {1}%", "Corrigé par un formateur : {1} %"),
    "result.trainerSays": ("Your trainer:", "Votre formateur :"),
    "result.yourAnswer": ("Your answer:", "Votre réponse :"),
    "result.rightAnswer": ("Right answer:", "Bonne réponse :"),
    "result.noAnswer": ("no answer", "pas de réponse"),
  ]
}
