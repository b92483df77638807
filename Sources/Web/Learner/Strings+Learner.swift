extension Strings {
  static let learner: [String: String] = [
    "home.title": "Your modules",
    "home.welcome": "Welcome to Relais",
    "home.intro":
      "Short training modules for community content creators working with humanitarian organisations. Learners join with an invitation link.",
    "home.continue": "Continue where you stopped",
    "home.modules": "All modules",
    "home.assigned": "Assigned to you",
    "home.due": "Due {1}",
    "home.others": "Other modules",
    "home.refresher": "Take the refresher",
    "home.lessonCount": "{1} lessons",
    "progress.label": "Progress in {1}",
    "status.notStarted": "Not started",
    "status.inProgress": "In progress",
    "status.quizPassed": "Quiz passed",
    "status.passed": "Certified",
    "status.expiring": "Certificate expiring",
    "status.refresherDue": "Refresher due",
    "status.overdue": "Overdue",
    "status.revoked": "Certificate revoked",
    "module.progress": "{1} of {2} lessons read",
    "module.lessons": "Lessons",
    "module.pretest": "Before you start",
    "module.pretestExplain":
      "A short quiz on what you already know. It does not count; it helps the programme see what you learn. You may skip it.",
    "module.pretestStart": "Take the pre-test",
    "module.quiz": "Quiz",
    "module.quizExplain": "Pass with {1}% or more to earn the certificate.",
    "module.quizStart": "Take the quiz",
    "module.certified": "You are certified for this module:",
    "lesson.position": "Lesson {1} of {2}",
    "lesson.objectives": "In this lesson you will",
    "lesson.doneNext": "Done, next lesson",
    "lesson.doneQuiz": "Done, go to the quiz",
    "lesson.read": "read",
    "lesson.pager": "Lessons",
    "ack.title": "Your commitment",
    "ack.explain":
      "By typing your name you confirm that you have read this code of conduct (version {1}) and will follow it.",
    "ack.name": "Your name",
    "ack.submit": "I acknowledge the code of conduct",
    "ack.done": "You acknowledged version {1} on {2}.",
    "ack.nameNeeded": "Please type your name to acknowledge.",
    "privacy.title": "Privacy notice",
    "privacy.h1": "What we store",
    "privacy.p1":
      "The name you choose (it can be a nickname), your language, the lessons you read, your quiz answers and scores, your certificates and the code of conduct you acknowledged. If you choose to, your age band, gender and whether you have a disability.",
    "privacy.h2": "Why",
    "privacy.p2":
      "To run your training, give you certificates, and help the programme improve. Age, gender and disability are used only for anonymous group statistics; groups smaller than 5 people are never shown.",
    "privacy.h3": "Who sees it",
    "privacy.p3":
      "You, and the programme staff (trainers and managers) of your group. Anyone with your certificate code sees only your chosen name, the module and the dates.",
    "privacy.h4": "How long",
    "privacy.p4":
      "While you take part, and until your account has been inactive for the retention period set by the operation (by default two years). Then it is erased.",
    "privacy.h5": "Your rights",
    "privacy.p5":
      "On “My data” you see everything stored about you and can download it. You can ask for your account to be deleted.",
    "privacy.h6": "Security",
    "privacy.p6":
      "Sign-in secrets are stored only as hashes. No tracking, no advertising, no third-party scripts.",
  ]
}
