extension Strings {
  static let manage: [String: Entry] = [
    "manage.title": ("Programme dashboard", "Tableau de bord du programme"),
    "manage.back": ("Back to the dashboard", "Retour au tableau de bord"),
    "manage.module": ("Module", "Module"),
    "manage.due": ("Due date", "Date limite"),
    "manage.kind": ("Type", "Type"),
    "manage.kind.initial": ("First training", "Formation initiale"),
    "manage.kind.refresher": ("Refresher", "Remise à niveau"),
    "manage.erasedName": ("(erased)", "(effacé)"),
    "manage.dateInvalid": (
      "Enter a date as YYYY-MM-DD.", "Saisissez une date au format AAAA-MM-JJ."
    ),
    "cohort.nameInvalid": (
      "Give the cohort a name (at most 120 characters).",
      "Donnez un nom à la cohorte (120 caractères au plus)."
    ),
    "assign.moduleUnknown": ("This module does not exist.", "Ce module n’existe pas."),
    "refresher.noModule": ("Choose at least one module.", "Choisissez au moins un module."),
    "manage.filter.cohort": ("Cohort", "Cohorte"),
    "manage.filter.all": ("All my cohorts", "Toutes mes cohortes"),
    "manage.filter.apply": ("Show", "Afficher"),
    "manage.status.notStarted": ("Not started", "Pas commencé"),
    "manage.status.inProgress": ("In progress", "En cours"),
    "manage.status.passed": ("Quiz passed", "Quiz réussi"),
    "manage.status.valid": ("Certificate valid", "Certificat valide"),
    "manage.status.expiring": ("Expiring soon", "Expire bientôt"),
    "manage.status.expired": ("Expired", "Expiré"),
    "manage.status.overdue": ("Overdue", "En retard"),
    "manage.matrix.title": ("Completion by learner", "Avancement par participant"),
    "manage.matrix.learner": ("Learner", "Participant"),
    "manage.matrix.count": (
      "{1} learners · page {2} of {3}", "{1} participants · page {2} sur {3}"
    ),
    "manage.matrix.previous": ("Previous page", "Page précédente"),
    "manage.matrix.next": ("Next page", "Page suivante"),
    "manage.matrix.pages": ("Pages", "Pages"),
    "manage.export.title": ("Exports", "Exports"),
    "manage.export.progress": ("Progress (CSV)", "Avancement (CSV)"),
    "manage.export.attempts": ("Quiz attempts (CSV)", "Tentatives de quiz (CSV)"),
    "manage.export.certificates": ("Certificates (CSV)", "Certificats (CSV)"),
    "manage.export.groups": ("Results by group (CSV)", "Résultats par groupe (CSV)"),
    "manage.export.xapi": (
      "xAPI statements (JSON, for a Learning Record Store)", "Déclarations xAPI (JSON, pour un LRS)"
    ),
    "manage.funnel.title": ("From invitation to certificate", "De l’invitation au certificat"),
    "manage.funnel.invited": ("Invited", "Invités"),
    "manage.funnel.started": ("Started", "Ont commencé"),
    "manage.funnel.read": ("Read all lessons", "Toutes leçons lues"),
    "manage.funnel.passed": ("Passed the quiz", "Quiz réussi"),
    "manage.funnel.certified": ("Valid certificate", "Certificat valide"),
    "manage.funnel.chart": ("Learners at each step, {1}", "Participants à chaque étape, {1}"),
    "manage.gain.title": ("Knowledge gain", "Progrès des connaissances"),
    "manage.gain.explain": (
      "Mean score of the pre-test (before the lessons) and of the certifying quiz; n is the number of attempts.",
      "Score moyen du test initial (avant les leçons) et du quiz de certification ; n est le nombre de tentatives."
    ),
    "manage.gain.pre": ("Pre-test", "Test initial"),
    "manage.gain.post": ("Certifying quiz", "Quiz de certification"),
    "manage.gain.gain": ("Gain", "Progrès"),
    "manage.weeks.title": ("Quizzes passed per week", "Quiz réussis par semaine"),
    "manage.weeks.chart": (
      "Quizzes passed per week over the last 12 weeks",
      "Quiz réussis par semaine sur les 12 dernières semaines"
    ),
    "manage.weeks.table": ("The numbers week by week", "Les chiffres semaine par semaine"),
    "manage.weeks.week": ("Week starting", "Semaine du"),
    "manage.weeks.passes": ("Passed", "Réussis"),
    "manage.groups.title": ("Results by group", "Résultats par groupe"),
    "manage.groups.explain": (
      "From what learners chose to tell about themselves. Groups of fewer than 5 learners are not shown, so nobody can be recognised.",
      "D’après ce que les participants ont choisi de dire d’eux-mêmes. Les groupes de moins de 5 personnes ne sont pas détaillés, pour que personne ne soit reconnaissable."
    ),
    "manage.groups.fewer": ("fewer than 5", "moins de 5"),
    "manage.groups.group": ("Group", "Groupe"),
    "manage.groups.learners": ("Learners", "Participants"),
    "manage.dimension.ageBand": ("Age band", "Tranche d’âge"),
    "manage.dimension.gender": ("Gender", "Genre"),
    "manage.dimension.disability": ("Disability", "Handicap"),
    "manage.group.under-18": ("Under 18", "Moins de 18 ans"),
    "manage.group.18-24": ("18–24", "18–24 ans"),
    "manage.group.25-34": ("25–34", "25–34 ans"),
    "manage.group.35-49": ("35–49", "35–49 ans"),
    "manage.group.50-plus": ("50 and over", "50 ans et plus"),
    "manage.group.woman": ("Woman", "Femme"),
    "manage.group.man": ("Man", "Homme"),
    "manage.group.other": ("Another gender", "Autre genre"),
    "manage.group.yes": ("Yes", "Oui"),
    "manage.group.no": ("No", "Non"),
    "manage.group.unstated": ("Not stated", "Non indiqué"),
    "manage.ack.title": ("Code of conduct", "Code de conduite"),
    "manage.ack.document": ("Document and version", "Document et version"),
    "manage.ack.version": ("Version", "Version"),
    "manage.ack.date": ("Signed on", "Signé le"),
    "manage.ack.signed": ("Signed by", "Signé par"),
    "manage.ack.who": ("Who has signed which version", "Qui a signé quelle version"),
    "manage.ack.count": ("{1} signatures ({2} shown).", "{1} signatures ({2} affichées)."),
    "manage.audit.title": ("Audit log", "Journal d’audit"),
    "manage.audit.csv": ("Download as CSV", "Télécharger en CSV"),
    "manage.audit.explain": (
      "Every action of managers and administrators. Managers see their own actions; administrators see all.",
      "Chaque action des responsables et des administrateurs. Un responsable voit ses actions ; un administrateur voit tout."
    ),
    "manage.audit.at": ("When (UTC)", "Quand (UTC)"),
    "manage.audit.actor": ("Who", "Qui"),
    "manage.audit.action": ("Action", "Action"),
    "manage.audit.subject": ("On", "Sur"),
    "manage.audit.detail": ("Detail", "Détail"),
    "manage.cohorts.title": ("Cohorts", "Cohortes"),
    "manage.cohorts.none": (
      "No cohort yet. Create the first one below.",
      "Aucune cohorte pour l’instant. Créez la première ci-dessous."
    ),
    "manage.cohorts.create": ("Create a cohort", "Créer une cohorte"),
    "manage.cohort.name": ("Cohort name", "Nom de la cohorte"),
    "manage.cohort.nameHint": (
      "For example: Kakuma youth creators, 2026", "Par exemple : Jeunes créateurs de Kakuma, 2026"
    ),
    "manage.cohort.created": ("Created", "Créée le"),
    "manage.cohort.dashboard": ("Dashboard for this cohort", "Tableau de bord de cette cohorte"),
    "manage.cohort.overdue": ("Overdue", "En retard"),
    "manage.cohort.noOverdue": ("Nobody is late.", "Personne n’est en retard."),
    "manage.cohort.learners": ("Learners ({1})", "Participants ({1})"),
    "manage.cohort.noLearners": (
      "No learner has joined yet.", "Aucun participant n’a encore rejoint."
    ),
    "manage.cohort.person": ("Name", "Nom"),
    "manage.cohort.staff": ("Staff attached", "Équipe rattachée"),
    "manage.cohort.noStaff": ("No staff attached.", "Personne de l’équipe n’est rattaché."),
    "manage.cohort.noStaffAccounts": (
      "There is no trainer or manager account yet. Invite one from the admin page.",
      "Il n’y a pas encore de compte formateur ou responsable. Invitez-en un depuis la page d’administration."
    ),
    "manage.cohort.attach": (
      "Attach a trainer or manager", "Rattacher un formateur ou un responsable"
    ),
    "manage.cohort.attachSubmit": ("Attach", "Rattacher"),
    "manage.invite.title": ("Invite learners", "Inviter des participants"),
    "manage.invite.lines": (
      "One learner per line: name, language", "Un participant par ligne : nom, langue"
    ),
    "manage.invite.hint": (
      "For example “Amina, fr”. Without a language, English is used. At most 200 lines.",
      "Par exemple « Amina, fr ». Sans langue, l’anglais est utilisé. 200 lignes au plus."
    ),
    "manage.invite.submit": ("Make the invitation links", "Créer les liens d’invitation"),
    "manage.invite.done": ("{1} invitation links", "{1} liens d’invitation"),
    "manage.invite.once": (
      "Copy these links now: they are shown only once. Each works once, for 14 days.",
      "Copiez ces liens maintenant : ils ne sont affichés qu’une fois. Chacun fonctionne une fois, pendant 14 jours."
    ),
    "manage.invite.linkFor": ("Invitation link for {1}", "Lien d’invitation pour {1}"),
    "manage.invite.sheet": ("Printable sheet", "Feuille à imprimer"),
    "manage.invite.back": ("Back to {1}", "Retour à {1}"),
    "manage.invite.empty": ("Write at least one name.", "Écrivez au moins un nom."),
    "manage.invite.tooMany": (
      "At most 200 learners at a time.", "200 participants au plus à la fois."
    ),
    "manage.sheet.title": ("Invitations · {1}", "Invitations · {1}"),
    "manage.sheet.print": (
      "Print this page and cut along the boxes. Keep it safe: each link opens an account.",
      "Imprimez cette page et découpez les cadres. Gardez-la en lieu sûr : chaque lien ouvre un compte."
    ),
    "manage.sheet.instructions": (
      "Open this link on your phone to join the training. It works once.",
      "Ouvrez ce lien sur votre téléphone pour rejoindre la formation. Il ne fonctionne qu’une fois."
    ),
    "manage.assign.title": ("Assignments", "Affectations"),
    "manage.assign.who": ("For", "Pour"),
    "manage.assign.wholeCohort": ("The whole cohort", "Toute la cohorte"),
    "manage.assign.submit": ("Assign", "Affecter"),
    "manage.assign.done": ("Done", "Terminé"),
    "manage.assign.open": ("To do", "À faire"),
    "manage.refresher.title": ("Refresher session", "Session de remise à niveau"),
    "manage.refresher.explain": (
      "Learners take the refresher quiz; passing it renews their certificate.",
      "Les participants passent le quiz de remise à niveau ; le réussir renouvelle leur certificat."
    ),
    "manage.refresher.modules": ("Modules", "Modules"),
    "manage.refresher.before": (
      "Only certificates expiring before (optional)",
      "Seulement les certificats expirant avant (facultatif)"
    ),
    "manage.refresher.beforeHint": (
      "Leave empty for every certified learner of the cohort.",
      "Laissez vide pour tous les participants certifiés de la cohorte."
    ),
    "manage.refresher.submit": ("Issue the refresher", "Lancer la remise à niveau"),
    "manage.expiring.title": ("Certificates expiring soon", "Certificats qui expirent bientôt"),
    "manage.expiring.days": ("Next {1} days", "{1} prochains jours"),
    "manage.expiring.count": (
      "{1} certificates. A refresher issued here is due on {2}.",
      "{1} certificats. Une remise à niveau lancée ici est à faire avant le {2}."
    ),
    "manage.expiring.expires": ("Expires", "Expire le"),
    "manage.expiring.refresh": ("Issue a refresher", "Lancer une remise à niveau"),
    "manage.expiring.pending": ("Refresher assigned", "Remise à niveau affectée"),
    "manage.learner.status": ("Status", "Statut"),
    "manage.learner.lessons": ("Lessons read", "Leçons lues"),
    "manage.learner.best": ("Best score", "Meilleur score"),
    "manage.learner.noAssignments": ("Nothing assigned.", "Rien d’affecté."),
    "manage.erase.title": ("Erase this learner", "Effacer ce participant"),
    "manage.erase.explain": (
      "Removes their name, sign-in, self-declared details and sessions, and revokes their certificates. Their anonymous results stay in the programme’s numbers. This cannot be undone.",
      "Supprime son nom, son accès, les informations qu’il a déclarées et ses sessions, et révoque ses certificats. Ses résultats anonymes restent dans les chiffres du programme. C’est irréversible."
    ),
    "manage.erase.confirm": (
      "I confirm that {1} asked to be erased", "Je confirme que {1} a demandé à être effacé"
    ),
    "manage.erase.submit": ("Erase", "Effacer"),
    "manage.erase.done": ("This learner was erased.", "Ce participant a été effacé."),
    "manage.erase.confirmNeeded": ("Tick the box to confirm.", "Cochez la case pour confirmer."),
  ]
}
