extension Strings {
  static let teach: [String: Entry] = [
    "teach.title": ("Teach: content", "Enseigner : contenus"),
    "teach.review.link": ("answer key", "corrigé"),
    "teach.review.title": ("Answer key: {1}", "Corrigé : {1}"),
    "teach.review.explain": (
      "Each question with the answer it is keyed to and the feedback a learner giving that answer sees. Read each line as a second reader: does the key match the statement, and does the feedback agree with it?",
      "Chaque question avec la réponse attendue et le retour que voit la personne qui la donne. Lisez chaque ligne en second lecteur : la clé correspond-elle à l’énoncé, et le retour lui donne-t-il raison ?"
    ),
    "teach.review.shuffled": (
      "Answers are shown in a random order.",
      "Les réponses sont présentées dans un ordre aléatoire."
    ),
    "teach.review.fixed": (
      "Answers are shown in file order (// @shuffle: false): make sure the right answer is not always in the same place.",
      "Les réponses sont présentées dans l’ordre du fichier (// @shuffle: false) : vérifiez que la bonne réponse n’est pas toujours à la même place."
    ),
    "teach.review.line": ("line {1}", "ligne {1}"),
    "teach.review.question": ("Question", "Question"),
    "teach.review.text": ("Text", "Énoncé"),
    "teach.review.key": ("Keyed answer and its feedback", "Réponse attendue et son retour"),
    "teach.error.roundTrip": (
      "Nothing was saved: the file would not read back as what you wrote. Check the problems listed for this file.",
      "Rien n’a été enregistré : le fichier ne se relirait pas tel que vous l’avez écrit. Consultez les problèmes indiqués pour ce fichier."
    ),
    "teach.coverage": ("Translations", "Traductions"),
    "teach.coverage.module": ("Module", "Module"),
    "teach.coverage.lessons": ("Lessons", "Leçons"),
    "teach.coverage.questions": ("Questions", "Questions"),
    "teach.tree": ("Modules and lessons", "Modules et leçons"),
    "teach.problems": ("Problems", "Problèmes"),
    "teach.noProblems": ("No problems in the content.", "Aucun problème dans les contenus."),
    "teach.errorsServing": (
      "Errors: {1}. The site keeps serving the last good version until they are fixed.",
      "Erreurs : {1}. Le site continue d’afficher la dernière version correcte jusqu’à leur correction."
    ),
    "teach.warningsOnly": (
      "Warnings: {1}. The content is online.", "Avertissements : {1}. Les contenus sont en ligne."
    ),
    "teach.missingLanguage": ("{1} missing", "{1} manquant"),
    "teach.notServed": ("Not online yet (errors)", "Pas encore en ligne (erreurs)"),
    "teach.moduleProblems": ("Problems: {1}", "Problèmes : {1}"),
    "teach.quizzes": ("Quizzes:", "Quiz :"),
    "teach.media": (
      "Pictures (paste the line into a lesson):", "Images (collez la ligne dans une leçon) :"
    ),
    "teach.newModule": ("New module", "Nouveau module"),
    "teach.newLesson": ("New lesson", "Nouvelle leçon"),
    "teach.newTranslation": ("New translation", "Nouvelle traduction"),
    "teach.slug": ("Short name for addresses", "Nom court pour les adresses"),
    "teach.slug.hint": (
      "Lower-case letters, digits and dashes, e.g. fact-checking.",
      "Lettres minuscules, chiffres et tirets, par ex. fact-checking."
    ),
    "teach.titleField": ("Title", "Titre"),
    "teach.lesson": ("Lesson", "Leçon"),
    "teach.language": ("Language", "Langue"),
    "teach.create": ("Create", "Créer"),
    "teach.back": ("Back to the content", "Retour aux contenus"),
    "teach.upload": ("Upload a picture", "Téléverser une image"),
    "teach.upload.file": ("Picture", "Image"),
    "teach.upload.hint": (
      "PNG, JPEG or GIF, at most 60 KB: learners often pay for their data.",
      "PNG, JPEG ou GIF, 60 Ko au plus : les participants paient souvent leurs données."
    ),
    "teach.upload.send": ("Upload", "Téléverser"),
    "teach.done.created": ("Created.", "Créé."),
    "teach.done.saved": (
      "Saved. The site shows the change within 2 seconds if the content has no errors.",
      "Enregistré. Le site affiche la modification en 2 secondes si les contenus n’ont pas d’erreur."
    ),
    "teach.done.unchanged": (
      "Nothing changed; the file was not written.",
      "Rien n’a changé ; le fichier n’a pas été réécrit."
    ),
    "teach.done.uploaded": ("Picture uploaded.", "Image téléversée."),
    "teach.done.marked": (
      "Mark saved; the attempt’s score is updated.",
      "Note enregistrée ; le score de la tentative est mis à jour."
    ),
    "teach.error.slug": (
      "Use lower-case letters, digits and dashes for the short name.",
      "Utilisez des lettres minuscules, des chiffres et des tirets pour le nom court."
    ),
    "teach.error.exists": ("That file already exists.", "Ce fichier existe déjà."),
    "teach.error.noModule": ("That module does not exist.", "Ce module n’existe pas."),
    "teach.error.title": (
      "Give a title with letters or digits.", "Donnez un titre avec des lettres ou des chiffres."
    ),
    "teach.error.language": (
      "Choose a language other than English.", "Choisissez une autre langue que l’anglais."
    ),
    "teach.error.noLesson": (
      "That lesson has no English file to translate.",
      "Cette leçon n’a pas de fichier anglais à traduire."
    ),
    "teach.error.write": (
      "The file could not be written. Tell the administrator.",
      "Le fichier n’a pas pu être écrit. Prévenez l’administrateur."
    ),
    "teach.error.tooBig": (
      "This picture is {1} KB; the limit is {2} KB. Make it smaller (fewer pixels, or JPEG) and try again.",
      "Cette image fait {1} Ko ; la limite est de {2} Ko. Réduisez-la (moins de pixels, ou JPEG) et réessayez."
    ),
    "teach.error.notImage": (
      "Only PNG, JPEG and GIF pictures can be uploaded.",
      "Seules les images PNG, JPEG et GIF sont acceptées."
    ),
    "teach.error.noFile": ("Choose a picture to upload.", "Choisissez une image à téléverser."),
    "teach.error.notUTF8": (
      "This file is not UTF-8 text and cannot be edited here.",
      "Ce fichier n’est pas du texte UTF-8 et ne peut pas être modifié ici."
    ),
    "teach.error.fraction": ("Give a mark from 0 to 100.", "Donnez une note de 0 à 100."),
    "teach.edit.title": ("Edit {1}", "Modifier {1}"),
    "teach.edit.onSite": ("See it on the site", "Voir sur le site"),
    "teach.edit.source": ("Markdown", "Markdown"),
    "teach.edit.preview": ("Preview", "Aperçu"),
    "teach.edit.previewTitle": ("Preview on a phone", "Aperçu sur téléphone"),
    "teach.edit.hint": (
      "Preview shows the lesson without saving it. Saving replaces the file on the server.",
      "Aperçu montre la leçon sans l’enregistrer. Enregistrer remplace le fichier sur le serveur."
    ),
    "teach.conflict": (
      "Someone changed this file since you opened it. Compare both versions: keep yours, or start again from the one on disk.",
      "Quelqu’un a modifié ce fichier depuis que vous l’avez ouvert. Comparez les deux versions : gardez la vôtre, ou repartez de celle du disque."
    ),
    "teach.conflict.mine": ("Your version", "Votre version"),
    "teach.conflict.disk": ("Version on disk now", "Version actuelle sur le disque"),
    "teach.conflict.keepMine": ("Save my version over it", "Enregistrer ma version à la place"),
    "teach.conflict.takeDisk": ("Edit the disk version", "Modifier la version du disque"),
    "teach.essays.title": ("Essays to mark", "Rédactions à noter"),
    "teach.essays.none": ("No essay is waiting for a mark.", "Aucune rédaction n’attend de note."),
    "teach.essays.kind.certifying": ("final quiz", "quiz final"),
    "teach.essays.kind.pre": ("pre-test", "test initial"),
    "teach.essays.kind.refresher": ("refresher", "remise à niveau"),
    "teach.essays.question": ("Question:", "Question :"),
    "teach.essays.answer": ("Answer:", "Réponse :"),
    "teach.essays.mark": ("Mark (0 to 100 %)", "Note (0 à 100 %)"),
    "teach.essays.feedback": ("Feedback for the learner", "Commentaire pour le participant"),
    "teach.essays.save": ("Save the mark", "Enregistrer la note"),
    "teach.stats.title": ("Question statistics", "Statistiques des questions"),
    "teach.stats.cohort": ("Cohort", "Groupe"),
    "teach.stats.everyone": ("Everyone", "Tout le monde"),
    "teach.stats.mine": ("All my cohorts", "Tous mes groupes"),
    "teach.stats.noCohorts": (
      "You follow no cohort yet: an administrator attaches trainers to cohorts, and you then see how their learners answer.",
      "Vous ne suivez encore aucun groupe : un administrateur rattache les formateurs aux groupes, et vous voyez alors comment leurs participants répondent."
    ),
    "teach.stats.from": ("From", "Du"),
    "teach.stats.to": ("To", "Au"),
    "teach.stats.show": ("Show", "Afficher"),
    "teach.stats.csv": ("Download CSV", "Télécharger en CSV"),
    "teach.stats.attempts": (
      "Final quiz attempts counted: {1}", "Tentatives du quiz final comptées : {1}"
    ),
    "teach.stats.prePost": ("Before and after the module", "Avant et après le module"),
    "teach.stats.learners": ("Learners (both tests)", "Participants (les deux tests)"),
    "teach.stats.preMean": ("Pre-test mean", "Moyenne du test initial"),
    "teach.stats.postMean": ("Final quiz mean", "Moyenne du quiz final"),
    "teach.stats.gain": ("Gain", "Progression"),
    "teach.stats.points": ("{1} points", "{1} points"),
    "teach.stats.questions": ("Per question", "Par question"),
    "teach.stats.explain": (
      "Facility: share of the marks obtained. Discrimination: how much better the top 27 % of attempts did on the question than the bottom 27 % (−1 to 1; below 0, stronger learners miss it more).",
      "Facilité : part des points obtenus. Discrimination : combien les 27 % meilleures tentatives réussissent mieux la question que les 27 % moins bonnes (−1 à 1 ; sous 0, les plus forts la ratent davantage)."
    ),
    "teach.stats.suppressed": (
      "Fewer than {1} learners in this selection: question statistics are not shown, so no one’s answers can be singled out.",
      "Moins de {1} participants dans cette sélection : les statistiques ne sont pas affichées, pour qu’on ne puisse pas retrouver les réponses d’une personne."
    ),
    "teach.stats.question": ("Question", "Question"),
    "teach.stats.answers": ("Answers", "Réponses"),
    "teach.stats.facility": ("Facility", "Facilité"),
    "teach.stats.discrimination": ("Discrimination", "Discrimination"),
    "teach.stats.flags": ("Look at", "À revoir"),
    "teach.stats.wrong": ("Wrong answers chosen", "Mauvaises réponses choisies"),
    "teach.stats.noAnswer": ("no answer", "sans réponse"),
    "teach.stats.flag.everyonePasses": ("everyone passes", "tout le monde réussit"),
    "teach.stats.flag.everyoneFails": ("everyone fails", "tout le monde échoue"),
    "teach.stats.flag.negativeDiscrimination": (
      "stronger learners miss it more", "les plus forts la ratent davantage"
    ),
  ]
}
